import { version } from '../../package.json';
import { analyzeCommand } from './analyze';
import { annotationsCommand } from './annotations';
import { checkCommand } from './check';
import type { CliIo, Command } from './command';
import { ExitCode } from './command';
import { exportCommand } from './export';
import { indexCommand } from './index';
import { tagCommand } from './tag';

/** Commands arrive with the features that need them; each is listed here. */
export const commands: readonly Command[] = [analyzeCommand, tagCommand, annotationsCommand, checkCommand, exportCommand, indexCommand];

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
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.err(`diplomat: unknown command '${first}'. Run 'diplomat --help' for the list.`);
    return ExitCode.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return ExitCode.ok;
  }
  return command.run(rest, io);
}

if (require.main === module) {
  const io: CliIo = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };
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
