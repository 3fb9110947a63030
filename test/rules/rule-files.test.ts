import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { errorLine } from '../../src/diagnostics/display-error.js';
import { fromRuleFileError, type RuleFileError } from '../../src/rules/rule-error.js';
import { BUNDLED_RULES, loadRules } from '../../src/rules/load-rules.js';
import { ruleFiles } from '../../src/rules/rule-files.js';

const walk = suite('rules: the --rules walk');
const RULE = 'GOV-DEPUTY-MISSING';

/** A rules folder with one real rule and every hostile entry the walk must survive. */
function hostileFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-walk-'));
  mkdirSync(join(dir, 'real'));
  copyFileSync(join(BUNDLED_RULES, 'governance', `${RULE}.yaml`), join(dir, 'real', `${RULE}.yaml`));
  // The same rule reached a second time through a link: read once, no duplicate ID.
  symlinkSync(join(dir, 'real', `${RULE}.yaml`), join(dir, `${RULE}.yaml`));
  symlinkSync(join(dir, 'real'), join(dir, 'also-real'));
  symlinkSync(dir, join(dir, 'loop'));
  symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'dangling.yaml'));
  symlinkSync(join(dir, 'self.yaml'), join(dir, 'self.yaml'));
  execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
  mkdirSync(join(dir, 'folder.yaml'));
  // Special files with other names are not rule files: not opened, not reported.
  execFileSync('mkfifo', [join(dir, 'notes')]);
  writeFileSync(join(dir, 'README.md'), 'not a rule');
  return dir;
}

walk('links followed once, loops, dangling links, a FIFO, a socket, a folder named X.yaml: located errors, no hang', async () => {
  const dir = hostileFolder();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(join(dir, 'socket.yaml'), resolve));
  try {
    const errors: RuleFileError[] = [];
    // Sorted by name, the link at the top comes first; `also-real` and `real` then hold nothing new.
    assert.equal(ruleFiles(dir, errors), [join(dir, `${RULE}.yaml`)]);
    const relative = (error: RuleFileError) => errorLine(fromRuleFileError({ ...error, file: error.file.replace(`${dir}/`, '') }, 'fr'));
    assert.equal(errors.map(relative), [
      'dangling.yaml:1:1: fichier illisible : lien symbolique vers un fichier absent',
      "folder.yaml:1:1: fichier illisible : ce n'est pas un fichier ordinaire mais un dossier",
      'loop:1:1: fichier illisible : lien symbolique qui boucle sur un dossier déjà parcouru',
      "pipe.yaml:1:1: fichier illisible : ce n'est pas un fichier ordinaire mais un tube nommé (FIFO)",
      'self.yaml:1:1: fichier illisible : boucle de liens symboliques',
      "socket.yaml:1:1: fichier illisible : ce n'est pas un fichier ordinaire mais une socket",
    ]);
    assert.equal(
      errors.map((error) => fromRuleFileError(error, 'en').message),
      [
        'cannot read file: symbolic link to a missing file',
        'cannot read file: not a regular file but a folder',
        'cannot read file: symbolic link looping back to a folder already read',
        'cannot read file: not a regular file but a named pipe (FIFO)',
        'cannot read file: symbolic link loop',
        'cannot read file: not a regular file but a socket',
      ],
    );
    // The whole load: the rule is read once, the errors stay errors (never « erreur interne »).
    const loaded = loadRules([dir], undefined);
    assert.equal(loaded.rules.map((rule) => rule.id), [RULE]);
    assert.is(loaded.errors.length, 6);
    assert.ok(loaded.errors.every((error) => error.code === 'rule-unreadable'));
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

walk('a --rules path that is missing or a file, a rule file over 256 KiB', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-walk-'));
  try {
    const message = (errors: readonly RuleFileError[]) => errors.map((error) => fromRuleFileError(error, 'fr').message);
    assert.equal(message(loadRules([join(dir, 'absent')], undefined).errors), ['fichier illisible : introuvable']);
    writeFileSync(join(dir, 'file'), '');
    assert.equal(message(loadRules([join(dir, 'file')], undefined).errors), ["fichier illisible : ce n'est pas un dossier"]);
    mkdirSync(join(dir, 'big'));
    writeFileSync(join(dir, 'big', 'BIG-RULE.yaml'), `# ${'x'.repeat(300 * 1024)}\nid: BIG-RULE\n`);
    assert.equal(
      loadRules([join(dir, 'big')], undefined).errors.map((error) => errorLine(fromRuleFileError(error, 'en')).replace(`${dir}/`, '')),
      ['big/BIG-RULE.yaml:1:1: cannot read file: file too large (300 KiB, at most 256 KiB)'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

walk.run();
