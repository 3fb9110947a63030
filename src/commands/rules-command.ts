import { stringify } from 'yaml';
import type { Lang, Rule } from '../rules/rule-types.js';
import { BUNDLED_RULES } from '../rules/load-rules.js';
import { runFixtures } from '../pipeline/run-fixtures.js';
import { EXIT } from '../report/exit-code.js';
import { loadCatalogue, type CatalogueOptions } from '../pipeline/run-check.js';
import { usageError } from '../diagnostics/display-error.js';
import { fromRuleFileError } from '../rules/rule-error.js';
import { compareSources } from '../report/source-order.js';
import { labels } from '../report/labels.js';
import type { CommandResult } from './command-result.js';
import { invalid } from './command-result.js';
import { terminalText } from '../util/terminal-text.js';

/** The command line of `vigie rules`, parsed. */
export interface RulesCommandOptions extends CatalogueOptions {
  readonly action: string;
  readonly argument?: string;
  readonly format: string;
}

/** `vigie rules list | show ID | test [DIR]`. */
export async function rulesCommand(options: RulesCommandOptions): Promise<CommandResult> {
  const catalogue = loadCatalogue(options);
  if (catalogue.errors.length > 0) return invalid(catalogue.errors, options.format);
  switch (options.action) {
    case 'list':
      return { stdout: listRules(catalogue.rules, options), stderr: '', exitCode: EXIT.ok };
    case 'show': {
      const rule = catalogue.rules.find((candidate) => candidate.id === options.argument);
      if (!rule) return invalid([usageError(options.lang === 'fr' ? 'règle inconnue' : 'unknown rule', options.argument ?? '')], options.format);
      return { stdout: showRule(rule, options), stderr: '', exitCode: EXIT.ok };
    }
    case 'test': {
      const folders = options.argument ? [options.argument] : [BUNDLED_RULES, ...(options.rulesDirs ?? [])];
      return testRules(folders, catalogue, options.lang);
    }
  }
  return invalid([usageError('vigie rules list | show ID | test [DIR]', options.action)], options.format);
}

function listRules(rules: readonly Rule[], options: RulesCommandOptions): string {
  const sorted = [...rules].sort((a, b) => compareSources(a.source, b.source) || (a.id < b.id ? -1 : 1));
  if (options.format === 'json') {
    const rows = sorted.map((rule) => ({ id: rule.id, severity: rule.severity, category: rule.category, source: rule.source, title: rule.title[options.lang], obligation: rule.obligation[options.lang] }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  const words = labels(options.lang);
  const width = Math.max(...sorted.map((rule) => rule.id.length));
  const lines = sorted.map((rule) => {
    const where = `${rule.source.document} ${words.article} ${rule.source.article}`.padEnd(16);
    return `${rule.id.padEnd(width)}  ${words.severity[rule.severity].padEnd(13)}  ${where}  ${rule.title[options.lang]}`;
  });
  return `${lines.map(terminalText).join('\n')}\n${sorted.length} ${options.lang === 'fr' ? 'règles' : 'rules'}\n`;
}

function showRule(rule: Rule, options: RulesCommandOptions): string {
  if (options.format === 'json') return `${JSON.stringify(rule, null, 2)}\n`;
  const { lang } = options;
  const words = labels(lang);
  const lines = [
    `${rule.id} — ${rule.title[lang]}`,
    `${lang === 'fr' ? 'Obligation : ' : 'Obligation: '}${rule.obligation[lang]}`,
    `${words.severity[rule.severity]} · ${rule.source.document} ${words.article} ${rule.source.article} · ${rule.file}`,
    '',
    `« ${rule.source.quote} »`,
    '',
    `${lang === 'fr' ? 'Message' : 'Message'} : ${rule.message[lang]}`,
    `${words.remediation} : ${rule.remediation[lang]}`,
    '',
  ];
  // YAML escapes C0 controls but not C1 nor bidi ones: its lines are shown one by one too.
  const yaml = stringify({ params: rule.params, needs: rule.needs, for_each: rule.for_each, facts: rule.facts, conditions: rule.conditions }).trimEnd().split('\n');
  return `${[...lines, ...yaml].map(terminalText).join('\n')}\n`;
}

async function testRules(folders: readonly string[], catalogue: ReturnType<typeof loadCatalogue>, lang: Lang): Promise<CommandResult> {
  const run = await runFixtures(folders, catalogue.rules, catalogue.shared, lang);
  if (run.errors.length > 0) return invalid(run.errors.map((error) => fromRuleFileError(error, lang)), 'text');
  const lines: string[] = [];
  const failed = run.cases.filter((result) => result.problems.length > 0);
  for (const result of run.cases) {
    const mark = result.problems.length === 0 ? '✔' : '✖';
    lines.push(`${mark} ${result.rule} — ${result.name}`);
    for (const problem of result.problems) lines.push(`    ${result.file}:${result.line}: ${problem}`);
  }
  const rulesInFolders = new Set(run.cases.map((result) => result.rule));
  const uncovered = folders.length === 1 && folders[0] !== BUNDLED_RULES ? run.uncovered.filter((id) => rulesInFolders.has(id)) : run.uncovered;
  for (const id of uncovered) {
    lines.push(`✖ ${id} — ${lang === 'fr' ? 'il manque un cas qui déclenche la règle et un cas qui ne la déclenche pas' : 'needs a case that fires and a case that does not'}`);
  }
  const ok = run.cases.length - failed.length;
  lines.push(lang === 'fr' ? `${ok}/${run.cases.length} cas réussis` : `${ok}/${run.cases.length} cases passed`);
  const exitCode = failed.length > 0 || uncovered.length > 0 ? EXIT.findings : EXIT.ok;
  return { stdout: `${lines.map(terminalText).join('\n')}\n`, stderr: '', exitCode };
}
