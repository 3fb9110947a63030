import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-cli.js';

/** What the hostile snapshot's data hold, to find in the outputs in their visible forms. */
export const HOSTILE = {
  /**
   * U004's last name: a Unicode line separator forging a line and a right-to-left override
   * (C0 and C1 controls such as ESC and BEL are refused when the data are read: see `departure`).
   */
  lastName: 'MARTIN\u2028]0;pwned\u202E[2J',
  lastNameShown: 'MARTIN⏎]0;pwned⟨U+202E⟩[2J',
  /** U008's employer: a line break forging an error line. */
  employer: 'Cabinet\nsrc/x.csv:1:1: faux',
  employerShown: 'Cabinet⏎src/x.csv:1:1: faux',
  /** The partner's name: a right-to-left override disguising what follows it. */
  partner: 'Communauté \u202Eélarbmi\u202C (CA2C)',
  partnerShown: 'Communauté ⟨U+202E⟩élarbmi⟨U+202C⟩ (CA2C)',
  /** U004's departure date, invalid (ESC is a control character): the error's value carries controls and a forged line. */
  departure: '31/13/2024\u001b[2J\nsrc/x.csv:1:1: faux',
  departureShown: '31/13/2024␛[2J⏎src/x.csv:1:1: faux',
} as const;

const made: string[] = [];

/** Removes every temporary folder made here, for a suite's `after`. */
export function removeHostileCopies(): void {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/**
 * A folder of user rules holding one rule, USR-HOSTILE (a copy of GOV-DEPUTY-MISSING), whose
 * title sets the terminal's title, whose article carries a bidi override, whose quote forges a
 * line and whose fact's filter holds a C1 control (which YAML writes raw).
 */
export function hostileRules(): string {
  const folder = mkdtempSync(join(tmpdir(), 'vigie-hostile-rules-'));
  made.push(folder);
  const rule = readFileSync(join(ROOT, 'rules/governance/GOV-DEPUTY-MISSING.yaml'), 'utf8')
    .replace('id: GOV-DEPUTY-MISSING', 'id: USR-HOSTILE')
    .replace('  fr: Aucun administrateur suppléant désigné', '  fr: "Suppléant\\e]0;pwned\\a absent"')
    .replace('  article: "9.1"', '  article: "9.1\\u202E"')
    .replace('  quote: "En mode délégué,', '  quote: "En mode\\nsrc/x.csv:1:1: faux délégué,')
    .replace('where: {role: deputy_administrator}', 'where: {role: "deputy_administrator\\u009b"}');
  writeFileSync(join(folder, 'USR-HOSTILE.yaml'), rule);
  return folder;
}

/**
 * A copy of the CA2C sample in a temporary folder, with the hostile values above; with
 * `invalid`, U004's departure date too, which makes the snapshot invalid (exit 2).
 */
export function hostileSnapshot(options: { invalid?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'vigie-hostile-'));
  made.push(root);
  const folder = join(root, 'ca2c');
  cpSync(join(ROOT, 'samples/ca2c-2023'), folder, { recursive: true });
  const users = join(folder, 'users.csv');
  const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const text = readFileSync(users, 'utf8')
    .replace('U004;MARTIN;Julie;', `U004;${quoted(HOSTILE.lastName)};Julie;`)
    .replace(';Cabinet Conseil Nord;', `;${quoted(HOSTILE.employer)};`)
    .replace(';person;31/03/2024', options.invalid ? `;person;${quoted(HOSTILE.departure)}` : ';person;31/03/2024');
  writeFileSync(users, text);
  const partner = join(folder, 'partner.yaml');
  const yaml = readFileSync(partner, 'utf8');
  writeFileSync(partner, yaml.replace("  name: Communauté d'Agglomération du Caudrésis Catésis (CA2C)", `  name: ${JSON.stringify(HOSTILE.partner)}`));
  return folder;
}
