import type { LoadCollector } from './load-collector.js';
import type { YamlText } from './parse-yaml-text.js';

/** Hands every YAML/JSON syntax error of a file to the collector; true when there was none. */
export function reportYamlErrors(source: YamlText, file: string, collector: LoadCollector): boolean {
  for (const { position, reason, params, value } of source.syntaxErrors) {
    const error = { file, ...position, code: 'yaml-syntax', params: { reason, ...params } };
    collector.fileError(value === undefined ? error : { ...error, value });
  }
  return source.syntaxErrors.length === 0;
}
