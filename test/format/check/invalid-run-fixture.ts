import { join } from 'node:path';
import type { DisplayError } from '../../../src/diagnostics/display-error.js';
import type { InvalidRun } from '../../../src/report/invalid-run.js';

/** The working directory the fixtures' absolute paths sit in. */
export const BASE = process.cwd();

/** A bad date and an unknown profile (absolute paths, as a snapshot given by its absolute path names them), a waivers error without column, a usage error. */
export const ERRORS: readonly DisplayError[] = [
  { file: join(BASE, 'snap/habilitations.csv'), line: 2, column: 3, code: 'unknown-value', message: 'valeur inconnue dans la colonne « profile »', value: 'Grand Manitou' },
  { file: join(BASE, 'snap/users.csv'), line: 3, column: 8, code: 'invalid-date', message: 'date impossible dans la colonne « left_on »', value: '31/02/2024' },
  { file: 'waivers.yaml', line: 5, column: 0, code: 'waivers-schema', message: 'dérogations non conformes' },
  { file: 'vigie', line: 0, column: 0, code: 'usage', message: '--as-of AAAA-MM-JJ | JJ/MM/AAAA', value: '2024-13-45' },
];

/** The errors above, with a catalogue of one rule. */
export const RUN: InvalidRun = {
  errors: ERRORS,
  rules: [
    {
      id: 'FIXTURE-RULE',
      title: 'Une règle de démonstration',
      obligation: 'Une obligation de démonstration',
      severity: 'error',
      category: 'obligation',
      source: { document: 'CS', article: '4.2', quote: 'Le partenaire désigne un suppléant.' },
    },
  ],
};
