import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { outputClashes, runOutputClashes } from '../../src/commands/output-clash.js';
import { errorLine } from '../../src/diagnostics/display-error.js';
import { BUNDLED_RULES } from '../../src/rules/load-rules.js';

const clash = suite('commands: no output over an input of the run');

function inTempDir(body: (dir: string) => void | Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-clash-'));
    try {
      await body(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

clash(
  'the same path, a symbolic link, a hard link and a path through a linked folder are the input itself',
  inTempDir((dir) => {
    const users = join(dir, 'users.csv');
    writeFileSync(users, 'id\n');
    symlinkSync(users, join(dir, 'link.csv'));
    linkSync(users, join(dir, 'hard.csv'));
    symlinkSync(dir, join(dir, 'again'));
    const outputs = ['users.csv', 'link.csv', 'hard.csv', join('again', 'users.csv')].map((name) => ({ option: '--output', file: join(dir, name) }));
    const errors = outputClashes(outputs, [users], 'fr');
    assert.equal(
      errors.map((error) => [error.file, error.code]),
      outputs.map((output) => [output.file, 'output-over-input']),
    );
    assert.is(errorLine(errors[1]), `${join(dir, 'link.csv')}:1:1: --output écraserait ${users}, un fichier lu par ce contrôle : rien n'a été écrit, choisissez un autre fichier`);
    assert.is(
      outputClashes([{ option: '--ics', file: join(dir, 'hard.csv') }], [users], 'en')[0].message,
      `--ics would overwrite ${users}, a file this run reads: nothing was written, choose another file`,
    );
  }),
);

clash(
  'a new file, or another file of the same folder, is no clash',
  inTempDir((dir) => {
    writeFileSync(join(dir, 'users.csv'), 'id\n');
    writeFileSync(join(dir, 'old-report.json'), '{}');
    const outputs = [
      { option: '--output', file: join(dir, 'report.json') },
      { option: '--output', file: join(dir, 'old-report.json') },
    ];
    assert.equal(outputClashes(outputs, [join(dir, 'users.csv'), join(dir, 'missing.csv')], 'fr'), []);
  }),
);

clash(
  'two outputs on one file: --ics and --output, or a link; two --output of one path are the command line check’s',
  inTempDir((dir) => {
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'linked'));
    const errors = outputClashes(
      [
        { option: '--output', file: join(dir, 'real', 'deadlines.json') },
        { option: '--ics', file: join(dir, 'linked', 'deadlines.json') },
        { option: '--output', file: join(dir, 'real', 'deadlines.json') },
      ],
      [],
      'fr',
    );
    assert.equal(
      errors.map((error) => [error.file, error.code]),
      [[join(dir, 'linked', 'deadlines.json'), 'output-duplicate']],
    );
    assert.is(errors[0].message, `--ics désigne le même fichier que --output ${join(dir, 'real', 'deadlines.json')} : rien n'a été écrit`);
  }),
);

clash(
  'the run’s inputs: snapshot files, --previous, the files of options, the YAML files of the rule folders',
  inTempDir(async (dir) => {
    const snapshot = join(dir, 'snapshot');
    mkdirSync(snapshot);
    for (const name of ['partner.yaml', 'Users.CSV', 'traces.csv', 'LISEZMOI.md', 'notes.csv']) writeFileSync(join(snapshot, name), 'x');
    const single = join(dir, 'previous.json');
    writeFileSync(single, '{}');
    const rules = join(dir, 'rules');
    mkdirSync(join(rules, 'nested'), { recursive: true });
    writeFileSync(join(rules, 'nested', 'mine.yaml'), 'id: X');
    writeFileSync(join(rules, 'mine.tests.yaml'), 'tests: []');
    writeFileSync(join(rules, 'readme.txt'), 'x');
    // A loop in the rule folder is walked once.
    symlinkSync(rules, join(rules, 'nested', 'loop'));
    writeFileSync(join(dir, 'config.yaml'), 'x');
    const inputs = { snapshots: [snapshot, single], files: [join(dir, 'config.yaml'), undefined], rulesDirs: [rules] };
    const clashing = (name: string) => runOutputClashes([{ option: '--output', file: name }], inputs, 'en');
    for (const name of ['snapshot/partner.yaml', 'snapshot/Users.CSV', 'snapshot/traces.csv', 'previous.json', 'config.yaml', 'rules/nested/mine.yaml', 'rules/mine.tests.yaml']) {
      assert.is((await clashing(join(dir, name))).length, 1, name);
    }
    // Files vigie does not read are the user's to overwrite.
    for (const name of ['snapshot/LISEZMOI.md', 'snapshot/notes.csv', 'rules/readme.txt', 'report.json']) {
      assert.equal(await clashing(join(dir, name)), [], name);
    }
    // The bundled rules are inputs too.
    assert.is((await clashing(join(BUNDLED_RULES, 'convention', 'CONV-BILAN-OVERDUE.yaml'))).length, 1);
    assert.is((await clashing(join(BUNDLED_RULES, '_shared', 'facts.yaml'))).length, 1);
  }),
);

clash.run();
