import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { version } from '../../package.json';
import type { CliIo, Command } from './command';
import { ExitCode } from './command';

/** A command as `--help` lists it; its implementation is loaded only when it runs, so each run loads what it needs. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

/** Commands arrive with the features that need them; each is listed here. */
export const commands: readonly CommandEntry[] = [
  {
    name: 'analyze',
    summary: 'speakers, quotes, figures and entities of statements (summary or --json)',
    load: async () => (await import('./analyze')).analyzeCommand,
  },
  {
    name: 'tag',
    summary: 'add an annotation on a passage (UTF-16 offsets) to a text\'s sidecar; prints its id',
    load: async () => (await import('./tag')).tagCommand,
  },
  {
    name: 'annotations',
    summary: 'list a text\'s annotations re-anchored against its current text (--json, --write)',
    load: async () => (await import('./annotations')).annotationsCommand,
  },
  {
    name: 'check',
    summary: 'validate sidecars and tag sets, list orphaned annotations (exit 1 on problems)',
    load: async () => (await import('./check')).checkCommand,
  },
  {
    name: 'export',
    summary: 'export a text\'s annotations as W3C Web Annotation JSON-LD, brat standoff or CSV',
    load: async () => (await import('./export')).exportCommand,
  },
  {
    name: 'index',
    summary: 'documents, entities, speakers and figure trends of a folder (summary or --json)',
    load: async () => (await import('./index')).indexCommand,
  },
];

function help(): string {
  const lines = [
    `diplomat ${version}: read diplomatic statements from the command line`,
    '',
    'Usage: diplomat <command> [options]',
    '       diplomat --help | --version',
    '',
  ];
  if (commands.length) {
    lines.push('Commands:');
    for (const c of commands) lines.push(`  ${c.name.padEnd(14)}${c.summary}`);
    lines.push('', 'Run `diplomat <command> --help` for its options.');
  }
  return lines.join('\n');
}

/** Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(help());
    return first === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (first === '--version' || first === '-v') {
    io.out(version);
    return ExitCode.ok;
  }
  const entry = commands.find((c) => c.name === first);
  if (!entry) {
    io.err(`diplomat: unknown command '${first}'. Run 'diplomat --help' for the list.`);
    return ExitCode.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return ExitCode.ok;
  }
  return command.run(rest, io);
}

/** Lines at least this long are encoded by {@link writeLine} itself. */
const largeLine = 1 << 16;
const encoder = new TextEncoder();

/**
 * Writes `s` and a line break to standard output. A large line (the JSON of a long text runs to tens of MB) is
 * encoded into one buffer with `encodeInto`: `stream.write(string)` measures the UTF-8 length in a pass of its own
 * and then encodes, three to four times slower on such strings, and `s + '\n'` would first copy the whole string.
 */
function writeLine(s: string): void {
  if (s.length < largeLine) {
    process.stdout.write(s + '\n');
    return;
  }
  // UTF-8 takes at most three bytes per UTF-16 code unit (a surrogate pair: four bytes for two units).
  const bytes = Buffer.allocUnsafe(s.length * 3 + 1);
  const { written } = encoder.encodeInto(s, bytes);
  bytes[written] = 0x0a;
  process.stdout.write(bytes.subarray(0, written + 1));
}

if (!isMainThread) {
  // `analyze --json` finds the figures of a large input in a worker thread that runs this bundle: it does that job
  // and ends, loading nothing else.
  void import('./figuresWorker').then((w) => w.runFiguresJob());
} else if (require.main === module) {
  // A run of the CLI analyses each text once, while V8 compiles the analyser's hot functions: the run waits on those
  // compiles more than on the analysis. A smaller inlining budget makes each compile several times cheaper for little
  // slower code: measured on two cores, 12 to 18 % less wall time on one 12.5 MB file, on a 13.3 MB one and on a
  // folder of 42 statements. Set before any function is hot (the analyser is not even loaded yet); it applies to
  // this process only, not to the extension or to a program importing the core.
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
  const io: CliIo = { out: writeLine, err: (s) => process.stderr.write(s + '\n') };
  // A reader that stops early (`diplomat analyze --json x | head`) closes the pipe: that is not an error worth a trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.stderr.write(`diplomat: cannot write the output (${e.message})\n`);
    process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 70);
  });
  main(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      io.err(`diplomat: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 70;
    },
  );
}
