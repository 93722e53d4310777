/**
 * Tree models of the Diplomat sidebar for one text: entities by kind, speakers with their quotes, annotations by tag.
 * Plain data built from an {@link Analysis} or a {@link Sidecar} and the text they describe; the views only turn
 * nodes into tree items. Every offset is a 0-based, end-exclusive UTF-16 code-unit index into that text (VS Code's
 * `TextDocument.offsetAt`), lines are 0-based.
 */
import type { AnchorState, Sidecar } from '../annotations/types';
import type { Analysis, EntityType, Figure, FigureKind, MentionKind, QuoteKind, Speaker } from '../analysis/types';

/** Longest preview of a mention, quote or note, in UTF-16 units: one line of a narrow sidebar. */
export const PREVIEW_CHARS = 80;

export type EntityGroupKind = EntityType | 'FIGURE';

/** Group labels, in the order the Entities view shows the groups. */
export const ENTITY_GROUP_LABELS = {
  PERSON: 'People',
  COUNTRY: 'Countries',
  ORG: 'Organisations',
  PLACE: 'Places',
  FIGURE: 'Figures',
} as const satisfies Record<EntityGroupKind, string>;

/** One occurrence of an entity in the text. */
export interface Mention {
  readonly start: number;
  readonly end: number;
  /** The text as written (`text.slice(start, end)`). */
  readonly text: string;
  /** The mention with context from its line, white space collapsed, at most {@link PREVIEW_CHARS}; `…` marks a cut. */
  readonly preview: string;
  /** 0-based line of `start`. */
  readonly line: number;
  /** `name` for a detected name (and every figure); `role`/`label` for a speaker's role (`the Head of State`) or
   * transcript label that refers to the person without naming them. */
  readonly kind: MentionKind;
}

export interface EntityEntry {
  /** Unique in its group: the canonical name for entities, the figure's collapsed text for figures. */
  readonly key: string;
  /** The canonical name (`Donald Trump`), or the figure as written (`$ 7.5 billion`). */
  readonly label: string;
  /** A short description for the tree item: the figure's normalised value, or how many of the mentions are roles. */
  readonly description: string;
  readonly type: EntityGroupKind;
  /** For figures, their kind (`money`, `count`…); null for entities. */
  readonly figureKind: FigureKind | null;
  /** Number of mentions (`mentions.length`). */
  readonly count: number;
  /** In text order. */
  readonly mentions: readonly Mention[];
}

export interface EntityGroup {
  readonly kind: EntityGroupKind;
  readonly label: (typeof ENTITY_GROUP_LABELS)[EntityGroupKind];
  /** Sorted by count (descending), then label. */
  readonly entries: readonly EntityEntry[];
}

/**
 * Line starts of a text, for turning offsets into 0-based lines in O(log lines). Build once per text and share it
 * between the trees of that text.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 0-based line holding the UTF-16 offset `offset` (offsets past the end give the last line). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Start offset of line `line`. */
  lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  /** End offset of line `line`, before its `\n` (and `\r`). */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 0x0d) end--;
    return end;
  }

  /** {@link preview} of `[start, end)`, using this index to find its line. */
  preview(start: number, end: number): string {
    const line = this.lineAt(start);
    return preview(this.text, start, end, this.lineStart(line), this.lineEnd(line));
  }
}

/** White space runs as one space. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** `s` collapsed, trimmed and cut to `max` UTF-16 units with `…`, never splitting a surrogate pair. */
export function oneLine(s: string, max = PREVIEW_CHARS): string {
  const flat = collapse(s).trim();
  return flat.length <= max ? flat : `${cutAt(flat, max - 1).trimEnd()}…`;
}

/**
 * One line of context around `[start, end)` of `text`: the span, then as much of its line before and after as fits
 * in {@link PREVIEW_CHARS} (shared evenly, unused room going to the other side), white space collapsed, cut at word
 * edges with `…`. A span longer than the budget (a quote) is shown from its start. `lineStart`/`lineEnd` bound the
 * context to the span's line; a span running past `lineEnd` shows only its first line.
 */
export function preview(text: string, start: number, end: number, lineStart: number, lineEnd: number): string {
  const core = collapse(text.slice(start, Math.max(start, Math.min(end, lineEnd)))).trim();
  if (core.length >= PREVIEW_CHARS - 1 || end > lineEnd) return oneLine(core);
  // Reading at most a budget's worth on each side keeps a preview O(1) on lines of any length.
  const before = collapse(text.slice(Math.max(lineStart, start - PREVIEW_CHARS), start)).trimStart();
  const after = collapse(text.slice(end, Math.min(lineEnd, end + PREVIEW_CHARS))).trimEnd();
  const room = PREVIEW_CHARS - core.length;
  let left = Math.min(before.length, Math.floor(room / 2));
  const right = Math.min(after.length, room - left);
  left = Math.min(before.length, room - right);
  let head = before.slice(before.length - left);
  let tail = after.slice(0, right);
  if (left < before.length) head = `…${dropPartialWord(head.slice(1), 'start')}`;
  if (right < after.length) tail = `${dropPartialWord(tail.slice(0, -1), 'end')}…`;
  return `${head}${core}${tail}`;
}

/** Removes the word cut in two at the `start` or `end` of `s` (when a space leaves something to show). */
function dropPartialWord(s: string, side: 'start' | 'end'): string {
  if (side === 'start') {
    const space = s.indexOf(' ');
    return space > 0 && space < s.length - 1 ? s.slice(space) : s;
  }
  const space = s.lastIndexOf(' ');
  return space > 0 ? s.slice(0, space + 1) : s;
}

function cutAt(s: string, n: number): string {
  const c = s.charCodeAt(n - 1);
  // Never end on a high surrogate: the emoji would become a replacement character.
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n);
}

/** Code-unit order: the same order on every machine, whatever the locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * How the People of one analysis are grouped: a one-word canonical name (`Trump`, `Xi`, from a short form the
 * analyzer could not tie to a full name) maps to the one multi-word person name of the same analysis that has that
 * word as its first or last word (`Donald Trump`, `Xi Jinping`). A word shared by two full names (`Kim`) stays apart
 * rather than guess. Speaker names count as full names too.
 * @returns canonical → canonical to show, only for the names that change.
 */
export function personAliases(analysis: Analysis): Map<string, string> {
  const names = new Set<string>();
  for (const e of analysis.entities) if (e.type === 'PERSON') names.add(e.canonical);
  for (const s of analysis.speakers) if (s.type === 'PERSON') names.add(s.name);
  return shortFormAliases(names);
}

/** {@link personAliases} over a set of person names (also used across a corpus). */
export function shortFormAliases(names: Iterable<string>): Map<string, string> {
  const byWord = new Map<string, string | null>();
  const single: string[] = [];
  for (const name of names) {
    const words = name.split(/\s+/).filter(Boolean);
    if (words.length === 1) {
      single.push(name);
      continue;
    }
    for (const w of new Set([words[0], words[words.length - 1]])) {
      const seen = byWord.get(w);
      // null marks a word two full names share.
      byWord.set(w, seen === undefined || seen === name ? name : null);
    }
  }
  const aliases = new Map<string, string>();
  for (const name of single) {
    const full = byWord.get(name);
    if (full) aliases.set(name, full);
  }
  return aliases;
}

interface EntryBuilder {
  readonly key: string;
  readonly label: string;
  readonly type: EntityGroupKind;
  readonly figureKind: FigureKind | null;
  readonly description: string;
  readonly mentions: Mention[];
}

/**
 * The Entities tree of one text: People, Countries, Organisations, Places and Figures, each entry with its mentions.
 *
 * - Entities are grouped by canonical name and type, so every form of a name (`U.S.`, `United States of America`) and
 *   the near-miss spellings the analyzer corrected (`Donald Tramp`) sit under one entry; one-word person names join
 *   the full name they are a short form of ({@link personAliases}).
 * - A speaker's mentions that the entities do not cover (roles such as `the Head of State`, transcript labels) are
 *   added to that person's (or organisation's) entry with their `kind`, since they refer to them as much as the name.
 *   Speakers never named in the text (`Unidentified journalist`, known only by transcript labels) are not entities
 *   and are left out.
 * - Figures: one entry per figure as written (white space collapsed), e.g. `50 billion dollars`, with its normalised
 *   value as description. Grouping by written form keeps entries recognisable and clicking through them predictable;
 *   grouping by unit or value would merge `$ 7.5 billion` of contracts with `$ 7.5 billion` of aid.
 *
 * Entries are sorted by mention count (descending), then label; groups without entries are left out.
 * `text` must be the analysed text (offsets and previews come from it).
 */
export function entityTree(analysis: Analysis, text: string): EntityGroup[] {
  const lines = new LineIndex(text);
  const aliases = personAliases(analysis);
  const builders = new Map<EntityGroupKind, Map<string, EntryBuilder>>();
  const entryFor = (type: EntityGroupKind, key: string, make: () => EntryBuilder): EntryBuilder => {
    let group = builders.get(type);
    if (!group) builders.set(type, (group = new Map()));
    let entry = group.get(key);
    if (!entry) group.set(key, (entry = make()));
    return entry;
  };
  const mention = (start: number, end: number, kind: MentionKind): Mention => {
    const line = lines.lineAt(start);
    return {
      start, end, text: text.slice(start, end), kind, line,
      preview: preview(text, start, end, lines.lineStart(line), lines.lineEnd(line)),
    };
  };
  const entityEntry = (type: EntityType, canonical: string): EntryBuilder => {
    const label = type === 'PERSON' ? aliases.get(canonical) ?? canonical : canonical;
    return entryFor(type, label, () => ({ key: label, label, type, figureKind: null, description: '', mentions: [] }));
  };
  for (const e of analysis.entities) entityEntry(e.type, e.canonical).mentions.push(mention(e.start, e.end, 'name'));
  const named = new Set(analysis.entities.map((e) => e.canonical));
  addSpeakerMentions(analysis.speakers.filter((s) => named.has(s.name) || s.mentions.some((m) => m.kind === 'name')),
    (s) => entityEntry(s.type, s.name).mentions, mention);
  for (const f of analysis.figures) {
    const label = oneLine(f.text, Infinity);
    entryFor('FIGURE', label, () => ({
      key: label, label, type: 'FIGURE', figureKind: f.kind, description: figureDescription(f), mentions: [],
    })).mentions.push(mention(f.start, f.end, 'name'));
  }
  const groups: EntityGroup[] = [];
  for (const kind of Object.keys(ENTITY_GROUP_LABELS) as EntityGroupKind[]) {
    const group = builders.get(kind);
    if (!group?.size) continue;
    const entries = [...group.values()].map((b): EntityEntry => {
      const mentions = b.type === 'FIGURE' ? b.mentions : withoutOverlaps(b.mentions);
      const roles = mentions.filter((m) => m.kind !== 'name').length;
      const description = b.type === 'FIGURE' ? b.description
        : roles ? `${roles} of ${mentions.length} by role or label` : '';
      return { ...b, description, count: mentions.length, mentions };
    });
    entries.sort((a, b) => b.count - a.count || compareText(a.label, b.label));
    groups.push({ kind, label: ENTITY_GROUP_LABELS[kind], entries });
  }
  return groups;
}

/** Adds every mention of each speaker to its entry; overlaps with the entity's own mentions are removed later. */
function addSpeakerMentions(
  speakers: readonly Speaker[],
  mentionsOf: (s: Speaker) => Mention[],
  mention: (start: number, end: number, kind: MentionKind) => Mention,
): void {
  for (const s of speakers) {
    if (!s.mentions.length) continue;
    const list = mentionsOf(s);
    for (const m of s.mentions) list.push(mention(m.start, m.end, m.kind));
  }
}

/**
 * Mentions in text order with overlapping ones dropped: a speaker's name or label mention usually covers the same
 * letters as the entity detected there, and `President of Russia Vladimir Putin` (label) covers `Vladimir Putin`.
 * Of two overlapping mentions the name is kept, else the earlier and longer one.
 */
function withoutOverlaps(mentions: readonly Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || (a.kind === 'name' ? -1 : 0) - (b.kind === 'name' ? -1 : 0) || b.end - a.end);
  const kept: Mention[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (!last || m.start >= last.end) kept.push(m);
    else if (m.kind === 'name' && last.kind !== 'name') kept[kept.length - 1] = m;
  }
  return kept;
}

/** A figure's normalised value as text: `50,000,000,000 USD (more than)`, `20`, `2018-01-17`, `2–2.5 degree Celsius`. */
export function figureValueText(f: Figure): string {
  const number = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 6 });
  const v = f.value;
  const value = v === null ? 'no exact value'
    : typeof v === 'number' ? number(v)
      : typeof v === 'string' ? v
        : `${number(v[0])}–${number(v[1])}`;
  const unit = f.unit && f.unit !== f.kind ? ` ${f.unit}` : '';
  return `${value}${unit}${f.qualifier ? ` (${f.qualifier})` : ''}`;
}

/** The normalised value of a figure for a description: `money: 50,000,000,000 USD`, `count: 20 (more than)`. */
export function figureDescription(f: Figure): string {
  return `${f.kind}: ${figureValueText(f)}`;
}

/** One quote of a speaker. */
export interface QuoteLeaf {
  readonly start: number;
  readonly end: number;
  readonly kind: QuoteKind;
  /** The speech verb as written (`said`), or null. */
  readonly cue: string | null;
  /** Where the cue is (UTF-16 offsets), or null. */
  readonly cueStart: number | null;
  readonly cueEnd: number | null;
  /** The quote from its start, one line, at most {@link PREVIEW_CHARS}. */
  readonly preview: string;
  /** 0-based line of `start`. */
  readonly line: number;
}

/** `SpeakerNode.id` of the node that collects quotes the analyzer could not attribute. */
export const UNATTRIBUTED_ID = '(unattributed)';

export interface SpeakerNode {
  /** The analysis's `Speaker.id`, or {@link UNATTRIBUTED_ID}. */
  readonly id: string;
  readonly name: string;
  /** null for the unattributed node. */
  readonly type: 'PERSON' | 'ORG' | null;
  /** In text order. */
  readonly quotes: readonly QuoteLeaf[];
}

/**
 * The Speakers & Quotes tree of one text: each speaker with their quotes in text order, speakers in the order of
 * their first quote. Speakers without a quote (people the analyzer met only as a name or role) are left out; quotes
 * without a speaker come last under the node {@link UNATTRIBUTED_ID} (named `Unattributed`), present only if there
 * are such quotes.
 */
export function speakerTree(analysis: Analysis, text: string): SpeakerNode[] {
  const lines = new LineIndex(text);
  const byId = new Map<string, { speaker: Speaker | null; quotes: QuoteLeaf[] }>();
  for (const s of analysis.speakers) byId.set(s.id, { speaker: s, quotes: [] });
  const unattributed: QuoteLeaf[] = [];
  const order: string[] = [];
  const quotes = [...analysis.quotes].sort((a, b) => a.start - b.start);
  for (const q of quotes) {
    const line = lines.lineAt(q.start);
    const leaf: QuoteLeaf = {
      start: q.start, end: q.end, kind: q.kind, line,
      cue: q.cue?.text ?? null, cueStart: q.cue?.start ?? null, cueEnd: q.cue?.end ?? null,
      preview: preview(text, q.start, q.end, lines.lineStart(line), lines.lineEnd(line)),
    };
    const node = q.speaker === null ? undefined : byId.get(q.speaker);
    if (!node) {
      unattributed.push(leaf);
      continue;
    }
    if (!node.quotes.length) order.push(q.speaker as string);
    node.quotes.push(leaf);
  }
  const nodes: SpeakerNode[] = order.map((id) => {
    const { speaker, quotes: list } = byId.get(id) as { speaker: Speaker; quotes: QuoteLeaf[] };
    return { id, name: speaker.name, type: speaker.type, quotes: list };
  });
  if (unattributed.length) nodes.push({ id: UNATTRIBUTED_ID, name: 'Unattributed', type: null, quotes: unattributed });
  return nodes;
}

/** Tag under which annotations without tags (notes) are listed. */
export const NOTE_TAG = '(note)';

export interface AnnotationLeaf {
  readonly id: string;
  readonly tags: readonly string[];
  readonly note: string;
  /** The note's first line, collapsed, at most {@link PREVIEW_CHARS}; '' without a note. */
  readonly notePreview: string;
  readonly start: number;
  readonly end: number;
  /** The annotated passage in one line of context; for an orphaned annotation, the passage it was made on. */
  readonly preview: string;
  /** 0-based line of `start` in the text (for an orphaned annotation: of its last known position, clamped). */
  readonly line: number;
  readonly state: AnchorState;
}

export interface AnnotationTree {
  /** Tags sorted by name, {@link NOTE_TAG} last; annotations in text order. An annotation with two tags is under both. */
  readonly tags: readonly { readonly tag: string; readonly annotations: readonly AnnotationLeaf[] }[];
  /** Orphaned annotations (their passage is gone from the text), in their last known order; never under `tags`. */
  readonly orphaned: readonly AnnotationLeaf[];
}

/**
 * The Annotations tree of one text from its sidecar (none: an empty tree). The sidecar's positions must already be
 * anchored against `text` (the states say how); positions beyond the text are clamped, so a stale sidecar can never
 * make a preview throw.
 */
export function annotationTree(sidecar: Sidecar | undefined, text: string): AnnotationTree {
  const byTag = new Map<string, AnnotationLeaf[]>();
  const orphaned: AnnotationLeaf[] = [];
  if (!sidecar) return { tags: [], orphaned };
  const lines = new LineIndex(text);
  const annotations = [...sidecar.annotations].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
  for (const a of annotations) {
    const start = Math.min(Math.max(0, a.target.start), text.length);
    const end = Math.min(Math.max(start, a.target.end), text.length);
    const line = lines.lineAt(start);
    const isOrphan = a.state === 'orphaned';
    const leaf: AnnotationLeaf = {
      id: a.id, tags: a.tags, note: a.note, state: a.state, start, end, line,
      notePreview: oneLine(a.note.split('\n', 1)[0] ?? ''),
      preview: isOrphan ? oneLine(a.target.exact) : preview(text, start, end, lines.lineStart(line), lines.lineEnd(line)),
    };
    if (isOrphan) {
      orphaned.push(leaf);
      continue;
    }
    for (const tag of a.tags.length ? a.tags : [NOTE_TAG]) {
      const list = byTag.get(tag);
      if (list) list.push(leaf);
      else byTag.set(tag, [leaf]);
    }
  }
  const tags = [...byTag].map(([tag, list]) => ({ tag, annotations: list }));
  tags.sort((a, b) => (a.tag === NOTE_TAG ? 1 : 0) - (b.tag === NOTE_TAG ? 1 : 0) || compareText(a.tag, b.tag));
  return { tags, orphaned };
}
