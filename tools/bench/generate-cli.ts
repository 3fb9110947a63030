import { parseArgs } from 'node:util';
import { parseCount } from './count-option.js';
import { DEFAULT_SEED, describeSummary, generateSnapshot } from './generate-snapshot.js';

const USAGE = 'usage: npm run generate -- --out DIR --grants N --traces M [--seed S]\n';

/** `npm run generate`: writes a deterministic benchmark snapshot and prints one summary line. */
async function main(argv: readonly string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { out: { type: 'string' }, grants: { type: 'string' }, traces: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (values.out === undefined) throw new Error('--out is required');
    const summary = await generateSnapshot({
      out: values.out,
      grants: parseCount('grants', values.grants),
      traces: parseCount('traces', values.traces),
      seed: parseCount('seed', values.seed, DEFAULT_SEED),
    });
    process.stdout.write(`${describeSummary(summary)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`generate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
