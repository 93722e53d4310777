import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnchorState, Sidecar } from '../core/annotations';
import { reanchorAnnotations, serializeSidecar } from '../core/annotations';
import { passageText } from '../core/annotations/export';
import type { CliIo, Command } from './command';
import { ExitCode } from './command';
import { readAnnotatedTextOrReport, sha256Hex, writeFileAtomic } from './sidecarStore';

const usage = `Usage: diplomat annotations FILE [--json] [--write]

Lists the annotations of FILE (from its sidecar FILE.diplomat.yaml), re-anchored
against the text as it is now: each is found where it was, moved, found approximately
(fuzzy) or orphaned (its passage is gone; it is kept and listed).

Options:
  --json    print [{"id","tags","note","start","end","text","state"}, …] on one line
  --write   save the re-anchored positions and states to the sidecar (read-only
            otherwise); the file is rewritten only if something changed
  -h, --help

Offsets (start, end) are 0-based, end-exclusive UTF-16 code units into the text read
as UTF-8 with a leading byte-order mark removed; "text" is the passage at those offsets,
or for an orphan the last passage it was anchored to. A text without a sidecar has no
annotations ([]).

Exit codes:
  0  listed
  2  the command line is wrong
  3  FILE could not be read, or the sidecar could not be written
  4  FILE is not a text, or its sidecar is corrupt (left as it is)`;

/** One line of `--json` output. */
export interface AnnotationListing {
  readonly id: string;
  readonly tags: readonly string[];
  readonly note: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly state: AnchorState;
}

/** Passages longer than this are cut in the human-readable listing; `--json` has them whole. */
const shownPassageChars = 60;

function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export const annotationsCommand: Command = {
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, write: { type: 'boolean' } } });
    } catch (e) {
      io.err(`diplomat annotations: ${e instanceof Error ? e.message.replace(/\.$/, '') : String(e)}. Run 'diplomat annotations --help' for usage.`);
      return ExitCode.usage;
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1) {
      io.err(`diplomat annotations: ${positionals.length ? 'one FILE only' : 'no FILE given'}. Run 'diplomat annotations --help' for usage.`);
      return ExitCode.usage;
    }
    const read = await readAnnotatedTextOrReport(positionals[0], io.err);
    if (typeof read === 'number') return read;
    const { text, sidecar: found } = read;
    const annotations = found.kind === 'ok' ? reanchorAnnotations(found.sidecar.annotations, text) : [];
    const listing: AnnotationListing[] = annotations.map((a) => ({
      id: a.id, tags: a.tags, note: a.note, start: a.target.start, end: a.target.end, text: passageText(a, text), state: a.state,
    }));
    if (values.write && found.kind === 'ok') {
      const refreshed: Sidecar = { ...found.sidecar, source: basename(read.textPath), sha256: sha256Hex(text), length: text.length, annotations };
      const yaml = serializeSidecar(refreshed, found.yaml);
      if (yaml !== found.yaml) {
        try {
          await writeFileAtomic(found.path, yaml);
        } catch (e) {
          io.err(`diplomat: ${found.path}: cannot be written (${e instanceof Error ? e.message : String(e)})`);
          return ExitCode.unreadable;
        }
      }
    }
    if (values.json) {
      io.out(JSON.stringify(listing));
      return ExitCode.ok;
    }
    if (listing.length === 0) {
      io.out(`${read.textPath}: no annotations`);
      return ExitCode.ok;
    }
    const width = String(text.length).length;
    for (const a of listing) {
      const range = `${String(a.start).padStart(width)}–${String(a.end).padEnd(width)}`;
      const tags = a.tags.length ? `[${a.tags.join(', ')}]` : '[]';
      const note = a.note ? `  note: ${oneLine(a.note, shownPassageChars)}` : '';
      io.out(`${range}  ${a.state.padEnd(8)}  ${a.id}  ${tags}  “${oneLine(a.text, shownPassageChars)}”${note}`);
    }
    return ExitCode.ok;
  },
};
