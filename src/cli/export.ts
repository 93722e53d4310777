import { parseArgs } from 'node:util';
import { reanchorAnnotations } from '../core/annotations';
import { toBrat, toCsv, toW3C } from '../core/annotations/export';
import type { CliIo, Command } from './command';
import { ExitCode } from './command';
import { readAnnotatedTextOrReport, sidecarPathFor, writeFileAtomic } from './sidecarStore';

const formats = ['w3c', 'brat', 'csv'] as const;
type Format = (typeof formats)[number];

const usage = `Usage: diplomat export FILE --to w3c|brat|csv [--out PATH]

Exports the annotations of FILE (from FILE.diplomat.yaml), re-anchored against the text
as it is now. The sidecar is not changed.

Formats:
  w3c    W3C Web Annotation JSON-LD: an AnnotationCollection; each annotation has the note
         and tags as TextualBody (purpose commenting / tagging) and a target with a
         TextQuoteSelector and a TextPositionSelector. Positions count Unicode code points
         (not UTF-16 units). Orphans keep only their TextQuoteSelector; every annotation
         carries its state as "diplomat:state".
  brat   brat standoff (.ann for FILE as .txt): one T entry per tag, the note as
         AnnotatorNotes, offsets in code points, passages spanning lines as fragments.
         Orphans cannot be placed and are left out (listed on standard error).
  csv    RFC 4180 CSV with a header: id, tags (joined by ;), note, start, end (UTF-16
         offsets), state, text (the passage; an orphan's last quote).

Offsets are into the text read as UTF-8 with a leading byte-order mark removed.

Options:
  --to FORMAT   w3c, brat or csv (required)
  --out PATH    write there (atomically) instead of standard output
  -h, --help

Exit codes:
  0  exported
  2  the command line is wrong
  3  FILE or its sidecar could not be read, or PATH could not be written
  4  FILE is not a text, or its sidecar is corrupt`;

export const exportCommand: Command = {
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { to: { type: 'string' }, out: { type: 'string' } } });
    } catch (e) {
      io.err(`diplomat export: ${e instanceof Error ? e.message.replace(/\.$/, '') : String(e)}. Run 'diplomat export --help' for usage.`);
      return ExitCode.usage;
    }
    const { values, positionals } = parsed;
    const bad = (message: string): number => {
      io.err(`diplomat export: ${message}. Run 'diplomat export --help' for usage.`);
      return ExitCode.usage;
    };
    if (positionals.length !== 1) return bad(positionals.length ? 'one FILE only' : 'no FILE given');
    if (!values.to) return bad(`--to is required (${formats.join(', ')})`);
    if (!formats.includes(values.to as Format)) return bad(`unknown format '${values.to}' (${formats.join(', ')})`);
    const format = values.to as Format;

    const read = await readAnnotatedTextOrReport(positionals[0], io.err);
    if (typeof read === 'number') return read;
    const { textPath, text, sidecar: found } = read;
    if (found.kind === 'missing') {
      io.err(`diplomat: ${textPath}: has no annotations (no ${sidecarPathFor(textPath)}): nothing to export`);
      return ExitCode.unreadable;
    }
    const sidecar = { ...found.sidecar, annotations: reanchorAnnotations(found.sidecar.annotations, text) };
    let output: string;
    if (format === 'w3c') output = `${JSON.stringify(toW3C(sidecar, text), null, 2)}\n`;
    else if (format === 'csv') output = toCsv(sidecar, text);
    else {
      const brat = toBrat(sidecar, text);
      output = brat.ann;
      if (brat.skipped.length) {
        const n = brat.skipped.length;
        io.err(`diplomat: ${textPath}: ${n} orphaned annotation${n === 1 ? '' : 's'} left out (brat needs a position in the text): ${brat.skipped.map((a) => a.id).join(', ')}`);
      }
    }
    if (values.out) {
      try {
        await writeFileAtomic(values.out, output);
      } catch (e) {
        io.err(`diplomat: ${values.out}: cannot be written (${e instanceof Error ? e.message : String(e)})`);
        return ExitCode.unreadable;
      }
    } else if (output) {
      // io.out ends every piece with a line feed; the output already ends with its own line end.
      io.out(output.replace(/\r?\n$/, ''));
    }
    return ExitCode.ok;
  },
};
