import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BUNDLED_RULES, loadRules } from '../../src/rules/load-rules.js';
import { readRuleCache, recordingCache } from '../../src/rules/rule-cache.js';

// The build caches the bundled rules as validated (src/rules/rule-cache.ts): a rule taken from
// the cache must be the rule read from its file, and a file that changed since must be read
// and judged again, its errors reported as without a cache.

const cached = suite('rule cache');

function withCache<T>(run: (cachePath: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-rule-cache-'));
  try {
    return run(join(dir, 'rule-cache.json'), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

cached('the bundled rules read from the cache are the rules read from their files', () => {
  withCache((cachePath) => {
    const recording = recordingCache();
    const read = loadRules([BUNDLED_RULES], recording);
    assert.equal(read.errors, []);
    assert.is(recording.save(cachePath), read.rules.length + 1, 'every rule and the shared facts');
    const cache = readRuleCache(cachePath)!;
    const fromCache = loadRules([BUNDLED_RULES], cache);
    assert.equal(fromCache.errors, []);
    assert.equal(fromCache.rules, read.rules);
    assert.equal(fromCache.shared, read.shared);
    // The schema's defaults were applied when the cache was written (ajv useDefaults).
    assert.equal(fromCache.rules, loadRules([BUNDLED_RULES], undefined).rules);
  });
});

cached('a cached rule comes as a fresh copy: changing a loaded rule leaves the next load alone', () => {
  withCache((cachePath) => {
    const recording = recordingCache();
    loadRules([BUNDLED_RULES], recording);
    recording.save(cachePath);
    const cache = readRuleCache(cachePath)!;
    const first = loadRules([BUNDLED_RULES], cache).rules[0];
    (first.params as Record<string, unknown>).changed = true;
    assert.is((loadRules([BUNDLED_RULES], cache).rules[0].params as Record<string, unknown>).changed, undefined);
  });
});

cached('a rule file changed since the cache was written is judged again', () => {
  withCache((cachePath, dir) => {
    const folder = join(dir, 'rules');
    cpSync(join(BUNDLED_RULES, 'habilitations'), folder, { recursive: true });
    const recording = recordingCache();
    assert.equal(loadRules([folder], recording).errors, []);
    recording.save(cachePath);
    const cache = readRuleCache(cachePath)!;
    const path = join(folder, 'HAB-UNUSED.yaml');
    // A key the schema does not know, after the cache was written.
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^severity: /m, 'severite: inconnue\nseverity: '));
    const reloaded = loadRules([folder], cache);
    assert.ok(!reloaded.rules.some((rule) => rule.id === 'HAB-UNUSED'));
    const error = reloaded.errors.find((candidate) => candidate.file.endsWith('HAB-UNUSED.yaml'));
    assert.ok(error, JSON.stringify(reloaded.errors));
    assert.is(error!.code, 'rule-schema');
    assert.ok(error!.line > 1);
  });
});

cached('a rule with errors is not cached, and an absent or broken cache is no cache', () => {
  withCache((cachePath, dir) => {
    const folder = join(dir, 'rules');
    cpSync(join(BUNDLED_RULES, 'habilitations'), folder, { recursive: true });
    const path = join(folder, 'HAB-UNUSED.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^id: .*$/m, 'id: HAB-AUTRE'));
    const recording = recordingCache();
    const first = loadRules([folder], recording);
    assert.ok(first.errors.some((error) => error.code === 'rule-id-mismatch'));
    recording.save(cachePath);
    const again = loadRules([folder], readRuleCache(cachePath)!);
    assert.equal(again.errors, first.errors);
    assert.is(readRuleCache(join(dir, 'absent.json')), undefined);
    writeFileSync(cachePath, '{ broken');
    assert.is(readRuleCache(cachePath), undefined);
  });
});

cached.run();
