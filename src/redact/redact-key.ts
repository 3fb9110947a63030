import { randomBytes } from 'node:crypto';

/** `VIGIE_REDACT_KEY` for pseudonyms stable across runs, else a random key no one can replay on a guess. */
export function redactKey(fromEnvironment: string | undefined): Buffer {
  return fromEnvironment ? Buffer.from(fromEnvironment, 'utf8') : randomBytes(32);
}
