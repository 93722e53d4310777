/** Exit codes of the CLI, stable for scripts. */
export const ExitCode = {
  ok: 0,
  /** A check found problems (e.g. orphaned annotations). */
  problems: 1,
  /** The command line is wrong. */
  usage: 2,
  /** An input could not be read (missing, unreadable, a folder where a file is needed). */
  unreadable: 3,
  /** An input is not text (NUL bytes) or is empty. */
  badInput: 4,
} as const;

export interface CliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
