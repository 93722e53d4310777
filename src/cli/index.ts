import { readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { analyze } from '../core';
import type { Analysis } from '../core';
import type { EntityRegistry, FigureTrend } from '../core/corpus';
import { applyRegistry, CorpusIndex, emptyRegistry, parseRegistry, REGISTRY_FILE, RegistryError } from '../core/corpus';
import type { CliIo, Command } from './command';
import { ExitCode, parseListingArgs } from './command';
import type { InputProblem } from './input';
import { decodeStatement, describeFsError, expandOperands, readStatementBytes, statementExtensions } from './input';

/** Exit code when the analyser fails on an input: a bug, as in `diplomat analyze`. */
const internalError = 70;

/** In the summary: how many entities, speakers and trends are listed before `--all` is needed. */
const summaryEntities = 15;
const summarySpeakers = 10;
const summaryTrends = 10;

const usage = `Usage: diplomat index [--json] [--all] FOLDER

Indexes a folder of statements the way the Diplomat sidebar's Workspace scope does:
every document with its date, the entities and speakers across documents, and the
figures claimed, grouped by subject so that changes over time stand out.

  FOLDER    its statement files (${statementExtensions.map((x) => `*${x}`).join(', ')}), sub-folders included,
            hidden entries and node_modules skipped. FOLDER/${REGISTRY_FILE}, when
            present, corrects the entities (merged names, aliases, ignored
            detections) as in the editor.

A document's date is the one written in its first lines (2025-09-23,
17 January 2018, January 17, 2018, Mon, 01 Aug 2022 …), else the day the file
was last modified (YYYY-MM-DD, UTC).

Options:
  --json    print the index as one JSON object:
              {"documents":[{"path","date"}],
               "entities":[{"canonical","type","documents","mentions"}],
               "speakers":[{"name","documents","quotes"}],
               "figures":[{"text","value","unit","path","date"}]}
            paths relative to FOLDER with / separators; documents by date then
            path; entities and speakers most widespread first; figures (money,
            counts, percentages, quantities) by document date
  --all     in the summary, list every document, entity, speaker and trend
  --        end of options
  -h, --help

Exit codes:
  0  every statement was indexed
  2  the command line is wrong
  3  FOLDER or a file could not be read, or FOLDER is not a folder
  4  a file is not a statement (empty, binary, not UTF-8), FOLDER holds no
     statement files, or the entity registry is invalid (nothing is printed)
  ${internalError} the analyser failed on a file (a bug: please report it)
  Each failing file gets one line "diplomat: PATH: reason" on standard error and
  the others are still indexed; the exit code is that of the first failure.`;

interface Options {
  readonly json: boolean;
  readonly all: boolean;
  readonly folder: string;
}

function parseArgs(args: readonly string[]): Options | string {
  const parsed = parseListingArgs(args);
  if (typeof parsed === 'string') return parsed;
  const { json, all, operands } = parsed;
  if (operands.length === 0) return 'no folder: give the FOLDER to index';
  if (operands.length > 1) return `one FOLDER only (got ${operands.length})`;
  if (operands[0] === '-') return 'standard input cannot be indexed: give a FOLDER';
  return { json, all, folder: operands[0] };
}

/** The registry of `folder`, the empty one when there is no file, or the problem that stops the index. */
async function readRegistry(folder: string): Promise<EntityRegistry | InputProblem> {
  const path = join(folder, REGISTRY_FILE);
  let yaml: string;
  try {
    yaml = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return emptyRegistry();
    return { path, message: describeFsError(e), code: ExitCode.unreadable };
  }
  try {
    return parseRegistry(yaml);
  } catch (e) {
    if (e instanceof RegistryError) return { path, message: e.message, code: ExitCode.badInput };
    throw e;
  }
}

/** A file's modification day as `YYYY-MM-DD` (UTC, so the same file gives the same day on every machine), or null. */
async function fileDay(path: string): Promise<string | null> {
  try {
    return (await stat(path)).mtime.toISOString().slice(0, 10);
  } catch {
    return null;
  }
}

/** `diplomat index`: the workspace index of a folder (summary or --json). */
export const indexCommand: Command = {
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const options = parseArgs(args);
    if (typeof options === 'string') {
      io.err(`diplomat index: ${options}. Run 'diplomat index --help' for usage.`);
      return ExitCode.usage;
    }
    const { folder } = options;
    try {
      if (!(await stat(folder)).isDirectory()) {
        io.err(`diplomat: ${folder}: is a file, not a folder: give the folder to index`);
        return ExitCode.unreadable;
      }
    } catch (e) {
      io.err(`diplomat: ${folder}: ${describeFsError(e)}`);
      return ExitCode.unreadable;
    }
    const registry = await readRegistry(folder);
    if ('code' in registry) {
      io.err(`diplomat: ${registry.path}: ${registry.message}`);
      return registry.code;
    }
    let exitCode: number = ExitCode.ok;
    const fail = (path: string, message: string, code: number): void => {
      io.err(`diplomat: ${path}: ${message}`);
      if (exitCode === ExitCode.ok) exitCode = code;
    };
    const index = new CorpusIndex();
    const { sources } = await expandOperands([folder]);
    for (const source of sources) {
      if (source.kind === 'problem') {
        fail(source.problem.path, source.problem.message, source.problem.code);
        continue;
      }
      if (source.kind !== 'file') continue;
      const bytes = await readStatementBytes(source.path);
      const decoded = 'problem' in bytes ? bytes : decodeStatement(bytes, source.path);
      if ('problem' in decoded) {
        fail(decoded.problem.path, decoded.problem.message, decoded.problem.code);
        continue;
      }
      let analysis: Analysis;
      try {
        analysis = applyRegistry(decoded.text, analyze(decoded.text), registry);
      } catch (e) {
        fail(source.path, `analysis failed (${e instanceof Error ? e.message : String(e)}); please report it`, internalError);
        continue;
      }
      const path = relative(folder, source.path).split(sep).join('/');
      index.set(path, decoded.text, analysis, (await fileDay(source.path)) ?? undefined);
    }
    if (index.size === 0) return exitCode === ExitCode.ok ? ExitCode.badInput : exitCode;
    io.out(options.json ? JSON.stringify(index.toJSON()) : summarizeIndex(folder, index, options.all));
    return exitCode;
  },
};

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

function capped<T>(list: readonly T[], max: number, all: boolean): { shown: readonly T[]; more: string | null } {
  const shown = all ? list : list.slice(0, max);
  return { shown, more: shown.length < list.length ? `… ${list.length - shown.length} more (--all lists them)` : null };
}

/**
 * A readable summary of the index: the documents and their date range, the most widespread entities, the most
 * quoted speakers, and the figure trends with each point's date and document.
 */
export function summarizeIndex(folder: string, index: CorpusIndex, all = false): string {
  const documents = index.documents();
  const dated = documents.filter((d) => d.date !== null);
  const range = dated.length ? `, dated ${dated[0].date} … ${dated[dated.length - 1].date}` : '';
  const lines = [`${folder}: ${count(documents.length, 'document')}${range}`];
  if (all) for (const d of documents) lines.push(`  ${(d.date ?? 'no date').padEnd(10)}  ${d.path}`);

  const entities = index.entities();
  if (entities.length) {
    lines.push('', `Entities (${count(entities.length, 'name')}; documents, mentions):`);
    const { shown, more } = capped(entities, summaryEntities, all);
    const width = Math.min(40, shown.reduce((w, e) => Math.max(w, e.canonical.length), 0));
    for (const e of shown) {
      lines.push(`  ${e.type.padEnd(8)} ${e.canonical.padEnd(width)}  ${String(e.documents).padStart(5)}  ${String(e.mentions).padStart(6)}`);
    }
    if (more) lines.push(`  ${more}`);
  }

  const speakers = index.speakers();
  if (speakers.length) {
    lines.push('', `Speakers (${count(speakers.length, 'speaker')}):`);
    const { shown, more } = capped(speakers, summarySpeakers, all);
    for (const s of shown) {
      const first = s.items[0];
      const last = s.items[s.items.length - 1];
      const span = first?.date && last?.date ? (first.date === last.date ? `, ${first.date}` : `, ${first.date} … ${last.date}`) : '';
      lines.push(`  ${s.name}: ${count(s.quotes, 'quote')} in ${count(s.documents, 'document')}${span}`);
    }
    if (more) lines.push(`  ${more}`);
  }

  const trends = index.figureTrends();
  if (trends.length) {
    lines.push('', `Figure trends (${count(trends.length, 'subject')}):`);
    const { shown, more } = capped(trends, summaryTrends, all);
    for (const t of shown) lines.push(...trendLines(t, all));
    if (more) lines.push(`  ${more}`);
  } else {
    const figures = index.figures().length;
    lines.push('', `Figures: ${count(figures, 'claimed figure')}, no subject claimed in two places`);
  }
  return lines.join('\n');
}

/** Points of a trend shown in the summary before `--all` is needed. */
const summaryPoints = 6;

function trendLines(t: FigureTrend, all: boolean): string[] {
  const lines = [`  ${t.subject}, ${t.unit} (${count(t.points.length, 'figure')} in ${count(t.documents, 'document')}):`];
  const { shown, more } = capped(t.points, summaryPoints, all);
  const width = Math.min(40, shown.reduce((w, p) => Math.max(w, p.text.length), 0));
  for (const p of shown) lines.push(`    ${(p.date ?? 'no date').padEnd(10)}  ${p.text.padEnd(width)}  ${p.path}`);
  if (more) lines.push(`    ${more}`);
  return lines;
}
