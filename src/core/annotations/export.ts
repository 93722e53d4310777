/**
 * Exports of a sidecar's annotations for other tools: W3C Web Annotation JSON-LD, brat standoff, CSV.
 *
 * Every export takes the text the annotations point into, and expects annotations already re-anchored against it
 * (`reanchorAnnotations`): positions are taken from the targets as they are. Diplomat's offsets are UTF-16 code
 * units; W3C TextPositionSelector and brat count Unicode code points (characters as Python and the W3C model see
 * them), so those two convert. CSV keeps UTF-16 offsets, like `diplomat annotations --json` and the sidecar.
 */
import type { AnchorState, Annotation, Sidecar } from './types';

/** The JSON-LD context of the W3C Web Annotation data model. */
export const W3C_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * Converts UTF-16 offsets of `text` into code-point offsets: each surrogate pair (an emoji, a rare CJK character)
 * before the offset counts one instead of two. An offset between the two halves of a pair counts the first half as
 * one character. Built once per text; each conversion is a binary search.
 */
export function codePointOffsets(text: string): (utf16Offset: number) => number {
  // UTF-16 index of the second half of every surrogate pair, ascending.
  const lowHalves: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) lowHalves.push(i);
  }
  return (offset) => {
    let lo = 0;
    let hi = lowHalves.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lowHalves[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
}

/**
 * The passage an annotation covers in `text`: the text at its offsets, or for an orphan (whose offsets no longer
 * mean anything) the last quote it was anchored to (`target.exact`).
 */
export function passageText(annotation: Annotation, text: string): string {
  return annotation.state === 'orphaned' ? annotation.target.exact : text.slice(annotation.target.start, annotation.target.end);
}

// ---------------------------------------------------------------------------------------------------------------
// W3C Web Annotation

export interface W3CTextualBody {
  readonly type: 'TextualBody';
  readonly purpose: 'tagging' | 'commenting';
  readonly value: string;
  readonly format?: 'text/plain';
}

export interface W3CTextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface W3CTextPositionSelector {
  readonly type: 'TextPositionSelector';
  /** Code points, not UTF-16 units. */
  readonly start: number;
  readonly end: number;
}

export interface W3CAnnotation {
  readonly '@context': typeof W3C_ANNOTATION_CONTEXT;
  readonly id: string;
  readonly type: 'Annotation';
  readonly created: string;
  readonly modified: string;
  readonly creator?: { readonly type: 'Person'; readonly name: string };
  readonly body: readonly W3CTextualBody[];
  readonly target: {
    readonly source: string;
    readonly selector: W3CTextQuoteSelector | readonly [W3CTextQuoteSelector, W3CTextPositionSelector];
  };
  /** Diplomat's anchor state; an absolute IRI as property name, so JSON-LD processing keeps it. */
  readonly 'diplomat:state': AnchorState;
}

export interface W3CAnnotationCollection {
  readonly '@context': typeof W3C_ANNOTATION_CONTEXT;
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  readonly first: {
    readonly id: string;
    readonly type: 'AnnotationPage';
    readonly partOf: string;
    readonly startIndex: 0;
    readonly items: readonly W3CAnnotation[];
  };
}

/**
 * A 128-bit, non-cryptographic hash of `s` (cyrb128: four 32-bit lanes mixed with Math.imul), enough to give each
 * annotation id a distinct, stable UUID; core has no crypto, and nothing here needs resistance to attack.
 */
function hash128(s: string): number[] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * `urn:uuid:` of a UUID derived from `name` (RFC 9562 version 8, "custom": the 122 free bits come from a hash of the
 * name), so exporting twice gives the same ids and the W3C id of an annotation follows its Diplomat id.
 */
export function derivedUuidUrn(name: string): string {
  const hex = hash128(name).map((n) => n.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface W3CExportOptions {
  /** IRI or file name of the text, put in every `target.source`; defaults to the sidecar's `source`. */
  readonly source?: string;
}

/**
 * The annotations as a W3C Web Annotation `AnnotationCollection` (JSON-LD, one embedded page). Each annotation has
 * its own `@context` and a `urn:uuid` id derived from its Diplomat id ({@link derivedUuidUrn}); its body holds the
 * note (`purpose: commenting`) and one `TextualBody` per tag (`purpose: tagging`); its target the source and two
 * selectors for the same passage, a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector whose
 * offsets are Unicode code points (converted from Diplomat's UTF-16). An orphan keeps only its TextQuoteSelector
 * (its last quote: its position points at nothing), and every annotation carries its anchor state as
 * `diplomat:state`.
 */
export function toW3C(sidecar: Sidecar, text: string, options: W3CExportOptions = {}): W3CAnnotationCollection {
  const source = options.source ?? sidecar.source;
  const toCodePoints = codePointOffsets(text);
  const items = sidecar.annotations.map((a): W3CAnnotation => {
    const quote: W3CTextQuoteSelector = { type: 'TextQuoteSelector', exact: a.target.exact, prefix: a.target.prefix, suffix: a.target.suffix };
    const body: W3CTextualBody[] = [
      ...(a.note ? [{ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' } as const] : []),
      ...a.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag }) as const),
    ];
    return {
      '@context': W3C_ANNOTATION_CONTEXT,
      id: derivedUuidUrn(`diplomat-annotation:${a.id}`),
      type: 'Annotation',
      created: a.created,
      modified: a.modified,
      ...(a.author !== null ? { creator: { type: 'Person', name: a.author } as const } : {}),
      body,
      target: {
        source,
        selector: a.state === 'orphaned'
          ? quote
          : [quote, { type: 'TextPositionSelector', start: toCodePoints(a.target.start), end: toCodePoints(a.target.end) }],
      },
      'diplomat:state': a.state,
    };
  });
  const id = derivedUuidUrn(`diplomat-collection:${source}\n${sidecar.sha256}`);
  return {
    '@context': W3C_ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Diplomat annotations of ${source}`,
    total: items.length,
    first: { id: `${id}#page1`, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// brat standoff

/** brat entity type for an annotation without tags (a note only): brat needs a type on every text-bound entry. */
export const BRAT_UNTAGGED_TYPE = 'Untagged';

/** A tag as a brat type: brat types are single tokens, so anything but letters, digits, `_` and `-` becomes `_`. */
function bratType(tag: string): string {
  return tag.replace(/[^\p{L}\p{N}_-]/gu, '_') || BRAT_UNTAGGED_TYPE;
}

/** `[start, end)` cut at line breaks (brat spans cannot contain one): the non-empty pieces, in UTF-16 offsets. */
function fragments(text: string, start: number, end: number): [number, number][] {
  const pieces: [number, number][] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : -1;
    if (c === 10 || c === 13 || i === end) {
      if (i > from) pieces.push([from, i]);
      from = i + 1;
    }
  }
  return pieces;
}

export interface BratExport {
  /** The `.ann` file: text-bound entries `T1\tTYPE START END\ttext` and notes `#1\tAnnotatorNotes T1\tnote`. */
  readonly ann: string;
  /** Orphaned annotations, left out because brat needs a position in the text; the caller should say so. */
  readonly skipped: readonly Annotation[];
}

/**
 * The annotations as brat standoff (`.ann` beside the `.txt`). One `T` entry per tag (brat gives an entity one
 * type), typed `Untagged` when there is none; the note goes on the first one as `AnnotatorNotes`, on one line.
 * Offsets are code points; a passage spanning lines becomes a discontinuous entry `START END;START END` with one
 * fragment per line (brat cannot span a line break), its text the fragments joined by spaces. Orphans are not
 * written (the `.ann` format has no comments to flag them in) but returned in `skipped`.
 */
export function toBrat(sidecar: Sidecar, text: string): BratExport {
  const toCodePoints = codePointOffsets(text);
  const lines: string[] = [];
  const skipped: Annotation[] = [];
  let entity = 0;
  let note = 0;
  for (const a of sidecar.annotations) {
    const pieces = a.state === 'orphaned' ? [] : fragments(text, a.target.start, Math.min(a.target.end, text.length));
    if (pieces.length === 0) {
      skipped.push(a);
      continue;
    }
    const spans = pieces.map(([s, e]) => `${toCodePoints(s)} ${toCodePoints(e)}`).join(';');
    const passage = pieces.map(([s, e]) => text.slice(s, e)).join(' ');
    const types = a.tags.length ? a.tags.map(bratType) : [BRAT_UNTAGGED_TYPE];
    const first = entity + 1;
    for (const type of types) lines.push(`T${++entity}\t${type} ${spans}\t${passage}`);
    if (a.note) lines.push(`#${++note}\tAnnotatorNotes T${first}\t${a.note.replace(/[\t\r\n]+/g, ' ')}`);
  }
  return { ann: lines.map((l) => `${l}\n`).join(''), skipped };
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

/** A CSV field quoted as RFC 4180 asks: in double quotes, inner quotes doubled, when it holds `"`, `,`, CR or LF. */
function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Columns of {@link toCsv}, in order. */
export const CSV_COLUMNS = ['id', 'tags', 'note', 'start', 'end', 'state', 'text'] as const;

/**
 * The annotations as CSV (RFC 4180: a header row, CRLF line ends, quoting only where needed): id, tags joined by
 * `;`, note, start, end (UTF-16 offsets, as everywhere in Diplomat), state, and the passage text
 * ({@link passageText}: an orphan's last quote). Orphans are included, with their state.
 */
export function toCsv(sidecar: Sidecar, text: string): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const a of sidecar.annotations) {
    rows.push([a.id, a.tags.join(';'), a.note, a.target.start, a.target.end, a.state, passageText(a, text)].map(csvField).join(','));
  }
  return rows.map((r) => `${r}\r\n`).join('');
}
