import { appendFileSync } from 'node:fs';

let logFile;

export function initialize(data) {
  logFile = data.file;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (logFile) appendFileSync(logFile, `${resolved.url}\n`);
  return resolved;
}
