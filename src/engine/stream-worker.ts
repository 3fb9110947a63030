import { parentPort, workerData } from 'node:worker_threads';
import { BUNDLED_RULES, loadRules } from '../rules/load-rules.js';
import { loadSnapshot } from '../snapshot/load-snapshot.js';
import { chooseAsOf } from '../pipeline/as-of.js';
import { applyConfig } from '../rules/apply-config.js';
import { evaluate, rulesForWorker } from './evaluate.js';
import type { StreamTask, WorkerEvaluation } from './stream-in-worker.js';

/**
 * Worker thread entry: loads and configures the rules, takes its share of the trace rules,
 * reads the snapshot (only the tables those rules need, and the traces as a stream),
 * evaluates those rules and posts back their statuses and findings. The input and the rules
 * are checked and reported by the main thread, from its own reading.
 */
async function run(task: StreamTask): Promise<void> {
  const loaded = loadRules([BUNDLED_RULES, ...task.source.rulesDirs]);
  const configured = applyConfig(loaded.rules, task.source.config);
  // Broken rules or configuration are the main thread's to report.
  if (loaded.errors.length > 0 || configured.errors.length > 0) throw new Error('rules unreadable in the worker');
  const share = rulesForWorker(configured.rules);
  const rules = configured.rules.filter((rule) => share.has(rule.id));
  const tables = new Set<string>(['traces']);
  // The tables the rules need (their preflight), visit or read (`from` anywhere in them), and no other.
  for (const rule of rules) for (const table of [...(rule.needs.tables ?? []), ...(rule.needs.optional_tables ?? [])]) tables.add(table);
  for (const match of JSON.stringify(rules).matchAll(/"from":"(\w+)"/g)) tables.add(match[1]);
  const snapshot = await loadSnapshot(task.source.path, { lenient: task.lenient, tables: [...tables] });
  // Invalid input is the main thread's to report, from its own reading.
  if (!snapshot.snapshot) throw new Error('snapshot unreadable in the worker');
  const evaluation = await evaluate(snapshot.snapshot, rules, loaded.shared, {
    asOf: chooseAsOf(task.asOf, snapshot.snapshot.partner.data.extracted_on),
    lang: task.lang,
    lenient: task.lenient,
    onProgress: (progress) => {
      if (progress.file === snapshot.snapshot!.tables.get('traces')?.file) parentPort!.postMessage({ progress });
    },
  });
  const report = evaluation.report;
  const result: WorkerEvaluation = {
    ruleIds: rules.map((rule) => rule.id),
    ...(report
      ? { outcomes: report.rules.map((status) => ({ status, findings: report.findings.filter((finding) => finding.ruleId === status.id) })) }
      : {}),
    errors: [...evaluation.errors],
    skipped: [...evaluation.skipped],
  };
  parentPort!.postMessage({ result });
}

run(workerData as StreamTask).catch((error: unknown) => parentPort!.postMessage({ failure: (error as Error).message }));
