/** A row older than the previous row of its group, for a sequence aggregate. */
export class OutOfOrder extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file}:${line}`);
  }
}

/** Why a consumer stopped: the first row out of order, by line (`file:line`). */
export interface ConsumerFailure {
  readonly message: string;
  readonly line: number;
}
