import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { evaluate } from '../engine/evaluate.js';
import { loadSnapshot } from '../snapshot/load-snapshot.js';
import { formatInputError } from '../snapshot/input-error-messages.js';
import { createAjv } from '../util/ajv.js';
import { packagePath } from '../util/package-paths.js';
import { displayPath, pushSchemaErrors, readYaml, type SharedFacts } from '../rules/load-rules.js';
import type { RuleFileError } from '../rules/rule-error.js';
import { ruleFiles } from '../rules/rule-files.js';
import type { Lang, Rule } from '../rules/rule-types.js';
import type { InputError } from '../snapshot/snapshot-types.js';

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

/** The words of a failed case: statuses as the reports name them. */
const WORDS = {
  fr: {
    status: { failed: 'non respectée', passed: 'respectée', not_evaluated: 'non évaluée' },
    statusDiffers: 'statut {actual}{reason}, attendu {expected}',
    subjectsDiffer: 'sujets [{actual}], attendus [{expected}]',
    reasonDiffers: 'raison « {actual} » sans « {expected} »',
    messageMissing: 'aucun message ne contient « {expected} » : {actual}',
    evidenceDiffers: '{actual} preuve(s), attendu {expected}',
    invalidSnapshot: 'instantané invalide : {line}:{column} {message}',
    notTheRule: 'règle inconnue ou différente du nom du fichier',
  },
  en: {
    status: { failed: 'failed', passed: 'passed', not_evaluated: 'not evaluated' },
    statusDiffers: 'status {actual}{reason}, expected {expected}',
    subjectsDiffer: 'subjects [{actual}], expected [{expected}]',
    reasonDiffers: 'reason "{actual}" without "{expected}"',
    messageMissing: 'no message contains "{expected}": {actual}',
    evidenceDiffers: '{actual} evidence item(s), expected {expected}',
    invalidSnapshot: 'invalid snapshot: {line}:{column} {message}',
    notTheRule: 'rule ID unknown or not the file name',
  },
} as const;

function say(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Default D of a case when neither `as_of` nor `extracted_on` is given. */
const DEFAULT_AS_OF = '2024-06-30';

/** Runs every `<RULE-ID>.tests.yaml` below the folders, each case evaluated by its rule alone. */
export async function runFixtures(folders: readonly string[], rules: readonly Rule[], shared: SharedFacts, lang: Lang = 'fr'): Promise<FixtureRun> {
  const errors: RuleFileError[] = [];
  const results: CaseResult[] = [];
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const coverage = new Map<string, Set<string>>();
  const workdir = mkdtempSync(join(tmpdir(), 'vigie-fixtures-'));
  try {
    for (const path of folders.flatMap((folder) => ruleFiles(folder, errors, (entry) => entry.endsWith('.tests.yaml')))) {
      const file = displayPath(path);
      const parsed = readYaml(path, errors);
      if (!parsed) continue;
      if (!validateFixtures(parsed.data)) {
        pushSchemaErrors(validateFixtures.errors ?? [], file, parsed.locate, 'fixture-schema', errors, parsed.data);
        continue;
      }
      const { rule: ruleId, cases } = parsed.data as { rule: string; cases: FixtureCase[] };
      const rule = byId.get(ruleId);
      if (!rule || basename(path) !== `${ruleId}.tests.yaml`) {
        errors.push({ file, ...parsed.locate(['rule']), code: 'fixture-schema', value: ruleId, params: { detail: WORDS[lang].notTheRule } });
        continue;
      }
      const statuses = coverage.get(ruleId) ?? new Set<string>();
      coverage.set(ruleId, statuses);
      for (const [index, fixture] of cases.entries()) {
        const line = parsed.locate(['cases', index]).line;
        const problems = await runCase(rule, shared, fixture, join(workdir, `${ruleId}-${index}.json`), lang);
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

async function runCase(rule: Rule, shared: SharedFacts, fixture: FixtureCase, snapshotFile: string, lang: Lang): Promise<string[]> {
  const words = WORDS[lang];
  const invalid = (errors: readonly InputError[]) =>
    errors.map((error) => {
      const message = `${formatInputError(error, lang)}${error.value === undefined ? '' : ` (${error.value})`}`;
      return say(words.invalidSnapshot, { line: error.line, column: error.column, message });
    });
  writeFileSync(snapshotFile, JSON.stringify(fixture.snapshot, null, 2));
  const loaded = await loadSnapshot(snapshotFile);
  if (loaded.errors.length > 0 || !loaded.snapshot) return invalid(loaded.errors);
  const extracted = loaded.snapshot.partner.data.extracted_on;
  const asOf = fixture.as_of ?? (typeof extracted === 'string' ? extracted : DEFAULT_AS_OF);
  const configured: Rule = { ...rule, params: { ...rule.params, ...fixture.params } };
  // Evaluated in French whatever the run's language: `expect.reason` and `expect.message` quote the French texts.
  const evaluation = await evaluate(loaded.snapshot, [configured], shared, { asOf, lang: 'fr' });
  if (!evaluation.report) return invalid(evaluation.errors);
  const report = evaluation.report;
  const status = report.rules[0];
  const expect = fixture.expect;
  const subjects = report.findings.map((finding) => finding.subject.id).sort();
  const differs = {
    status: status.status !== expect.status,
    subjects: expect.subjects !== undefined && JSON.stringify(subjects) !== JSON.stringify([...expect.subjects].sort()),
    reason: expect.reason !== undefined && !(status.reason ?? '').includes(expect.reason),
    message: expect.message !== undefined && !report.findings.some((finding) => finding.message.includes(expect.message!)),
    evidence: expect.evidence !== undefined && report.findings[0]?.evidence.length !== expect.evidence,
  };
  if (!Object.values(differs).some(Boolean)) return [];
  // What is shown (a reason, the messages) in the run's language: an English run evaluates the case once more.
  const shown = lang === 'fr' ? report : ((await evaluate(loaded.snapshot, [configured], shared, { asOf, lang })).report ?? report);
  const shownStatus = shown.rules[0];
  const problems: string[] = [];
  if (differs.status) {
    const reason = shownStatus.reason ? ` (${shownStatus.reason})` : '';
    problems.push(say(words.statusDiffers, { actual: words.status[status.status as keyof typeof words.status] ?? status.status, reason, expected: words.status[expect.status] }));
  }
  if (differs.subjects) problems.push(say(words.subjectsDiffer, { actual: subjects.join(', '), expected: [...(expect.subjects ?? [])].sort().join(', ') }));
  if (differs.reason) problems.push(say(words.reasonDiffers, { actual: status.reason ?? '', expected: expect.reason ?? '' }));
  if (differs.message) {
    problems.push(say(words.messageMissing, { expected: expect.message ?? '', actual: shown.findings.map((finding) => finding.message).join(' | ') }));
  }
  if (differs.evidence) problems.push(say(words.evidenceDiffers, { actual: report.findings[0]?.evidence.length ?? 0, expected: expect.evidence ?? 0 }));
  return problems;
}
