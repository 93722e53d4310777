import { isUtf8 } from 'node:buffer';
import type { Dirent } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ExitCode } from './command';

/** File name endings that make a file inside a folder a statement; an explicitly named file is read whatever its name. */
export const statementExtensions: readonly string[] = ['.statement', '.transcript', '.txt'];

/** The operand that names standard input. */
export const stdinOperand = '-';

/** An input that could not be turned into text: what to tell the user and the exit code it earns. */
export interface InputProblem {
  /** The path as the user should see it (`<stdin>` for standard input). */
  readonly path: string;
  /** One sentence, no stack trace: printed as `diplomat: PATH: message`. */
  readonly message: string;
  readonly code: (typeof ExitCode)[keyof typeof ExitCode];
}

/** One input to analyse, found from the command line but not read yet (folders can be large: read one at a time). */
export type InputSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'problem'; readonly problem: InputProblem };

/** What the operands expand to. `several` is decided by the command line alone (several operands, or a folder), so
 * the output format never depends on how many files a folder happens to hold. */
export interface ExpandedInputs {
  readonly sources: readonly InputSource[];
  readonly several: boolean;
}

/** Display name of standard input in messages. */
export const stdinDisplayName = '<stdin>';

/**
 * Expands command-line operands (files, folders, `-`) into the inputs to analyse, in command-line order; a folder
 * contributes its statement files ({@link statementExtensions}, sub-folders included, hidden entries and
 * `node_modules` skipped) sorted by path. Missing paths and folders without statements become `problem` entries so
 * the other inputs are still analysed. Never throws for file-system errors.
 */
export async function expandOperands(operands: readonly string[]): Promise<ExpandedInputs> {
  const sources: InputSource[] = [];
  let several = operands.length > 1;
  for (const operand of operands) {
    if (operand === stdinOperand) {
      sources.push({ kind: 'stdin' });
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(operand)).isDirectory();
    } catch (e) {
      sources.push({ kind: 'problem', problem: { path: operand, message: describeFsError(e), code: ExitCode.unreadable } });
      continue;
    }
    if (!isDirectory) {
      sources.push({ kind: 'file', path: operand });
      continue;
    }
    several = true;
    const found: string[] = [];
    const unreadable: InputProblem[] = [];
    await collectStatements(operand, found, unreadable);
    for (const problem of unreadable) sources.push({ kind: 'problem', problem });
    if (found.length === 0 && unreadable.length === 0) {
      sources.push({
        kind: 'problem',
        problem: {
          path: operand,
          message: `folder holds no statement files (${statementExtensions.map((x) => `*${x}`).join(', ')})`,
          code: ExitCode.badInput,
        },
      });
    }
    for (const path of found.sort(comparePaths)) sources.push({ kind: 'file', path });
  }
  return { sources, several };
}

// Code-unit order, not locale order: the same listing on every machine.
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function collectStatements(folder: string, found: string[], problems: InputProblem[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (e) {
    problems.push({ path: folder, message: describeFsError(e), code: ExitCode.unreadable });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    // Symbolic links to folders are not followed, so a link cycle cannot make the walk endless.
    if (entry.isDirectory()) await collectStatements(path, found, problems);
    else if ((entry.isFile() || entry.isSymbolicLink()) && statementExtensions.includes(extname(entry.name).toLowerCase())) {
      found.push(path);
    }
  }
}

/** Turns a Node file-system error into a short phrase for the user (`no such file or directory`). */
export function describeFsError(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder, not a file';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EMFILE':
    case 'ENFILE': return 'too many open files';
    default: return `cannot be read (${code || (e instanceof Error ? e.message : String(e))})`;
  }
}

/** The text of one input, or why there is none. */
export type DecodedInput = { readonly text: string } | { readonly problem: InputProblem };

/**
 * Decodes the bytes of a statement: UTF-8, with a leading byte-order mark removed (offsets of the analysis are
 * UTF-16 code units of the text *after* that removal). Rejects, with {@link ExitCode.badInput}, what is not a
 * statement: no bytes, NUL bytes (binary files; UTF-16 files are named as such), invalid UTF-8, white space only.
 */
export function decodeStatement(bytes: Uint8Array, path: string): DecodedInput {
  const bad = (message: string): DecodedInput => ({ problem: { path, message, code: ExitCode.badInput } });
  if (bytes.length === 0) return bad('is empty: nothing to analyse');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return bad('is UTF-16 text: save it as UTF-8 and try again');
  }
  if (bytes.indexOf(0) !== -1) return bad('contains NUL bytes: it looks like a binary file, not text');
  if (!isUtf8(bytes)) return bad('is not valid UTF-8 text: save it as UTF-8 and try again');
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/\S/.test(text)) return bad('holds only white space: nothing to analyse');
  return { text };
}

/** Reads and decodes one file; never throws. */
export async function readStatementFile(path: string): Promise<DecodedInput> {
  const bytes = await readStatementBytes(path);
  return 'problem' in bytes ? bytes : decodeStatement(bytes, path);
}

/** Reads the bytes of one file, to be decoded with {@link decodeStatement}; never throws. */
export async function readStatementBytes(path: string): Promise<Buffer | { readonly problem: InputProblem }> {
  try {
    return await readFile(path);
  } catch (e) {
    return { problem: { path, message: describeFsError(e), code: ExitCode.unreadable } };
  }
}

/** Reads all of standard input as bytes. */
export async function readProcessStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
