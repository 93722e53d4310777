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

/** A command's implementation; its name and one-line summary are listed in `main.ts`, which loads it on demand. */
export interface Command {
  readonly usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** `--json`, `--all` and the operands of a listing command; `--` ends the options, `-` is an operand. */
export interface ListingArgs {
  readonly json: boolean;
  readonly all: boolean;
  readonly operands: readonly string[];
}

/** Parses `[--json] [--all] [--] OPERAND...`; resolves to a one-line problem for an unknown option. */
export function parseListingArgs(args: readonly string[]): ListingArgs | string {
  let json = false;
  let all = false;
  const operands: string[] = [];
  let optionsEnded = false;
  for (const arg of args) {
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && arg === '--json') json = true;
    else if (!optionsEnded && arg === '--all') all = true;
    else if (!optionsEnded && arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'`;
    else operands.push(arg);
  }
  return { json, all, operands };
}
