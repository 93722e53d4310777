import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Sidecar } from '../core/annotations';
import { addAnnotation, checkRange, emptySidecar, reanchorAnnotations, serializeSidecar, SidecarError, tagNameProblem } from '../core/annotations';
import type { CliIo, Command } from './command';
import { ExitCode } from './command';
import { gitUserName, readAnnotatedTextOrReport, sha256Hex, writeFileAtomic } from './sidecarStore';

const usage = `Usage: diplomat tag FILE --start N --end M --tag TAG [--tag TAG2]... [--note TEXT] [--author NAME]

Adds one annotation on the passage [N, M) of FILE to its sidecar FILE.diplomat.yaml
(created if missing) and prints the new annotation's id.

Options:
  --start N       first character of the passage
  --end M         just after its last character (end-exclusive)
                  Offsets are 0-based UTF-16 code units (JavaScript string indices, VS Code
                  offsets) into the text read as UTF-8 with a leading byte-order mark removed;
                  0 <= N < M <= length, and neither may fall inside a surrogate pair (an emoji).
  --tag TAG       a tag name (letters, digits, _ . -); repeat for several
  --note TEXT     a note on the passage
  --author NAME   who made it (default: git's user.name, else none)
  -h, --help

If the text changed since the sidecar was last written, its annotations are re-anchored
first. A sidecar that cannot be read (invalid YAML, newer version, too large) is left
exactly as it is and nothing is written.

Exit codes:
  0  the annotation was added
  2  the command line is wrong (bad offsets or tag names included)
  3  FILE or its sidecar could not be read or written
  4  FILE is not a text, or its sidecar is corrupt`;

/** What the tag command needs from the outside world; tests replace it. */
export interface TagEnvironment {
  /** git's `user.name` seen from `folder`, or null. */
  readonly gitUserName: (folder: string) => Promise<string | null>;
  readonly now: () => Date;
}

interface TagOptions {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly tags: readonly string[];
  readonly note: string;
  readonly author: string | undefined;
}

function parseOffset(name: string, value: string | undefined): number | string {
  if (value === undefined) return `--${name} is required`;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) return `--${name} must be a whole number ≥ 0 (a UTF-16 offset), not '${value}'`;
  return Number(value);
}

function parseTagArgs(args: string[]): TagOptions | string {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        start: { type: 'string' },
        end: { type: 'string' },
        tag: { type: 'string', multiple: true },
        note: { type: 'string' },
        author: { type: 'string' },
      },
    });
  } catch (e) {
    return e instanceof Error ? e.message.replace(/\.$/, '') : String(e);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return positionals.length ? `one FILE only, not ${positionals.length}` : 'no FILE given';
  const start = parseOffset('start', values.start);
  if (typeof start === 'string') return start;
  const end = parseOffset('end', values.end);
  if (typeof end === 'string') return end;
  const tags = values.tag ?? [];
  if (tags.length === 0) return 'give at least one --tag';
  for (const tag of tags) {
    const problem = tagNameProblem(tag);
    if (problem) return problem;
  }
  return { file: positionals[0], start, end, tags, note: values.note ?? '', author: values.author };
}

/** Creates the `tag` command; `env` supplies git's user name and the clock so tests run it in-process. */
export function createTagCommand(env: TagEnvironment): Command {
  return {
    usage,
    async run(args: string[], io: CliIo): Promise<number> {
      const options = parseTagArgs(args);
      if (typeof options === 'string') {
        io.err(`diplomat tag: ${options}. Run 'diplomat tag --help' for usage.`);
        return ExitCode.usage;
      }
      const read = await readAnnotatedTextOrReport(options.file, io.err);
      if (typeof read === 'number') return read;
      const { textPath, text, sidecar: found } = read;
      try {
        checkRange(text, options.start, options.end);
      } catch (e) {
        io.err(`diplomat tag: ${textPath}: ${e instanceof Error ? e.message : String(e)}. Run 'diplomat tag --help' for usage.`);
        return ExitCode.usage;
      }
      const sha256 = sha256Hex(text);
      // `source` follows the file's name, in case the text and its sidecar were renamed together.
      const source = basename(textPath);
      let sidecar: Sidecar;
      if (found.kind === 'missing') sidecar = emptySidecar(source, sha256, text.length);
      else if (found.sidecar.sha256 === sha256 && found.sidecar.length === text.length) sidecar = { ...found.sidecar, source };
      else {
        // The text changed since the sidecar was written: move its annotations to the text as it is now, so that
        // the sidecar's hash and every target describe the same text.
        sidecar = { ...found.sidecar, source, sha256, length: text.length, annotations: reanchorAnnotations(found.sidecar.annotations, text) };
      }
      const author = options.author ?? (await env.gitUserName(dirname(textPath)));
      const { sidecar: updated, annotation } = addAnnotation(sidecar, text, {
        start: options.start,
        end: options.end,
        tags: options.tags,
        note: options.note,
        author,
        now: env.now().toISOString(),
      });
      let yaml: string;
      try {
        yaml = serializeSidecar(updated, found.kind === 'ok' ? found.yaml : undefined);
      } catch (e) {
        // Only a sidecar that parseSidecar accepted gets here, so this is a bug; still, nothing is written.
        if (!(e instanceof SidecarError)) throw e;
        io.err(`diplomat: ${found.path}: ${e.message}`);
        return ExitCode.badInput;
      }
      try {
        await writeFileAtomic(found.path, yaml);
      } catch (e) {
        io.err(`diplomat: ${found.path}: cannot be written (${e instanceof Error ? e.message : String(e)})`);
        return ExitCode.unreadable;
      }
      io.out(annotation.id);
      return ExitCode.ok;
    },
  };
}

/** `diplomat tag`, with git's user name and the system clock. */
export const tagCommand: Command = createTagCommand({ gitUserName, now: () => new Date() });
