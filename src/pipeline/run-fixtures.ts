import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { evaluate } from '../engine/evaluate.js';
import { loadSnapshot } from '../snapshot/load-snapshot.js';
import { formatInputError } from '../snapshot/input-error-messages.js';
import { createAjv } from '../util/ajv.js';
import { packagePath } from '../util/package-paths.js';
import { displayPath, pushSchemaErrors, readYaml, type SharedFacts } from '../rules/load-rules.js';
import type { RuleFileError } from '../rules/rule-error.js';
import type { Rule } from '../rules/rule-types.js';

interface FixtureCase {
  readonly name: string;
  readonly as_of?: string;
  readonly params?: Record<string, string | number | boolean>;
  readonly snapshot: Record<string, unknown>;
  readonly expect: {
    readonly status: 'failed' | 'passed' | 'not_evaluated';
    readonly subjects?: readonly string[];
    readonly reason?: string;
    readonly message?: string;
    readonly evidence?: number;
  };
}

/** The outcome of one fixture case. */
export interface CaseResult {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly name: string;
  /** What differed from the expectation; empty when the case passes. */
  readonly problems: readonly string[];
}

/** Every fixture case run, the rule file errors met, and the rules lacking fixtures. */
export interface FixtureRun {
  readonly cases: readonly CaseResult[];
  readonly errors: readonly RuleFileError[];
  /** Rules with no fixture file, or without both a firing and a silent case. */
  readonly uncovered: readonly string[];
}

const validateFixtures = createAjv().compile(JSON.parse(readFileSync(packagePath('schemas/rule-tests.schema.json'), 'utf8')));

/** Default D of a case when neither `as_of` nor `extracted_on` is given. */
const DEFAULT_AS_OF = '2024-06-30';

/** Runs every `<RULE-ID>.tests.yaml` below the folders, each case evaluated by its rule alone. */
export async function runFixtures(folders: readonly string[], rules: readonly Rule[], shared: SharedFacts): Promise<FixtureRun> {
  const errors: RuleFileError[] = [];
  const results: CaseResult[] = [];
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const coverage = new Map<string, Set<string>>();
  const workdir = mkdtempSync(join(tmpdir(), 'vigie-fixtures-'));
  try {
    for (const path of folders.flatMap(fixtureFiles)) {
      const file = displayPath(path);
      const parsed = readYaml(path, errors);
      if (!parsed) continue;
      if (!validateFixtures(parsed.data)) {
        pushSchemaErrors(validateFixtures.errors ?? [], file, parsed.locate, 'fixture-schema', errors);
        continue;
      }
      const { rule: ruleId, cases } = parsed.data as { rule: string; cases: FixtureCase[] };
      const rule = byId.get(ruleId);
      if (!rule || basename(path) !== `${ruleId}.tests.yaml`) {
        errors.push({ file, ...parsed.locate(['rule']), code: 'fixture-schema', value: ruleId, params: { detail: 'rule ID unknown or not the file name' } });
        continue;
      }
      const statuses = coverage.get(ruleId) ?? new Set<string>();
      coverage.set(ruleId, statuses);
      for (const [index, fixture] of cases.entries()) {
        const line = parsed.locate(['cases', index]).line;
        const problems = await runCase(rule, shared, fixture, join(workdir, `${ruleId}-${index}.json`));
        statuses.add(fixture.expect.status);
        results.push({ file, line, rule: ruleId, name: fixture.name, problems });
      }
    }
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }
  const uncovered = rules
    .filter((rule) => {
      const statuses = coverage.get(rule.id);
      return !statuses || !statuses.has('failed') || !statuses.has('passed');
    })
    .map((rule) => rule.id);
  return { cases: results, errors, uncovered };
}

async function runCase(rule: Rule, shared: SharedFacts, fixture: FixtureCase, snapshotFile: string): Promise<string[]> {
  writeFileSync(snapshotFile, JSON.stringify(fixture.snapshot, null, 2));
  const loaded = await loadSnapshot(snapshotFile);
  if (loaded.errors.length > 0 || !loaded.snapshot) {
    return loaded.errors.map((error) => `snapshot invalide: ${error.line}:${error.column} ${formatInputError(error, 'fr')} (${error.value ?? ''})`);
  }
  const extracted = loaded.snapshot.partner.data.extracted_on;
  const asOf = fixture.as_of ?? (typeof extracted === 'string' ? extracted : DEFAULT_AS_OF);
  const configured: Rule = { ...rule, params: { ...rule.params, ...fixture.params } };
  const evaluation = await evaluate(loaded.snapshot, [configured], shared, { asOf, lang: 'fr' });
  if (!evaluation.report) {
    return evaluation.errors.map((error) => `snapshot invalide: ${error.line}:${error.column} ${formatInputError(error, 'fr')} (${error.value ?? ''})`);
  }
  const report = evaluation.report;
  const status = report.rules[0];
  const problems: string[] = [];
  const expect = fixture.expect;
  if (status.status !== expect.status) {
    problems.push(`statut ${status.status}${status.reason ? ` (${status.reason})` : ''}, attendu ${expect.status}`);
  }
  const subjects = report.findings.map((finding) => finding.subject.id).sort();
  if (expect.subjects && JSON.stringify(subjects) !== JSON.stringify([...expect.subjects].sort())) {
    problems.push(`sujets [${subjects.join(', ')}], attendus [${[...expect.subjects].sort().join(', ')}]`);
  }
  if (expect.reason && !(status.reason ?? '').includes(expect.reason)) {
    problems.push(`raison « ${status.reason ?? ''} » sans « ${expect.reason} »`);
  }
  if (expect.message && !report.findings.some((finding) => finding.message.includes(expect.message!))) {
    problems.push(`aucun message ne contient « ${expect.message} » : ${report.findings.map((finding) => finding.message).join(' | ')}`);
  }
  if (expect.evidence !== undefined && report.findings[0]?.evidence.length !== expect.evidence) {
    problems.push(`${report.findings[0]?.evidence.length ?? 0} preuve(s), attendu ${expect.evidence}`);
  }
  return problems;
}

function fixtureFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder).sort()) {
    if (entry.startsWith('.')) continue;
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) files.push(...fixtureFiles(path));
    else if (entry.endsWith('.tests.yaml')) files.push(path);
  }
  return files;
}
