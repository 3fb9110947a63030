/** One entry of a `--waivers` file, read and checked. */
export interface Waiver {
  readonly rule: string;
  /** The finding's subject: its id, or as the reports word it (apply-waivers.ts); undefined covers every finding of the rule. */
  readonly subject?: string;
  readonly reason: string;
  readonly approvedBy: string;
  /** Last day covered (inclusive), `YYYY-MM-DD`. */
  readonly expiresOn: string;
  /** The waivers file as displayed from the working directory, and the entry's position. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}
