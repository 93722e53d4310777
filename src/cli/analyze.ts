import { analyze } from '../core';
import type { Analysis, Quote, Speaker } from '../core';
import { figureValueText } from '../core/corpus';
import { analyzeWithoutFigures } from '../core/analysis/analyze';
import { findFigures } from '../core/analysis/figures';
import type { FiguresReply } from './figuresWorker';
import { figuresInWorker } from './figuresWorker';
import type { CliIo, Command, ListingArgs } from './command';
import { ExitCode, parseListingArgs } from './command';
import type { DecodedInput, InputProblem } from './input';
import {
  decodeStatement, expandOperands, readProcessStdin, readStatementBytes, statementExtensions, stdinDisplayName,
  stdinOperand,
} from './input';

/** Exit code when the analyser itself fails on an input: a bug, reported like `main`'s own internal errors. */
const internalError = 70;

/** In the summary, how many quotes per speaker and how many figures are listed before `--all` is needed. */
const summaryQuotesPerSpeaker = 5;
const summaryFigures = 20;
/** Characters of a quote shown in the summary; long enough to recognise it, short enough for one line. */
const summaryQuoteChars = 100;

const usage = `Usage: diplomat analyze [--json] [--all] (FILE | FOLDER | -)...

Finds who speaks, what is quoted (and by whom), which figures are claimed, and the
people, countries, organisations and places named in diplomatic statements.

Inputs (any number, analysed in order):
  FILE      a text file, whatever its name, read as UTF-8; a leading byte-order
            mark (BOM) is removed before analysis
  FOLDER    its statement files (${statementExtensions.map((x) => `*${x}`).join(', ')}), sub-folders included,
            hidden entries and node_modules skipped, sorted by path
  -         standard input

Options:
  --json    print the analysis as JSON instead of a summary
  --all     in the summary, list every quote and figure (default: the first
            ${summaryQuotesPerSpeaker} quotes of each speaker and the first ${summaryFigures} figures)
  --        end of options: later operands are paths even if they start with -
  -h, --help

JSON output:
  One FILE or -: one JSON object on one line, exactly the analysis:
    {"version":1,"length":N,"entities":[…],"speakers":[…],"quotes":[…],"figures":[…]}
  Several operands, or a FOLDER: NDJSON, one such object per line per input, each
  with a "path" field added first (the path as found; "-" for standard input).
  Inputs that fail print nothing on standard output.
  Offsets (start, end) are 0-based, end-exclusive UTF-16 code units (JavaScript
  string indices, VS Code offsets) into the text after BOM removal; "length" is
  that text's length, so text.slice(start, end) === span.text.

Exit codes:
  0  every input was analysed
  2  the command line is wrong
  3  an input could not be read (missing file or folder, permission denied)
  4  an input is not a statement: empty or white space only, NUL bytes (binary),
     UTF-16 or invalid UTF-8, or a folder without statement files
  ${internalError} the analyser failed on an input (a bug: please report it)
  Each failing input gets one line "diplomat: PATH: reason" on standard error and
  the other inputs are still analysed; the exit code is that of the first failure.`;

/** What the analyze command needs from the outside world besides `CliIo`; tests replace it. */
export interface AnalyzeEnvironment {
  /** All of standard input as bytes, read when an operand is `-`. */
  readonly readStdin: () => Promise<Uint8Array>;
}

function parseArgs(args: readonly string[]): ListingArgs | string {
  const parsed = parseListingArgs(args);
  if (typeof parsed === 'string') return parsed;
  if (parsed.operands.length === 0) return 'no input: give a FILE, a FOLDER or - for standard input';
  if (parsed.operands.filter((o) => o === stdinOperand).length > 1) return 'standard input (-) can be read only once';
  return parsed;
}

/**
 * Creates the `analyze` command. `env` supplies standard input so tests can run the command in-process; the CLI
 * uses {@link analyzeCommand}, which reads the process's standard input.
 */
export function createAnalyzeCommand(env: AnalyzeEnvironment): Command {
  return {
    usage,
    async run(args: string[], io: CliIo): Promise<number> {
      const options = parseArgs(args);
      if (typeof options === 'string') {
        io.err(`diplomat analyze: ${options}. Run 'diplomat analyze --help' for usage.`);
        return ExitCode.usage;
      }
      const { sources, several } = await expandOperands(options.operands);
      let exitCode: number = ExitCode.ok;
      let summaries = 0;
      const fail = (problem: InputProblem): void => {
        io.err(`diplomat: ${problem.path}: ${problem.message}`);
        if (exitCode === ExitCode.ok) exitCode = problem.code;
      };
      for (const source of sources) {
        if (source.kind === 'problem') {
          fail(source.problem);
          continue;
        }
        const shownPath = source.kind === 'stdin' ? stdinDisplayName : source.path;
        let decoded: DecodedInput;
        let figures: Promise<FiguresReply> | null = null;
        if (source.kind === 'stdin') {
          decoded = decodeStatement(await env.readStdin(), stdinDisplayName);
        } else {
          const bytes = await readStatementBytes(source.path);
          if ('problem' in bytes) {
            decoded = bytes;
          } else {
            // Only for --json: the worker's JSON text goes straight into the output, no figure objects are needed here.
            if (options.json) figures = figuresInWorker(bytes);
            decoded = decodeStatement(bytes, source.path);
          }
        }
        if ('problem' in decoded) {
          fail(decoded.problem);
          continue;
        }
        const text = decoded.text;
        const analysisFailed = (e: unknown): void => {
          io.err(`diplomat: ${shownPath}: analysis failed (${e instanceof Error ? e.message : String(e)}); please report it`);
          if (exitCode === ExitCode.ok) exitCode = internalError;
        };
        if (figures) {
          // The same bytes as `JSON.stringify(analysis)`: figures are analyze()'s last key, so their JSON is spliced in
          // before the closing brace of the rest.
          let head: string;
          let figuresJson: string;
          try {
            const rest = analyzeWithoutFigures(text);
            const path = source.kind === 'stdin' ? stdinOperand : source.path;
            head = JSON.stringify(several ? { path, ...rest } : rest);
            const reply = await figures;
            figuresJson = reply && reply.length === text.length ? reply.json : JSON.stringify(findFigures(text));
          } catch (e) {
            analysisFailed(e);
            continue;
          }
          io.out(`${head.slice(0, -1)},"figures":${figuresJson}}`);
          continue;
        }
        let analysis: Analysis;
        try {
          analysis = analyze(text);
        } catch (e) {
          analysisFailed(e);
          continue;
        }
        if (options.json) {
          const path = source.kind === 'stdin' ? stdinOperand : source.path;
          io.out(JSON.stringify(several ? { path, ...analysis } : analysis));
        } else {
          // A blank line between summaries keeps the files apart once each runs over many lines.
          io.out(`${summaries++ > 0 ? '\n' : ''}${summarize(shownPath, analysis, options.all)}`);
        }
      }
      return exitCode;
    },
  };
}

/** `diplomat analyze`, reading `-` from the process's standard input. */
export const analyzeCommand: Command = createAnalyzeCommand({ readStdin: readProcessStdin });

/**
 * A readable summary of one analysis: a heading with counts, speakers with (truncated) quotes, unattributed quotes,
 * figures with their value, and entity counts by type with the most frequent names. Lists are capped unless `all`.
 */
export function summarize(path: string, analysis: Analysis, all = false): string {
  const { entities, speakers, quotes, figures } = analysis;
  const lines = [
    `${path}: ${count(analysis.length, 'character')}, ${count(speakers.length, 'speaker')}, ${count(quotes.length, 'quote')}, `
      + `${count(figures.length, 'figure')}, ${count(entities.length, 'entity', 'entities')}`,
  ];
  const quotesBySpeaker = new Map<string | null, Quote[]>();
  for (const q of quotes) {
    const list = quotesBySpeaker.get(q.speaker);
    if (list) list.push(q);
    else quotesBySpeaker.set(q.speaker, [q]);
  }
  const quoteLines = (list: readonly Quote[]): void => {
    const shown = all ? list : list.slice(0, summaryQuotesPerSpeaker);
    for (const q of shown) lines.push(`    ${quoteLine(q)}`);
    if (shown.length < list.length) lines.push(`    … ${list.length - shown.length} more (--all lists them)`);
  };
  if (speakers.length) {
    lines.push('', 'Speakers:');
    for (const s of speakers) {
      lines.push(`  ${speakerLine(s)}`);
      quoteLines(quotesBySpeaker.get(s.id) ?? []);
    }
  }
  const known = new Set(speakers.map((s) => s.id));
  const orphans = quotes.filter((q) => q.speaker === null || !known.has(q.speaker));
  if (orphans.length) {
    lines.push('', 'Quotes without a speaker:');
    quoteLines(orphans);
  }
  if (figures.length) {
    lines.push('', 'Figures:');
    const shown = all ? figures : figures.slice(0, summaryFigures);
    const width = Math.min(40, shown.reduce((w, f) => Math.max(w, oneLine(f.text).length), 0));
    for (const f of shown) lines.push(`  ${oneLine(f.text).padEnd(width)}  ${f.kind.padEnd(8)}  ${figureValueText(f)}`);
    if (shown.length < figures.length) lines.push(`  … ${figures.length - shown.length} more (--all lists them)`);
  }
  if (entities.length) {
    lines.push('', 'Entities:');
    const byType = new Map<string, Map<string, number>>();
    for (const e of entities) {
      const names = byType.get(e.type) ?? new Map<string, number>();
      byType.set(e.type, names);
      names.set(e.canonical, (names.get(e.canonical) ?? 0) + 1);
    }
    for (const [type, names] of [...byType].sort((a, b) => total(b[1]) - total(a[1]))) {
      // The most frequent names tell what a text is about; the full list is in --json.
      const top = [...names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
      const more = names.size > top.length ? `, … ${names.size - top.length} more` : '';
      lines.push(`  ${type.padEnd(8)} ${String(total(names)).padStart(5)}  ${top.map(([n, c]) => `${n} (${c})`).join(', ')}${more}`);
    }
  }
  return lines.join('\n');
}

function total(names: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const c of names.values()) sum += c;
  return sum;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function speakerLine(s: Speaker): string {
  const kinds = new Map<string, number>();
  for (const m of s.mentions) kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
  const detail = [...kinds].map(([k, c]) => `${c} ${k}`).join(', ');
  return `${s.name} (${s.type}; ${count(s.mentions.length, 'mention')}${detail ? `: ${detail}` : ''})`;
}

function quoteLine(q: Quote): string {
  const text = oneLine(q.text);
  const shown = text.length > summaryQuoteChars ? `${text.slice(0, summaryQuoteChars - 1).trimEnd()}…` : text;
  return `“${shown}” (${q.kind}${q.cue ? `, ${q.cue.text}` : ''})`;
}

