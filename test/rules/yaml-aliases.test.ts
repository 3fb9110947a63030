import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseYaml } from '../../src/rules/read-yaml-file.js';
import type { RuleFileError } from '../../src/rules/rule-error.js';
import { runCli } from '../cli/run-cli.js';

const aliases = suite('the run’s own YAML files: aliases yaml refuses only while building the data');

aliases('an alias without anchor is a located syntax error, not a crash', () => {
  const errors: RuleFileError[] = [];
  assert.is(parseYaml('w.yaml', 'a: 1\nb: *missing\n', errors), undefined);
  assert.equal(errors.map(({ line, column, code, params }) => [line, column, code, params?.reason]), [[2, 4, 'rule-yaml-syntax', 'BAD_ALIAS']]);
});

aliases('aliases expanded a billion times are refused', () => {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (const [index, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h'].entries()) {
    const previous = String.fromCharCode(97 + index);
    levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
  }
  const errors: RuleFileError[] = [];
  assert.is(parseYaml('bomb.yaml', `${levels.join('\n')}\n`, errors), undefined);
  assert.is(errors[0]?.params?.reason, 'RESOURCE_EXHAUSTION');
});

aliases('through the command line: exit 2, the error in the run’s words, the requested SARIF written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-aliases-'));
  try {
    writeFileSync(join(dir, 'w.yaml'), 'b: *y\n');
    const sarif = join(dir, 'out.sarif');
    const run = runCli(['check', 'samples/ca2c-2023', '--waivers', join(dir, 'w.yaml'), '--format', 'sarif', '--output', sarif]);
    assert.is(run.code, 2, run.stderr);
    assert.not.match(run.stderr, /erreur interne|Unresolved alias/);
    assert.match(run.stderr, /w\.yaml:1:4: .*alias \(\*nom\) sans ancre/);
    assert.match(readFileSync(sarif, 'utf8'), /"executionSuccessful": false/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

aliases.run();
