/** What a command hands back to the CLI entry: text to print and the exit code. */
export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}
