/**
 * The fixed calendar of every generated snapshot: a partner whose convention was signed in
 * May 2023 and exported on 30 June 2024, with five months of traces. Fixed dates keep the
 * output independent of the day the generator runs.
 */
export const TIMELINE = {
  extractedOn: '2024-06-30',
  gdprFormalitiesOn: '2023-05-02',
  signedOn: '2023-05-10',
  accessOpenedOn: '2023-06-01',
  fundingAgreementEndsOn: '2026-12-31',
  /** First and last day of the trace log (about five months before the export). */
  tracesFrom: '2024-02-01',
  tracesTo: '2024-06-28',
} as const;

/** French public holidays inside the trace window: nobody works on them. */
export const HOLIDAYS = new Set(['2024-04-01', '2024-05-01', '2024-05-08', '2024-05-09', '2024-05-20']);
