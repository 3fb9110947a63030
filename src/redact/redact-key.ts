import { randomBytes } from 'node:crypto';

/**
 * The HMAC key of `--redact`: `VIGIE_REDACT_KEY` when set, so that pseudonyms stay the same
 * from one run to the next (and can be compared across reports); else a random key for this
 * run only, so that nobody can recompute a pseudonym from a name they guess.
 */
export function redactKey(fromEnvironment: string | undefined): Buffer {
  return fromEnvironment ? Buffer.from(fromEnvironment, 'utf8') : randomBytes(32);
}
