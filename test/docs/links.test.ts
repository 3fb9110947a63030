import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from '../cli/run-cli.js';

// Every relative link of the Markdown files in docs/ leads to a file or folder of the
// repository, and every #anchor to a heading of the Markdown file it names.

const DOCS = join(ROOT, 'docs');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(path) : entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The repository's files (tracked, or new and not ignored) and their folders; undefined outside a git checkout. */
function repositoryPaths(): Set<string> | undefined {
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) return undefined;
  const paths = new Set<string>();
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    for (let path = file; path !== '.'; path = dirname(path)) paths.add(path);
  }
  return paths;
}

/** Markdown text without its fenced code blocks and inline code, where link syntax is only text. */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens; repeats numbered. */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of text.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = match[1].toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** The targets of a file's inline links and images (`[text](target)`) and reference definitions (`[name]: target`). */
function linkTargets(text: string): string[] {
  const body = prose(text);
  const inline = [...body.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]);
  const references = [...body.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((match) => match[1]);
  return [...inline, ...references];
}

const links = suite('docs/: Markdown links');
const files = existsSync(DOCS) ? markdownFiles(DOCS) : [];
const repository = repositoryPaths();

links('docs/ holds Markdown files', () => {
  assert.ok(files.some((file) => file.endsWith('RULES.md')));
});

for (const file of files) {
  const name = relative(ROOT, file);
  links(`${name}: its links resolve`, () => {
    const text = readFileSync(file, 'utf8');
    const broken: string[] = [];
    for (const target of linkTargets(text)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [pathPart, anchor] = target.split('#', 2);
      const path = pathPart === '' ? file : resolve(dirname(file), decodeURI(pathPart));
      const inRepository = relative(ROOT, path);
      if (inRepository.startsWith('..') || !existsSync(path) || (repository && inRepository !== '' && !repository.has(inRepository))) {
        broken.push(`${target}: no such file in the repository`);
        continue;
      }
      if (anchor !== undefined && path.endsWith('.md') && !anchorsOf(readFileSync(path, 'utf8')).has(anchor)) {
        broken.push(`${target}: no heading with that anchor`);
      }
    }
    assert.equal(broken, []);
  });
}

links.run();
