import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseTags, reanchorAnnotations, SIDECAR_SUFFIX, TagSetError } from '../core/annotations';
import type { CliIo, Command } from './command';
import { ExitCode } from './command';
import { describeFsError, readStatementFile } from './input';
import { readSidecarFile, sha256Hex, sidecarPathFor, textPathFor } from './sidecarStore';

const usage = `Usage: diplomat check [PATH]...

Validates annotation sidecars (*.diplomat.yaml) and tag sets (.diplomat/tags.yaml),
re-anchors each sidecar's annotations against its text as it is now, and lists the
problems: sidecars that cannot be read (invalid YAML, wrong shape, newer version, too
large, alias bombs), texts that are missing, orphaned annotations, invalid tag sets.
Nothing is written.

Operands:
  PATH      a sidecar, a text (its sidecar is checked), or a folder (searched
            recursively; node_modules and hidden folders other than .diplomat skipped)
  (none)    the current folder
  -h, --help

Output: one line per problem, "PATH: problem", then a summary line.

Exit codes:
  0  no problems
  1  at least one problem
  2  the command line is wrong
  3  a PATH does not exist or cannot be read`;

/** Passages quoted in problem lines are cut to this many characters. */
const quotedChars = 60;

function quote(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return `“${flat.length > quotedChars ? `${flat.slice(0, quotedChars - 1).trimEnd()}…` : flat}”`;
}

interface Found {
  readonly sidecars: string[];
  readonly tagSets: string[];
  readonly unreadable: { path: string; message: string }[];
}

function isTagSet(path: string): boolean {
  return basename(path) === 'tags.yaml' && basename(dirname(path)) === '.diplomat';
}

async function walk(folder: string, found: Found): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (e) {
    found.unreadable.push({ path: folder, message: describeFsError(e) });
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(folder, entry.name);
    // Symbolic links to folders are not followed, so a link cycle cannot make the walk endless.
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || (entry.name.startsWith('.') && entry.name !== '.diplomat')) continue;
      await walk(path, found);
    } else if (entry.name.endsWith(SIDECAR_SUFFIX)) found.sidecars.push(path);
    else if (isTagSet(path)) found.tagSets.push(path);
  }
}

export const checkCommand: Command = {
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    let operands: string[];
    try {
      operands = parseArgs({ args, allowPositionals: true, strict: true, options: {} }).positionals;
    } catch (e) {
      io.err(`diplomat check: ${e instanceof Error ? e.message.replace(/\.$/, '') : String(e)}. Run 'diplomat check --help' for usage.`);
      return ExitCode.usage;
    }
    const found: Found = { sidecars: [], tagSets: [], unreadable: [] };
    const notes: string[] = [];
    for (const operand of operands.length ? operands : ['.']) {
      let isFolder: boolean;
      try {
        isFolder = (await stat(operand)).isDirectory();
      } catch (e) {
        found.unreadable.push({ path: operand, message: describeFsError(e) });
        continue;
      }
      if (isFolder) await walk(operand, found);
      else if (operand.endsWith(SIDECAR_SUFFIX)) found.sidecars.push(operand);
      else if (isTagSet(operand)) found.tagSets.push(operand);
      else {
        const sidecar = sidecarPathFor(textPathFor(operand));
        try {
          await stat(sidecar);
          found.sidecars.push(sidecar);
        } catch {
          notes.push(`${operand}: no sidecar (no annotations)`);
        }
      }
    }
    for (const { path, message } of found.unreadable) io.err(`diplomat: ${path}: ${message}`);

    const problems: string[] = [];
    let orphans = 0;
    for (const path of [...new Set(found.tagSets)]) {
      try {
        parseTags(await readFile(path, 'utf8'));
      } catch (e) {
        problems.push(`${path}: ${e instanceof TagSetError ? e.message : describeFsError(e)}`);
      }
    }
    const sidecars = [...new Set(found.sidecars)];
    for (const path of sidecars) {
      const read = await readSidecarFile(path);
      if (read.kind === 'missing') {
        problems.push(`${path}: ${describeFsError({ code: 'ENOENT' })}`);
        continue;
      }
      if (read.kind === 'problem') {
        problems.push(`${path}: ${read.problem.message}`);
        continue;
      }
      const { sidecar } = read;
      const textPath = textPathFor(path);
      if (sidecar.source !== basename(textPath)) {
        notes.push(`${path}: "source" says ${sidecar.source}, but the sidecar belongs to ${basename(textPath)} (renamed?); Diplomat corrects it on the next save`);
      }
      const decoded = await readStatementFile(textPath);
      if ('problem' in decoded) {
        const count = sidecar.annotations.length;
        problems.push(`${path}: its text ${textPath} ${decoded.problem.message}: ${count} annotation${count === 1 ? '' : 's'} cannot be anchored`);
        continue;
      }
      const text = decoded.text;
      const changed = sidecar.sha256.toLowerCase() !== sha256Hex(text) || sidecar.length !== text.length;
      const anchored = reanchorAnnotations(sidecar.annotations, text);
      let moved = 0;
      for (const a of anchored) {
        if (a.state === 'orphaned') {
          orphans++;
          problems.push(`${path}: annotation ${a.id} [${a.tags.join(', ')}] is orphaned: its passage ${quote(a.target.exact)} is no longer in the text`);
        } else if (a.state !== 'anchored') moved++;
      }
      if (changed && moved) {
        notes.push(`${path}: the text changed; ${moved} annotation${moved === 1 ? ' was' : 's were'} found again elsewhere or approximately (diplomat annotations ${textPath} --write saves the new positions)`);
      }
    }

    for (const line of problems) io.out(line);
    for (const line of notes) io.out(`note: ${line}`);
    const checked = `${sidecars.length} sidecar${sidecars.length === 1 ? '' : 's'}${found.tagSets.length ? ` and ${found.tagSets.length} tag set${found.tagSets.length === 1 ? '' : 's'}` : ''}`;
    const summary = problems.length === 0 ? 'no problems'
      : `${problems.length} problem${problems.length === 1 ? '' : 's'}${orphans ? ` (${orphans} orphaned annotation${orphans === 1 ? '' : 's'})` : ''}`;
    io.out(`Checked ${checked}: ${summary}.`);
    if (found.unreadable.length) return ExitCode.unreadable;
    return problems.length ? ExitCode.problems : ExitCode.ok;
  },
};
