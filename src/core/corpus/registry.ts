/**
 * The entity registry, `.diplomat/entities.yaml` in the workspace: corrections to the analyzer that apply to every
 * text. A person merges two names into one, renames an entity, adds an alias the analyzer does not know, or says a
 * detection is wrong; the registry records it once and {@link applyRegistry} applies it to each analysis.
 *
 * Format:
 * ```yaml
 * entities:
 *   - canonical: Donald Trump      # the name every form is shown under
 *     type: PERSON                 # PERSON, COUNTRY, ORG or PLACE
 *     aliases: [Donald Tramp, The 45th President]
 * ignored:                         # surface texts or canonical names never to show as entities
 *   - Head
 * ```
 * Edits go through the parsed YAML document, so comments, key order and layout survive them.
 */
import type { YAMLMap } from 'yaml';
import { Document, isMap, isScalar, isSeq, Scalar, YAMLMap as YamlMapClass, YAMLSeq } from 'yaml';
import { parseYamlDefensively } from '../annotations/sidecar';
import type { Analysis, Entity, EntityType, Quote, Speaker, SpeakerMention } from '../analysis/types';

/** Path of the registry, relative to the workspace folder. */
export const REGISTRY_FILE = '.diplomat/entities.yaml';

/** A registry larger than this (UTF-8 bytes) is refused: thousands of corrections still fit in a few hundred KB. */
export const MAX_REGISTRY_BYTES = 4 * 1024 * 1024;

export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'COUNTRY', 'ORG', 'PLACE'];

export interface RegistryEntity {
  /** The name every alias is shown under. */
  canonical: string;
  type: EntityType;
  /** Other surface forms or analyzer canonical names of the same entity (never the canonical itself). */
  aliases: string[];
}

export interface EntityRegistry {
  entities: RegistryEntity[];
  /** Surface texts or canonical names never to show as entities. */
  ignored: string[];
}

/** A registry that cannot be read or edited; the message is one sentence, with the line when there is one. */
export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** A registry with no corrections: what a missing or empty file means. */
export function emptyRegistry(): EntityRegistry {
  return { entities: [], ignored: [] };
}

function isEntityType(t: unknown): t is EntityType {
  return typeof t === 'string' && (ENTITY_TYPES as readonly string[]).includes(t);
}

function checkName(name: string, what: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new RegistryError(`${what} must not be empty`);
  if (/[\r\n]/.test(trimmed)) throw new RegistryError(`${what} "${oneLine(trimmed)}" must be on one line`);
  return trimmed;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function parse(yaml: string): { doc: Document.Parsed; registry: EntityRegistry } {
  const checked = parseYamlDefensively(yaml, 'entity registry', (_kind, message) => new RegistryError(message), MAX_REGISTRY_BYTES);
  const raw = checked.value as unknown;
  if (raw === null || raw === undefined) return { doc: checked.doc, registry: emptyRegistry() };
  const lineOf = (path: readonly (string | number)[]): string => {
    const node = checked.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? `line ${checked.lineCounter.linePos(node.range[0]).line}: ` : '';
  };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new RegistryError('the entity registry must be a mapping with an "entities" list and an "ignored" list');
  }
  const { entities: rawEntities, ignored: rawIgnored } = raw as { entities?: unknown; ignored?: unknown };
  if (rawEntities !== undefined && rawEntities !== null && !Array.isArray(rawEntities)) {
    throw new RegistryError(`${lineOf(['entities'])}"entities" must be a list of entries with canonical, type and aliases`);
  }
  if (rawIgnored !== undefined && rawIgnored !== null && !Array.isArray(rawIgnored)) {
    throw new RegistryError(`${lineOf(['ignored'])}"ignored" must be a list of texts`);
  }
  const entities: RegistryEntity[] = [];
  const owner = new Map<string, number>();
  ((rawEntities as unknown[] | null) ?? []).forEach((entry, i) => {
    const where = (key?: string): string => `${lineOf(key ? ['entities', i, key] : ['entities', i])}entity ${i + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new RegistryError(`${where()} must be a mapping with canonical, type and aliases`);
    }
    const { canonical, type, aliases } = entry as Record<string, unknown>;
    if (typeof canonical !== 'string' || !canonical.trim()) throw new RegistryError(`${where('canonical')} has no "canonical" name (a text)`);
    if (!isEntityType(type)) {
      throw new RegistryError(`${where('type')} ("${canonical}"): "type" must be one of ${ENTITY_TYPES.join(', ')}, not ${JSON.stringify(type ?? null)}`);
    }
    if (aliases !== undefined && aliases !== null && (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string' && typeof a !== 'number'))) {
      throw new RegistryError(`${where('aliases')} ("${canonical}"): "aliases" must be a list of texts`);
    }
    const name = canonical.trim();
    const forms = [...new Set(((aliases as unknown[] | null) ?? []).map((a) => String(a).trim()).filter((a) => a && a !== name))];
    for (const form of [name, ...forms]) {
      const other = owner.get(form);
      if (other !== undefined && other !== i) {
        throw new RegistryError(`${where()} ("${name}"): "${form}" already belongs to entity ${other + 1} ("${entities[other]?.canonical}"); a name can belong to one entity only`);
      }
      owner.set(form, i);
    }
    entities.push({ canonical: name, type, aliases: forms });
  });
  const ignored: string[] = [];
  ((rawIgnored as unknown[] | null) ?? []).forEach((item, i) => {
    if (typeof item !== 'string' && typeof item !== 'number') throw new RegistryError(`${lineOf(['ignored', i])}ignored item ${i + 1} must be a text`);
    const text = String(item).trim();
    if (text && !ignored.includes(text)) ignored.push(text);
  });
  return { doc: checked.doc, registry: { entities, ignored } };
}

/**
 * Parses the registry. An empty or blank text (or a missing file, which callers pass as `''`) is the empty registry.
 * Names are trimmed; an alias equal to its canonical name is dropped; `ignored` is de-duplicated.
 * @throws RegistryError (never anything else) on invalid YAML (with line and column), a file over
 * {@link MAX_REGISTRY_BYTES}, a wrong shape, an unknown type, or a name (canonical or alias) that belongs to two
 * entities (with the entry's line and number).
 */
export function parseRegistry(yaml: string): EntityRegistry {
  return parse(yaml).registry;
}

const header = [
  ' Diplomat entity registry: corrections to the names Diplomat finds, applied to every text of the workspace.',
  ' Edit it by hand or with the commands Merge Entities…, Rename Entity…, Add Alias… and Ignore Detection.',
  '   entities: canonical (the name shown), type (PERSON, COUNTRY, ORG or PLACE), aliases (other forms of the name)',
  '   ignored:  texts or canonical names that are not entities',
].join('\n');

const writeOptions = { lineWidth: 0, flowCollectionPadding: false } as const;

/** A registry being edited: the parsed document, what it says, and its two lists (created when missing). */
interface Edit {
  readonly doc: Document;
  readonly registry: EntityRegistry;
  readonly entities: YAMLSeq;
  readonly ignored: YAMLSeq;
  /** Keys this edit added; left out of the result again if their list stayed empty. */
  readonly created: Set<string>;
}

function editable(yaml: string): Edit {
  const parsed = parse(yaml);
  let doc: Document = parsed.doc;
  if (!isMap(doc.contents)) {
    // An empty file, or one holding only comments (which are kept); a brand-new file gets the explanatory header.
    const comment = doc.commentBefore ?? doc.comment;
    doc = new Document(new YamlMapClass());
    doc.commentBefore = comment ?? header;
  }
  const root = doc.contents as YAMLMap;
  const created = new Set<string>();
  const seq = (key: string): YAMLSeq => {
    const node: unknown = root.get(key, true);
    if (isSeq(node)) return node;
    const fresh = new YAMLSeq();
    root.set(key, fresh);
    created.add(key);
    return fresh;
  };
  return { doc, registry: parsed.registry, entities: seq('entities'), ignored: seq('ignored'), created };
}

function finish(edit: Edit): string {
  const root = edit.doc.contents as YAMLMap;
  for (const [key, list] of [['entities', edit.entities], ['ignored', edit.ignored]] as const) {
    if (edit.created.has(key) && !list.items.length) root.delete(key);
    // `ignored: []` and `entities: []` open up into block lists once they hold items, as a hand-written file would be.
    else if (list.flow && list.items.length) list.flow = false;
  }
  return edit.doc.toString(writeOptions);
}

function entityNode(canonical: string, type: EntityType, aliases: readonly string[]): YAMLMap {
  const map = new YamlMapClass();
  map.set('canonical', new Scalar(canonical));
  map.set('type', new Scalar(type));
  const list = new YAMLSeq();
  list.flow = true;
  list.items = aliases.map((a) => new Scalar(a));
  map.set('aliases', list);
  return map;
}

/** Index in `entities` of the entry whose canonical name is `name`, or -1. */
function entryIndex(registry: EntityRegistry, name: string): number {
  return registry.entities.findIndex((e) => e.canonical === name);
}

function entryNode(entities: YAMLSeq, index: number): YAMLMap {
  const node = entities.items[index];
  if (!isMap(node)) throw new RegistryError(`entity ${index + 1} is not a mapping`);
  return node;
}

function aliasesNode(entry: YAMLMap): YAMLSeq {
  const node: unknown = entry.get('aliases', true);
  if (isSeq(node)) return node;
  const list = new YAMLSeq();
  list.flow = true;
  entry.set('aliases', list);
  return list;
}

/** Sets `key` of `map` to `value`, editing the scalar in place so a comment written beside it stays. */
function setScalar(map: YAMLMap, key: string, value: string): void {
  const node: unknown = map.get(key, true);
  if (isScalar(node)) node.value = value;
  else map.set(key, new Scalar(value));
}

function scalarText(node: unknown): string | null {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value).trim() : null;
}

function removeFromSeq(seq: YAMLSeq, text: string): void {
  seq.items = seq.items.filter((item) => scalarText(item) !== text);
}

function addToSeq(seq: YAMLSeq, text: string): void {
  if (!seq.items.some((item) => scalarText(item) === text)) seq.items.push(new Scalar(text));
}

/** Removes `name` from every entry's aliases except entry `keep`, so a name belongs to one entity only. */
function releaseAlias(entities: YAMLSeq, registry: EntityRegistry, name: string, keep: number): void {
  registry.entities.forEach((e, i) => {
    if (i !== keep && e.aliases.includes(name)) removeFromSeq(aliasesNode(entryNode(entities, i)), name);
  });
}

/**
 * `from` becomes an alias of `into` (created with `type` if the registry has no entry named `into`; an existing
 * entry takes `type`). If `from` is itself a registry entry, its aliases move to `into` and its entry is removed; if
 * it is an alias of another entry, it leaves that entry; if it was ignored, it no longer is.
 * @returns the new YAML text, comments and layout kept (a new registry gets an explanatory header).
 * @throws RegistryError when `yaml` is not a valid registry (it is then never rewritten), a name is empty or spans
 * lines, or `from` equals `into`.
 */
export function mergeEntities(yaml: string, from: string, into: string, type: EntityType): string {
  const source = checkName(from, 'the entity to merge');
  const target = checkName(into, 'the entity to merge into');
  if (!isEntityType(type)) throw new RegistryError(`type must be one of ${ENTITY_TYPES.join(', ')}`);
  if (source === target) throw new RegistryError(`cannot merge "${source}" into itself`);
  const edit = editable(yaml);
  const { registry, entities, ignored } = edit;
  const fromIndex = entryIndex(registry, source);
  const moved = fromIndex === -1 ? [source] : [source, ...registry.entities[fromIndex].aliases];
  let intoIndex = entryIndex(registry, target);
  if (intoIndex === -1) {
    // The target may be known only as an alias: merging into `Trump` when `Trump` is an alias of `Donald Trump`.
    intoIndex = registry.entities.findIndex((e) => e.aliases.includes(target));
  }
  for (const name of moved) releaseAlias(entities, registry, name, intoIndex);
  removeFromSeq(ignored, source);
  if (intoIndex === -1) {
    entities.items.push(entityNode(target, type, moved.filter((n) => n !== target)));
  } else {
    const entry = entryNode(entities, intoIndex);
    setScalar(entry, 'type', type);
    const list = aliasesNode(entry);
    const canonical = registry.entities[intoIndex].canonical;
    for (const name of moved) if (name !== canonical) addToSeq(list, name);
  }
  if (fromIndex !== -1) entities.items.splice(fromIndex, 1);
  return finish(edit);
}

/**
 * Shows the entity `from` as `to` (with `type`): a registry entry named `from` is renamed in place and keeps `from`
 * as an alias, so texts where the analyzer still finds `from` follow; without one, an entry `to` with the alias
 * `from` is added. Renaming to the name of another entry merges into it ({@link mergeEntities}).
 * @returns the new YAML text, comments and layout kept.
 * @throws RegistryError as {@link mergeEntities}, and when `from` equals `to`.
 */
export function renameEntity(yaml: string, from: string, to: string, type: EntityType): string {
  const oldName = checkName(from, 'the entity to rename');
  const newName = checkName(to, 'the new name');
  if (!isEntityType(type)) throw new RegistryError(`type must be one of ${ENTITY_TYPES.join(', ')}`);
  if (oldName === newName) throw new RegistryError(`"${oldName}" already has that name`);
  const edit = editable(yaml);
  const { registry, entities } = edit;
  const fromIndex = entryIndex(registry, oldName);
  const toIndex = entryIndex(registry, newName);
  if (toIndex !== -1 || fromIndex === -1) return mergeEntities(yaml, oldName, newName, type);
  const entry = entryNode(entities, fromIndex);
  releaseAlias(entities, registry, newName, fromIndex);
  setScalar(entry, 'canonical', newName);
  setScalar(entry, 'type', type);
  const list = aliasesNode(entry);
  removeFromSeq(list, newName);
  addToSeq(list, oldName);
  return finish(edit);
}

/**
 * Adds `alias` to the entry named `canonical` (created with `type` if missing; an existing entry keeps its type).
 * The alias leaves any other entry it belonged to, and is no longer ignored.
 * @returns the new YAML text, comments and layout kept.
 * @throws RegistryError when `yaml` is not a valid registry, a name is empty or spans lines, or `alias` is an
 * entry's canonical name itself (merge the entities instead).
 */
export function addAlias(yaml: string, canonical: string, type: EntityType, alias: string): string {
  const name = checkName(canonical, 'the entity name');
  const form = checkName(alias, 'the alias');
  if (!isEntityType(type)) throw new RegistryError(`type must be one of ${ENTITY_TYPES.join(', ')}`);
  const edit = editable(yaml);
  const { registry, entities, ignored } = edit;
  if (form === name) return finish(edit);
  if (entryIndex(registry, form) !== -1) {
    throw new RegistryError(`"${form}" is the name of a registry entity: merge it into "${name}" instead`);
  }
  const index = entryIndex(registry, name);
  releaseAlias(entities, registry, form, index);
  removeFromSeq(ignored, form);
  if (index === -1) entities.items.push(entityNode(name, type, [form]));
  else addToSeq(aliasesNode(entryNode(entities, index)), form);
  return finish(edit);
}

/**
 * Adds `text` (a surface text or canonical name) to the ignored detections; already there: unchanged.
 * @returns the new YAML text, comments and layout kept.
 * @throws RegistryError when `yaml` is not a valid registry, or `text` is empty or spans lines.
 */
export function ignoreDetection(yaml: string, text: string): string {
  const form = checkName(text, 'the text to ignore');
  const edit = editable(yaml);
  const { ignored } = edit;
  addToSeq(ignored, form);
  return finish(edit);
}

/** A character trie over the registry's names, for one left-to-right pass over a text. */
interface TrieNode {
  next: Map<number, TrieNode> | null;
  entity: RegistryEntity | null;
}

const wordCharPattern = /[\p{L}\p{N}\p{M}_]/u;

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  // Lone surrogates (halves of an emoji) are not word characters.
  return c < 0xd800 || c > 0xdfff ? wordCharPattern.test(String.fromCharCode(c)) : false;
}

/**
 * Applies the registry to one analysis of `text`:
 * - an entity whose surface text, else whose canonical name, is a registry name (canonical or alias) takes that
 *   entry's canonical name and type; speakers named by a registry name take its canonical name (and its type when that
 *   is PERSON or ORG), and speakers that end up with the same name become one (their quotes follow);
 * - entities whose surface text or canonical name (before or after the remapping) is ignored are removed;
 * - registry names found in the text that no entity covers are added as entities with rule `registry`: whole words
 *   (no letter, digit or `_` on either side where the name itself starts or ends with one), case-sensitive, longest
 *   name first, never overlapping an entity or each other. Ignored names are not searched for.
 *
 * One pass over the text with a character trie of the names: linear in the text for names of bounded length.
 * Offsets are UTF-16 code units; entities come back sorted by start (then end). Returns `analysis` itself when the
 * registry is empty; never mutates it.
 */
export function applyRegistry(text: string, analysis: Analysis, registry: EntityRegistry): Analysis {
  if (!registry.entities.length && !registry.ignored.length) return analysis;
  const byName = new Map<string, RegistryEntity>();
  for (const e of registry.entities) {
    byName.set(e.canonical, e);
    for (const a of e.aliases) if (!byName.has(a)) byName.set(a, e);
  }
  const ignored = new Set(registry.ignored);

  const kept: Entity[] = [];
  for (const e of analysis.entities) {
    if (ignored.has(e.text) || ignored.has(e.canonical)) continue;
    const entry = byName.get(e.text) ?? byName.get(e.canonical);
    if (!entry) {
      kept.push(e);
      continue;
    }
    if (ignored.has(entry.canonical)) continue;
    kept.push(entry.canonical === e.canonical && entry.type === e.type ? e : { ...e, canonical: entry.canonical, type: entry.type });
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end);

  const added = findRegistryNames(text, byName, ignored, kept);
  const entities = added.length ? mergeSorted(kept, added) : kept;
  const { speakers, quotes } = remapSpeakers(analysis.speakers, analysis.quotes, byName);
  return { ...analysis, entities, speakers, quotes };
}

function findRegistryNames(text: string, byName: ReadonlyMap<string, RegistryEntity>, ignored: ReadonlySet<string>, existing: readonly Entity[]): Entity[] {
  const root: TrieNode = { next: null, entity: null };
  let names = 0;
  for (const [name, entity] of byName) {
    if (ignored.has(name) || ignored.has(entity.canonical)) continue;
    let node = root;
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: null, entity: null }));
      node = child;
    }
    node.entity = entity;
    names++;
  }
  if (!names || !root.next) return [];
  const first = root.next;
  const found: Entity[] = [];
  let cover = 0;
  let covering = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (i < cover || !first.has(c)) continue;
    // A name must not start inside a word: `Iran` in `Tirana`.
    if (isWordCode(c) && i > 0 && isWordCode(text.charCodeAt(i - 1))) continue;
    let node: TrieNode | undefined = root;
    let bestEnd = -1;
    let best: RegistryEntity | null = null;
    for (let j = i; j < text.length && node?.next; j++) {
      node = node.next.get(text.charCodeAt(j));
      if (!node) break;
      if (node.entity && !(isWordCode(text.charCodeAt(j)) && j + 1 < text.length && isWordCode(text.charCodeAt(j + 1)))) {
        bestEnd = j + 1;
        best = node.entity;
      }
    }
    if (!best) continue;
    // Skip existing entities that end before this match; `existing` is sorted by start.
    while (covering < existing.length && existing[covering].end <= i) covering++;
    let overlaps = false;
    for (let k = covering; k < existing.length && existing[k].start < bestEnd; k++) {
      if (existing[k].end > i) {
        overlaps = true;
        break;
      }
    }
    if (overlaps) continue;
    found.push({ start: i, end: bestEnd, text: text.slice(i, bestEnd), type: best.type, canonical: best.canonical, rule: 'registry' });
    cover = bestEnd;
  }
  return found;
}

function mergeSorted(a: readonly Entity[], b: readonly Entity[]): Entity[] {
  const out: Entity[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i].start < b[j].start || (a[i].start === b[j].start && a[i].end <= b[j].end)))) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

function remapSpeakers(
  speakers: readonly Speaker[],
  quotes: readonly Quote[],
  byName: ReadonlyMap<string, RegistryEntity>,
): { speakers: readonly Speaker[]; quotes: readonly Quote[] } {
  let changed = false;
  const byKey = new Map<string, { id: string; name: string; type: Speaker['type']; mentions: SpeakerMention[] }>();
  const idMap = new Map<string, string>();
  for (const s of speakers) {
    const entry = byName.get(s.name);
    const name = entry?.canonical ?? s.name;
    const type = entry && (entry.type === 'PERSON' || entry.type === 'ORG') ? entry.type : s.type;
    if (name !== s.name || type !== s.type) changed = true;
    const key = `${type}\u0000${name}`;
    const seen = byKey.get(key);
    if (seen) {
      changed = true;
      seen.mentions.push(...s.mentions);
      idMap.set(s.id, seen.id);
    } else {
      byKey.set(key, { id: s.id, name, type, mentions: [...s.mentions] });
    }
  }
  if (!changed) return { speakers, quotes };
  const merged: Speaker[] = [...byKey.values()].map((s) => ({ ...s, mentions: s.mentions.sort((a, b) => a.start - b.start) }));
  const remapped = idMap.size
    ? quotes.map((q) => (q.speaker !== null && idMap.has(q.speaker) ? { ...q, speaker: idMap.get(q.speaker) ?? q.speaker } : q))
    : quotes;
  return { speakers: merged, quotes: remapped };
}
