import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../cli/run-cli.js';
import { codeBlockAfter, markedFiles, RULES_DOC } from './rules-doc.js';

// The worked example of docs/RULES.md, run as a reader would: its files written out, its
// command run by the built CLI, its printed outputs compared with what vigie prints.

const example = suite('docs/RULES.md: the worked example');

const files = markedFiles();
const RULE_FILE = files.find((file) => file.path.endsWith('.yaml') && !file.path.endsWith('.tests.yaml'));
const FOLDER = 'my-rules';

/** Writes the example's files into a new temporary folder, the rule's text replaced if asked; returns the folder. */
function writeExample(ruleText = RULE_FILE!.text): string {
  const root = mkdtempSync(join(tmpdir(), 'vigie-docs-example-'));
  for (const file of files) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file === RULE_FILE ? ruleText : file.text);
  }
  return root;
}

/** The arguments of a `vigie` command line of the doc, its folder moved to where the example was written. */
function argumentsOf(line: string, root: string): string[] {
  return line
    .trim()
    .replace(/^npx vigie /, '')
    .split(/\s+/)
    .map((word) => (word === FOLDER ? join(root, FOLDER) : word));
}

const COMMAND = codeBlockAfter('command').trim();

example('the example holds a rule and its fixtures, in my-rules/', () => {
  assert.equal(files.map((file) => file.path).sort(), [`${FOLDER}/LOCAL-GRANTS-PER-PROFILE.tests.yaml`, `${FOLDER}/LOCAL-GRANTS-PER-PROFILE.yaml`]);
  assert.ok(COMMAND.startsWith('npx vigie rules test '), COMMAND);
});

example('its command passes, printing what the doc shows', () => {
  const root = writeExample();
  try {
    const run = runCli(argumentsOf(COMMAND, root));
    assert.is(run.stderr, '');
    assert.is(run.stdout, codeBlockAfter('output: passing'));
    assert.is(run.code, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

example('with the threshold changed, the case that fired fails, as the doc shows', () => {
  const text = RULE_FILE!.text;
  assert.is(text.split('\n  max: 3\n').length, 2, 'the rule sets `max: 3` once');
  const root = writeExample(text.replace('\n  max: 3\n', '\n  max: 4\n'));
  try {
    const run = runCli(argumentsOf(COMMAND, root));
    assert.is(run.code, 1);
    assert.is(run.stdout.split(`${root}/`).join(''), codeBlockAfter('output: max: 4'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

example('vigie check runs it on the CA2C sample, and --config moves its limit', () => {
  const marker = /<!-- check: ([^>]+) -->/.exec(RULES_DOC);
  assert.ok(marker, 'a <!-- check: ARGS --> marker');
  const config = /`(rules: \{LOCAL-GRANTS-PER-PROFILE: [^`]+)`/.exec(RULES_DOC);
  assert.ok(config, 'the --config line of the example');
  const root = writeExample();
  try {
    const run = runCli(['check', ...argumentsOf(marker![1], root)]);
    assert.is(run.code, 1, run.stderr);
    assert.ok(run.stdout.includes(codeBlockAfter(`check: ${marker![1]}`)), run.stdout);
    writeFileSync(join(root, 'vigie.config.yaml'), `${config![1]}\n`);
    const configured = runCli(['check', ...argumentsOf(marker![1], root), '--config', join(root, 'vigie.config.yaml'), '--format', 'json']);
    const report = JSON.parse(configured.stdout) as { rules: { id: string; status: string }[] };
    assert.is(report.rules.find((rule) => rule.id === 'LOCAL-GRANTS-PER-PROFILE')?.status, 'passed');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

example.run();
