import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from '../cli/run-cli.js';

/**
 * The layers of src/, lowest first: a file imports only from its own layer or those below.
 * Folders of one layer may import one another, but no two folders (and no two files) may
 * import each other, even through others.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['util'],
  ['i18n'],
  ['diagnostics'],
  ['snapshot'],
  ['rules'],
  ['report'],
  ['facts'],
  ['stream'],
  ['engine'],
  ['split-reading'],
  ['waivers', 'baseline', 'redact'],
  ['pipeline'],
  ['bilan', 'review', 'deadlines', 'portfolio'],
  ['format'],
  ['tui'],
  ['commands'],
  ['.'],
];

const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The files of src/ a file imports: static and dynamic imports, re-exports, worker entries (`new URL('./x.js', import.meta.url)`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((entry) => entry.fileName);
  for (const match of text.matchAll(/new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g)) specifiers.push(match[1]);
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier).replace(/\.js$/, ''))
    .flatMap((base) => [`${base}.ts`, `${base}.tsx`].filter((candidate) => files.has(candidate)));
}

/** The folder of a file under src/ (`.` for the files at its root). */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  return parts.length === 1 ? '.' : parts[0];
}

function layerOf(folder: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

/** One cycle of a graph, as the list of its nodes, or undefined. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

const files = new Set(sourceFiles(SRC));
const edges = new Map([...files].sort().map((file) => [file, importsOf(file)]));
const name = (file: string) => relative(SRC, file);

const layers = suite('src/: layers whose imports only point down');

layers('every folder of src/ has a layer', () => {
  const folders = [...new Set([...files].map(folderOf))].sort();
  assert.equal(
    folders.filter((folder) => layerOf(folder) < 0),
    [],
  );
});

layers('no import runs up the layers', () => {
  const upward = [...edges].flatMap(([file, imported]) =>
    imported.filter((target) => layerOf(folderOf(target)) > layerOf(folderOf(file))).map((target) => `${name(file)} → ${name(target)}`),
  );
  assert.equal(upward, []);
});

layers('no import cycle between files', () => {
  assert.equal(findCycle(edges)?.map(name), undefined);
});

layers('no import cycle between folders', () => {
  const folders = new Map<string, Set<string>>();
  for (const [file, imported] of edges) {
    const from = folderOf(file);
    if (!folders.has(from)) folders.set(from, new Set());
    for (const target of imported) if (folderOf(target) !== from) folders.get(from)!.add(folderOf(target));
  }
  assert.equal(findCycle(new Map([...folders].map(([folder, targets]) => [folder, [...targets].sort()]))), undefined);
});

layers('the check sees imports: it finds those of the command line', () => {
  const cli = edges.get(join(SRC, 'cli.ts'))!.map(name);
  assert.ok(cli.includes('commands/check-command.ts'), cli.join(', '));
  assert.ok(cli.length >= 5);
});

layers.run();
