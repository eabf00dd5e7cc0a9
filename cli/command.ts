/**
 * Exit codes shared by every command: 0 ok, 1 a check failed or a connection/request is denied, 2 a usage or input
 * error (cli/input.ts: a PATH missing, a document that does not parse, an object the API server would reject or a
 * differing duplicate), 3 an internal error.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

/** Where a command writes. Tests pass in-memory sinks; the real CLI passes process streams. */
export interface CliIO {
  /** Writes text to stdout, waiting when the pipe is full so long outputs keep bounded memory. */
  out(text: string): Promise<void>;
  err(text: string): void;
  /**
   * A status line for a long step (reading, analysing, writing), shown on stderr only when it is a terminal and
   * replaced by the next one; '' clears it. Absent in tests and pipes.
   */
  progress?(text: string): void;
}

/** One CLI subcommand: its help text and a runner that returns the exit code. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full `--help` text: usage line, options, examples. */
  readonly help: string;
  run(argv: readonly string[], io: CliIO): Promise<number>;
}

/** A usage mistake: the CLI prints `perimeter CMD: <message>` and a hint, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
