import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BUNDLED_RULES, loadRules } from '../../src/rules/load-rules.js';

const words = suite('French text: one word for the data, « instantané »');

/** Every .ts / .tsx file under a folder. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const LITERAL = /(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;

/** The string literals of a piece of code. */
function literals(code: string): string[] {
  return [...code.matchAll(LITERAL)].map((match) => match[2]);
}

/** The French texts of a source file: `fr: '…'` values, the strings of `fr: { … }` tables, and the French help of the CLI. */
function frenchTexts(code: string): string[] {
  const texts = [...code.matchAll(/\bfr:\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)].map((match) => match[2]);
  for (const match of code.matchAll(/^(\s+)fr: \{\n([\s\S]*?)^\1en: \{/gm)) texts.push(...literals(match[2]));
  for (const match of code.matchAll(/lang === 'fr' \? ((['"`])(?:\\.|(?!\2)[^\\])*\2)/g)) texts.push(...literals(match[1]));
  const usage = code.match(/const USAGE = `([\s\S]*?)`;/);
  if (usage) texts.push(usage[1]);
  return texts;
}

const SNAPSHOT = /\bsnapshots?\b/i;

words('no French string of vigie says « snapshot »', () => {
  const found: string[] = [];
  let count = 0;
  for (const file of sources('src')) {
    for (const text of frenchTexts(readFileSync(file, 'utf8'))) {
      count += 1;
      // Interpolated code (`${options.snapshot}`) is no text.
      if (SNAPSHOT.test(text.replace(/\$\{[^}]*\}/g, ''))) found.push(`${file}: ${text}`);
    }
  }
  assert.ok(count > 300, `${count} French texts found: the scan sees the label tables`);
  assert.equal(found, []);
});

words('no French text of the bundled rules or their reference data says « snapshot »', () => {
  const { rules, errors } = loadRules([BUNDLED_RULES]);
  assert.equal(errors, []);
  const found: string[] = [];
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${where}.${index}`));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'fr' && typeof item === 'string' && SNAPSHOT.test(item)) found.push(`${where}: ${item}`);
        else walk(item, `${where}.${key}`);
      }
    }
  };
  for (const rule of rules) walk({ ...rule, compiled: undefined }, rule.id);
  for (const entry of readdirSync(join(BUNDLED_RULES, '_data'))) {
    for (const line of readFileSync(join(BUNDLED_RULES, '_data', entry), 'utf8').split('\n')) {
      if (/\bfr:/.test(line) && SNAPSHOT.test(line.slice(line.indexOf('fr:')).split(/,\s*en:/)[0])) found.push(`${entry}: ${line}`);
    }
  }
  assert.equal(found, []);
});

words.run();
