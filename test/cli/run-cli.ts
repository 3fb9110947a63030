import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The package root: tests run the built CLI (`npm test` compiles first) as users do. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `bin/vigie.js` with arguments, from the package root, with no TTY and CI unset. */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; nodeArgs?: string[] } = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  delete env.CI;
  delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), 'bin/vigie.js', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
