/**
 * The sidecar file `NAME.EXT.diplomat.yaml` beside `NAME.EXT`: reading it defensively (it may be hand-edited,
 * half-merged by git, or hostile) and rewriting it without destroying what a person added to it.
 *
 * Format (schema version 1, also `schemas/diplomat-sidecar.schema.json`): keys are lowerCamelCase, like the
 * TypeScript model and W3C Web Annotation JSON (today every key is a single word, so the choice shows only in
 * future keys). Top level: `version`, `source`, `sha256`, `length`, `annotations`; per annotation `id`, `tags`,
 * `note`, `target` (`exact`, `prefix`, `suffix`, `start`, `end`), `state`, `created`, `modified`, `author`. Keys
 * Diplomat does not know are kept when it rewrites the file, so a newer minor addition or a person's own field
 * survives an older Diplomat.
 */
import type { YAMLMap as YamlMapType } from 'yaml';
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, YAMLMap, YAMLSeq } from 'yaml';
import type { AnchorState, Annotation, Sidecar, SidecarProblemKind, Target } from './types';
import { SidecarError } from './types';

/** `press-release.statement` → `press-release.statement.diplomat.yaml`. */
export const SIDECAR_SUFFIX = '.diplomat.yaml';

/** The schema version this Diplomat reads and writes. */
export const SIDECAR_VERSION = 1;

/**
 * Largest sidecar read, in UTF-8 bytes (5 MiB). An annotation takes about 400–700 bytes, so this holds some 8,000
 * annotations on one text, far more than a person makes by hand, while keeping a hostile or runaway file (the
 * issue names 10 MB) from freezing the editor. Checked before parsing; adapters can check a file's size against it
 * before reading it.
 */
export const MAX_SIDECAR_BYTES = 5 * 1024 * 1024;

/**
 * Most YAML aliases (`*name`) a sidecar may use. Diplomat never writes aliases; a person may use a few (a shared tag
 * list). Counting alias nodes before building any value makes "billion laughs" documents fail in time linear in
 * their size, and yaml's own `maxAliasCount` bounds the expansion of the few that are allowed.
 */
export const MAX_SIDECAR_ALIASES = 16;

const anchorStates: readonly AnchorState[] = ['anchored', 'moved', 'fuzzy', 'orphaned'];

/**
 * Options for every document this module writes. `lineWidth: 0` never folds a long line: a small edit of a note
 * then changes one line of a diff, and folding cannot alter spaces in a passage. Double-quoted text stays on one
 * line (line breaks as `\n`): yaml would otherwise break it after an escaped space (`\ `), which an editor trimming
 * trailing white space would turn into a line continuation. No padding: `tags: [a, b]`, as people write it.
 */
const writeOptions = { lineWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER, flowCollectionPadding: false } as const;

/** The sidecar's file name for a text's file name (no folder involved: the sidecar sits beside the text). */
export function sidecarName(textFileName: string): string {
  return textFileName + SIDECAR_SUFFIX;
}

/** An empty sidecar for a text. `sha256` is the hex SHA-256 of the text's UTF-8 bytes; `length` is UTF-16 units. */
export function emptySidecar(source: string, sha256: string, length: number): Sidecar {
  return { version: 1, source, sha256, length, annotations: [] };
}

/** Order of annotations in a sidecar: by start, then end, then id (code-unit order), so every writer agrees. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Number of bytes of `s` in UTF-8 (lone surrogates count 3, as an encoder writes U+FFFD for them). */
function utf8Length(s: string, stopAbove: number): number {
  let bytes = 0;
  for (let i = 0; i < s.length && bytes <= stopAbove; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A parsed YAML document that passed the size, syntax and alias checks, with its plain value. */
export interface CheckedYaml {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  readonly value: unknown;
}

/**
 * Parses YAML that came from a file a person or another program may have written, defensively: the size is
 * checked first (`maxBytes` UTF-8 bytes), then the syntax (the first error, as `line L, column C: …`), then the
 * number of aliases. Every failure goes through `fail`, which turns it into the caller's error class; nothing
 * else is thrown (a stack overflow on absurd nesting is reported as a syntax error too).
 * @param what how to name the file in messages, e.g. `sidecar`.
 */
export function parseYamlDefensively(
  text: string,
  what: string,
  fail: (kind: Exclude<SidecarProblemKind, 'schema' | 'newer-version'>, message: string) => Error,
  maxBytes: number = MAX_SIDECAR_BYTES,
  maxAliases: number = MAX_SIDECAR_ALIASES,
): CheckedYaml {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so the length alone rejects most large inputs at once.
  const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (text.length > maxBytes || utf8Length(text, maxBytes) > maxBytes) {
    throw fail('too-large', `the ${what} is larger than ${mib(maxBytes)}: Diplomat does not read it`);
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    throw fail('syntax', `the ${what} is not valid YAML (${e instanceof Error ? e.message : String(e)})`);
  }
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw fail('syntax', `the ${what} is not valid YAML: line ${pos.line}, column ${pos.col}: ${reason}`);
  }
  let aliases = 0;
  visit(doc, { Alias: () => (++aliases > maxAliases ? visit.BREAK : undefined) });
  if (aliases > maxAliases) {
    throw fail('too-many-aliases', `the ${what} uses more than ${maxAliases} YAML aliases (*name): Diplomat does not read it, as a defence against alias bombs`);
  }
  try {
    return { doc, lineCounter, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    // yaml throws ReferenceError for an unknown or excessive alias; anything else here is a malformed document.
    const message = e instanceof Error ? e.message : String(e);
    if (/alias count/i.test(message)) throw fail('too-many-aliases', `the ${what} expands its YAML aliases too much: Diplomat does not read it`);
    throw fail('syntax', `the ${what} is not valid YAML: ${message}`);
  }
}

type Path = readonly (string | number)[];

/** Validates the plain value of a sidecar, naming the field (and the annotation, by index and id) that is wrong. */
class SchemaReader {
  constructor(private readonly checked: CheckedYaml) {}

  fail(path: Path, message: string, annotationIndex?: number): never {
    const line = this.lineOf(path);
    let where = path.length ? `"${path.join('.')}"` : 'the sidecar';
    if (annotationIndex !== undefined) {
      const rest = path.slice(2);
      const id = (this.checked.value as { annotations: { id?: unknown }[] }).annotations[annotationIndex]?.id;
      const name = typeof id === 'string' && id ? ` (id ${id})` : '';
      where = `annotation ${annotationIndex + 1}${name}${rest.length ? `, "${rest.join('.')}"` : ''}`;
    }
    throw new SidecarError('schema', `${line ? `line ${line}: ` : ''}${where} ${message}`);
  }

  /** The line of the deepest node on `path` that exists, so a missing key points at its parent. */
  private lineOf(path: Path): number | undefined {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = n === 0 ? this.checked.doc.contents : this.checked.doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return this.checked.lineCounter.linePos(range[0]).line;
    }
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : JSON.stringify(v));

function readAnnotation(reader: SchemaReader, raw: unknown, index: number): Annotation {
  const base: Path = ['annotations', index];
  const fail = (path: Path, message: string): never => reader.fail([...base, ...path], message, index);
  if (!isRecord(raw)) return fail([], `must be a mapping (id, tags, target, …), not ${describe(raw)}`);
  const string = (key: string, value: unknown, path: Path = [key]): string =>
    typeof value === 'string' ? value : fail(path, `must be a string, not ${describe(value)}${typeof value === 'number' || typeof value === 'boolean' ? ' (put it in quotes)' : ''}`);
  const offset = (key: string, value: unknown): number =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : fail(['target', key], `must be a whole number ≥ 0 (UTF-16 offset), not ${describe(value)}`);
  const time = (key: string): string => {
    const value = string(key, raw[key]);
    return Number.isNaN(Date.parse(value)) ? fail([key], `must be an ISO 8601 time such as 2024-05-01T09:30:00.000Z, not ${describe(value)}`) : value;
  };

  if (!('id' in raw)) fail([], 'has no "id"');
  const id = string('id', raw.id);
  if (!id.trim()) fail(['id'], 'must not be empty');
  if (!Array.isArray(raw.tags)) fail(['tags'], `must be a list of tag names, not ${describe(raw.tags)}`);
  const tags = (raw.tags as unknown[]).map((t, i) => {
    const tag = string('tags', t, ['tags', i]);
    return tag.trim() ? tag : fail(['tags', i], 'must not be empty');
  });
  const note = raw.note === undefined ? '' : string('note', raw.note);
  const t = raw.target;
  if (!isRecord(t)) return fail(['target'], `must be a mapping with exact, prefix, suffix, start and end, not ${describe(t)}`);
  const target: Target = {
    exact: string('exact', t.exact, ['target', 'exact']),
    prefix: string('prefix', t.prefix, ['target', 'prefix']),
    suffix: string('suffix', t.suffix, ['target', 'suffix']),
    start: offset('start', t.start),
    end: offset('end', t.end),
  };
  if (target.end < target.start) fail(['target', 'end'], `must not be before "start" (${target.end} < ${target.start})`);
  if (!anchorStates.includes(raw.state as AnchorState)) fail(['state'], `must be one of ${anchorStates.join(', ')}, not ${describe(raw.state)}`);
  const created = time('created');
  const modified = time('modified');
  const author = raw.author === undefined || raw.author === null ? null : string('author', raw.author);
  return { id, tags, note, target, state: raw.state as AnchorState, created, modified, author };
}

/**
 * Parses a sidecar's YAML. Throws `SidecarError` (never anything else), with a message for people:
 * - `too-large`: over {@link MAX_SIDECAR_BYTES} UTF-8 bytes (checked before parsing);
 * - `syntax`: not valid YAML (the message gives `line L, column C`), several documents, duplicate keys;
 * - `too-many-aliases`: over {@link MAX_SIDECAR_ALIASES} aliases (alias bombs fail fast, in bounded memory);
 * - `newer-version`: `version` above {@link SIDECAR_VERSION} ("made by a newer Diplomat");
 * - `schema`: anything else that is not schema version 1, naming the line, the annotation (number and id) and the
 *   field.
 * Optional fields: a missing `note` reads as `''` and a missing `author` as `null`; `annotations:` with nothing
 * after it reads as no annotations. Keys Diplomat does not know are accepted (and kept by {@link serializeSidecar}).
 * The annotations come back sorted by {@link compareAnnotations}, whatever their order in the file.
 */
export function parseSidecar(yaml: string): Sidecar {
  const checked = parseYamlDefensively(yaml, 'sidecar', (kind, message) => new SidecarError(kind, message));
  const reader = new SchemaReader(checked);
  const raw = checked.value;
  if (raw === null || raw === undefined) reader.fail([], 'is empty: it should start with "version: 1"');
  if (!isRecord(raw)) return reader.fail([], `must be a mapping (version, source, sha256, length, annotations), not ${describe(raw)}`);
  if (typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version > SIDECAR_VERSION) {
    throw new SidecarError('newer-version', `the sidecar was made by a newer Diplomat (schema version ${raw.version}; this one reads version ${SIDECAR_VERSION}): update Diplomat to use it`);
  }
  if (raw.version !== SIDECAR_VERSION) reader.fail(['version'], `must be ${SIDECAR_VERSION}, not ${describe(raw.version)}`);
  if (typeof raw.source !== 'string' || !raw.source) reader.fail(['source'], `must be the file name of the text, not ${describe(raw.source)}`);
  if (typeof raw.sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(raw.sha256)) reader.fail(['sha256'], `must be 64 hexadecimal digits (SHA-256 of the text), not ${describe(raw.sha256)}`);
  if (typeof raw.length !== 'number' || !Number.isSafeInteger(raw.length) || raw.length < 0) reader.fail(['length'], `must be a whole number ≥ 0 (UTF-16 length of the text), not ${describe(raw.length)}`);
  if (!('annotations' in raw)) reader.fail([], 'has no "annotations" (write "annotations: []" for none)');
  const list = raw.annotations ?? [];
  if (!Array.isArray(list)) return reader.fail(['annotations'], `must be a list, not ${describe(list)}`);
  const annotations = list.map((a, i) => readAnnotation(reader, a, i));
  const seen = new Map<string, number>();
  annotations.forEach((a, i) => {
    const first = seen.get(a.id);
    if (first !== undefined) reader.fail(['annotations', i, 'id'], `repeats the id of annotation ${first + 1}: ids must be unique`, i);
    seen.set(a.id, i);
  });
  return {
    version: 1,
    source: raw.source as string,
    sha256: raw.sha256 as string,
    length: raw.length as number,
    annotations: annotations.sort(compareAnnotations),
  };
}

function sameTarget(a: Target, b: Target): boolean {
  return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix && a.start === b.start && a.end === b.end;
}

/** Whether two annotations hold the same data (ids included). */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return a.id === b.id && a.note === b.note && a.state === b.state && a.created === b.created && a.modified === b.modified
    && a.author === b.author && a.tags.length === b.tags.length && a.tags.every((t, i) => t === b.tags[i]) && sameTarget(a.target, b.target);
}

/** Whether two sidecars hold the same data, annotation order included. */
export function sameSidecar(a: Sidecar, b: Sidecar): boolean {
  return a.version === b.version && a.source === b.source && a.sha256 === b.sha256 && a.length === b.length
    && a.annotations.length === b.annotations.length && a.annotations.every((x, i) => sameAnnotation(x, b.annotations[i]));
}

/**
 * The scalar style for a passage or note, chosen so the text reads back exactly. yaml already double-quotes (with
 * escapes) text holding CR, other control characters, lone surrogates or a BOM; multi-line text is written as a
 * literal block (`|`, readable, no escapes) unless a line ends in spaces or tabs: a literal block cannot keep a
 * line of only spaces (YAML takes it for indentation), and an editor that trims trailing white space on save
 * would silently change the quote. Such text is double-quoted, where every space is visible and safe.
 */
function textScalar(value: string): Scalar {
  const scalar = new Scalar(value);
  if (value.includes('\n')) scalar.type = /[ \t](\n|$)/.test(value) ? Scalar.QUOTE_DOUBLE : Scalar.BLOCK_LITERAL;
  return scalar;
}

/** Fields holding free text (passages and notes), written with {@link textScalar}. */
const textKeys = new Set(['note', 'exact', 'prefix', 'suffix']);

/** Tracks whether an edit of the document changed anything. */
class DocumentEditor {
  changed = false;

  /** Sets `key` of `map` to a scalar `value`, editing the existing node in place so its comments stay. */
  setScalar(map: YamlMapType, key: string, value: string | number | null): void {
    const existing: unknown = map.get(key, true);
    if (isScalar(existing)) {
      if (existing.value === value) return;
      existing.value = value;
      // A passage or note gets the style that keeps it exact; other values keep the style a person gave them.
      if (typeof value === 'string' && textKeys.has(key)) existing.type = textScalar(value).type;
    } else {
      map.set(key, typeof value === 'string' && textKeys.has(key) ? textScalar(value) : new Scalar(value));
    }
    this.changed = true;
  }

  setTags(map: YamlMapType, tags: readonly string[]): void {
    const existing: unknown = map.get('tags', true);
    if (isSeq(existing)) {
      const items = existing.items;
      if (items.length === tags.length && items.every((item, i) => isScalar(item) && item.value === tags[i])) return;
      existing.items = tags.map((t) => new Scalar(t));
    } else {
      map.set('tags', tagsNode(tags));
    }
    this.changed = true;
  }

  setTarget(map: YamlMapType, target: Target): void {
    const node: unknown = map.get('target', true);
    let targetMap: YamlMapType;
    if (isMap(node)) targetMap = node as YamlMapType;
    else {
      targetMap = new YAMLMap();
      map.set('target', targetMap);
      this.changed = true;
    }
    this.setScalar(targetMap, 'exact', target.exact);
    this.setScalar(targetMap, 'prefix', target.prefix);
    this.setScalar(targetMap, 'suffix', target.suffix);
    this.setScalar(targetMap, 'start', target.start);
    this.setScalar(targetMap, 'end', target.end);
  }

  /** Brings an existing annotation node up to date; fields a person left out stay out while they hold the default. */
  updateAnnotation(map: YamlMapType, a: Annotation): void {
    this.setScalar(map, 'id', a.id);
    this.setTags(map, a.tags);
    if (map.has('note') || a.note !== '') this.setScalar(map, 'note', a.note);
    this.setTarget(map, a.target);
    this.setScalar(map, 'state', a.state);
    this.setScalar(map, 'created', a.created);
    this.setScalar(map, 'modified', a.modified);
    if (map.has('author') || a.author !== null) this.setScalar(map, 'author', a.author);
  }
}

function tagsNode(tags: readonly string[]): YAMLSeq {
  const seq = new YAMLSeq();
  // One line, `tags: [praise, commitment]`: the tags read at a glance next to the id.
  seq.flow = true;
  seq.items = tags.map((t) => new Scalar(t));
  return seq;
}

function annotationNode(a: Annotation): YAMLMap {
  const map = new YAMLMap();
  const editor = new DocumentEditor();
  // Key order of a new annotation: identity and meaning first, then where it is, then bookkeeping.
  editor.setScalar(map, 'id', a.id);
  map.set('tags', tagsNode(a.tags));
  editor.setScalar(map, 'note', a.note);
  editor.setTarget(map, a.target);
  editor.setScalar(map, 'state', a.state);
  editor.setScalar(map, 'created', a.created);
  editor.setScalar(map, 'modified', a.modified);
  editor.setScalar(map, 'author', a.author);
  return map;
}

function headerComment(source: string): string {
  return ` Diplomat annotations of ${source.replace(/[\r\n]+/g, ' ')} (sidecar file, schema version 1).\n`
    + ' Written by Diplomat, and safe to edit by hand: comments and key order are kept when Diplomat rewrites it.\n'
    + ' Offsets (start, end, length) count UTF-16 code units of the text; the format is described in Diplomat\'s README.';
}

function newDocumentYaml(sidecar: Sidecar, annotations: readonly Annotation[]): string {
  const map = new YAMLMap();
  const editor = new DocumentEditor();
  editor.setScalar(map, 'version', sidecar.version);
  editor.setScalar(map, 'source', sidecar.source);
  editor.setScalar(map, 'sha256', sidecar.sha256);
  editor.setScalar(map, 'length', sidecar.length);
  const seq = new YAMLSeq();
  seq.items = annotations.map(annotationNode);
  seq.flow = seq.items.length === 0;
  map.set('annotations', seq);
  const doc = new Document(map);
  doc.commentBefore = headerComment(sidecar.source);
  return doc.toString(writeOptions);
}

/**
 * The YAML for `sidecar` (annotations written in {@link compareAnnotations} order).
 *
 * Without `previous`: a new file, starting with a comment that says what it is and that it is safe to edit by hand.
 * With `previous` (the file as it is on disk): edits that document rather than writing a new one, so comments (on
 * the file, on an annotation, on a field), key order, keys Diplomat does not know and the style of untouched values
 * survive; new annotations are inserted at their sorted place, removed ones (with their comments) removed, changed
 * fields edited in place. Returns `previous` itself (`===`) when it already holds the same data.
 *
 * Passages and notes read back exactly, whatever they hold (CRLF, no-break spaces, trailing spaces, `- `, `: `,
 * `#`, quotes, lone surrogates): see `textScalar`.
 *
 * @throws SidecarError when `previous` is not a valid sidecar: a file that cannot be read is never overwritten.
 */
export function serializeSidecar(sidecar: Sidecar, previous?: string): string {
  const annotations = [...sidecar.annotations].sort(compareAnnotations);
  if (previous === undefined) return newDocumentYaml(sidecar, annotations);
  const before = parseSidecar(previous);
  if (sameSidecar(before, { ...sidecar, annotations })) {
    // Same data, but perhaps not in sorted order in the file: leave a person's order alone until something changes.
    return previous;
  }
  const { doc } = parseYamlDefensively(previous, 'sidecar', (kind, message) => new SidecarError(kind, message));
  const root = doc.contents as unknown as YamlMapType;
  const editor = new DocumentEditor();
  editor.setScalar(root, 'version', sidecar.version);
  editor.setScalar(root, 'source', sidecar.source);
  editor.setScalar(root, 'sha256', sidecar.sha256);
  editor.setScalar(root, 'length', sidecar.length);
  const seq: unknown = root.get('annotations', true);
  let list: YAMLSeq;
  if (isSeq(seq)) list = seq as YAMLSeq;
  else {
    list = new YAMLSeq();
    root.set('annotations', list);
  }
  // yaml keeps a comment between `annotations:` and the first `-` on the list, but a person wrote it about the first
  // annotation: give it to that annotation, so it stays with it when the order changes or it is removed.
  const firstItem = list.items[0];
  if (list.commentBefore && isMap(firstItem)) {
    firstItem.commentBefore = firstItem.commentBefore ? `${list.commentBefore}\n${firstItem.commentBefore}` : list.commentBefore;
    list.commentBefore = null;
  }
  // parseSidecar accepted the file, so every item is a mapping with a unique string id.
  const byId = new Map<string, YamlMapType>();
  for (const item of list.items) {
    if (isMap(item)) byId.set(String(item.get('id')), item as YamlMapType);
  }
  list.items = annotations.map((a) => {
    const existing = byId.get(a.id);
    if (!existing) return annotationNode(a);
    editor.updateAnnotation(existing, a);
    return existing;
  });
  // A block sequence that became empty must be written `[]`, and one that was `[]` must open up when it gains items.
  list.flow = list.items.length === 0;
  return doc.toString(writeOptions);
}
