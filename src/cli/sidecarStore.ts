import { isUtf8 } from 'node:buffer';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Sidecar } from '../core/annotations';
import { MAX_SIDECAR_BYTES, parseSidecar, SIDECAR_SUFFIX, SidecarError } from '../core/annotations';
import { ExitCode } from './command';
import type { InputProblem } from './input';
import { describeFsError, readStatementFile } from './input';

/** Path of the sidecar of the text at `textPath`: beside it, `NAME.EXT.diplomat.yaml`. */
export function sidecarPathFor(textPath: string): string {
  return textPath + SIDECAR_SUFFIX;
}

/** The text a command-line operand is about: a sidecar path names its text (people tab-complete either). */
export function textPathFor(operand: string): string {
  return operand.endsWith(SIDECAR_SUFFIX) && operand.length > SIDECAR_SUFFIX.length ? operand.slice(0, -SIDECAR_SUFFIX.length) : operand;
}

/** Hex SHA-256 of the text's UTF-8 bytes, as the sidecar records it. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A sidecar as found on disk: none yet, a usable one (with its exact text, to edit it in place), or why not. */
export type SidecarRead =
  | { readonly kind: 'missing'; readonly path: string }
  | { readonly kind: 'ok'; readonly path: string; readonly yaml: string; readonly sidecar: Sidecar }
  | { readonly kind: 'problem'; readonly problem: InputProblem };

/**
 * Reads and parses the sidecar at `path`; never throws. Its size is checked before reading (a hostile file is not
 * loaded into memory), then UTF-8, then everything `parseSidecar` checks.
 */
export async function readSidecarFile(path: string): Promise<SidecarRead> {
  const problem = (message: string, code: InputProblem['code'] = ExitCode.badInput): SidecarRead => ({ kind: 'problem', problem: { path, message, code } });
  try {
    const info = await stat(path);
    if (info.isDirectory()) return problem('is a folder, not a sidecar file', ExitCode.unreadable);
    if (info.size > MAX_SIDECAR_BYTES) {
      return problem(`the sidecar is larger than ${MAX_SIDECAR_BYTES / 1024 / 1024} MB: Diplomat does not read it, and leaves it as it is`);
    }
    const bytes = await readFile(path);
    if (!isUtf8(bytes)) return problem('the sidecar is not valid UTF-8: Diplomat leaves it as it is');
    const yaml = bytes.toString('utf8');
    return { kind: 'ok', path, yaml, sidecar: parseSidecar(yaml) };
  } catch (e) {
    if (e instanceof SidecarError) return problem(`${e.message}; Diplomat leaves the file as it is: fix it or move it away`);
    if ((e as { code?: unknown }).code === 'ENOENT') return { kind: 'missing', path };
    return problem(describeFsError(e), ExitCode.unreadable);
  }
}

/** A text file and its sidecar, both read. */
export interface AnnotatedText {
  readonly textPath: string;
  readonly text: string;
  readonly sidecar: SidecarRead;
}

/** Reads the text named by `operand` (see {@link textPathFor}) and its sidecar; a problem with the text comes first. */
export async function readAnnotatedText(operand: string): Promise<AnnotatedText | { readonly problem: InputProblem }> {
  const textPath = textPathFor(operand);
  const decoded = await readStatementFile(textPath);
  if ('problem' in decoded) return decoded;
  return { textPath, text: decoded.text, sidecar: await readSidecarFile(sidecarPathFor(textPath)) };
}

/** A text whose sidecar is readable (or absent). */
export interface ReadableAnnotatedText extends AnnotatedText {
  readonly sidecar: Exclude<SidecarRead, { kind: 'problem' }>;
}

/**
 * {@link readAnnotatedText} for a command: a problem with the text or its sidecar is printed on `err` as one line,
 * and the result is then the exit code to return.
 */
export async function readAnnotatedTextOrReport(operand: string, err: (line: string) => void): Promise<ReadableAnnotatedText | number> {
  const read = await readAnnotatedText(operand);
  const problem = 'problem' in read ? read.problem : read.sidecar.kind === 'problem' ? read.sidecar.problem : undefined;
  if (problem) {
    err(problemLine(problem));
    return problem.code;
  }
  return read as ReadableAnnotatedText;
}

/**
 * Writes `content` (UTF-8) to `path` atomically: into a new temporary file in the same folder (a rename is atomic
 * only within one file system), flushed to disk, then renamed over `path`. A reader sees the old file or the new
 * one, never half of one; if anything fails the old file is untouched and the temporary file removed. An existing
 * file's permissions are kept.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode = 0o666;
  try {
    mode = (await stat(path)).mode & 0o777;
  } catch {
    // A new file: the default mode, reduced by the umask.
  }
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

/** How long `git config user.name` may take: a hung credential helper or network file system must not block `tag`. */
const gitTimeoutMs = 2000;

/**
 * git's `user.name` as seen from `folder` (repository config included), or null when git is missing, not
 * configured, or slower than {@link gitTimeoutMs}.
 */
export function gitUserName(folder: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd: folder, timeout: gitTimeoutMs, windowsHide: true }, (error, stdout) => {
      const name = error ? '' : String(stdout).trim();
      resolve(name || null);
    });
  });
}

/** `diplomat: PATH: message`, the one-line form of every CLI problem. */
export function problemLine(problem: InputProblem): string {
  return `diplomat: ${problem.path}: ${problem.message}`;
}
