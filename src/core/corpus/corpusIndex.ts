/**
 * The workspace index: what a folder of statements says, across documents and over time. It keeps a small summary of
 * each document (entity counts, quotes with a preview, claimed figures with their subject), never the analyses or
 * texts themselves, so a corpus of thousands of statements stays in a few tens of megabytes.
 */
import type { Analysis, Entity, EntityType, Figure, FigureKind, QuoteKind } from '../analysis/types';
import { documentDate } from './documentDate';
import { compareText, LineIndex, personAliases, shortFormAliases } from './trees';

/** The figures the index keeps: amounts someone claims. Dates, years, ordinals and durations say when, not how much,
 * and would bury the claims (a UN speech holds dozens of years). */
export const CLAIM_KINDS: ReadonlySet<FigureKind> = new Set<FigureKind>(['money', 'count', 'percent', 'quantity']);

export type FigureValue = Figure['value'];

export interface IndexedDocument {
  /** As given to {@link CorpusIndex.set} (the CLI: relative to the folder, `/` separators). */
  readonly path: string;
  /** `YYYY-MM-DD` or `YYYY-MM` from the text ({@link documentDate}), else the fallback given, else null. */
  readonly date: string | null;
}

export interface EntityStat {
  readonly canonical: string;
  readonly type: EntityType;
  /** Documents that mention it. */
  readonly documents: number;
  /** Mentions over all documents. */
  readonly mentions: number;
}

export interface SpeakerQuoteItem {
  readonly path: string;
  readonly date: string | null;
  /** The quote in its document, UTF-16 offsets. */
  readonly start: number;
  readonly end: number;
  readonly kind: QuoteKind;
  /** One line from the quote's start, at most 80 characters. */
  readonly preview: string;
  /** The speech verb as written, or null. */
  readonly cue: string | null;
}

export interface SpeakerStat {
  readonly name: string;
  readonly type: 'PERSON' | 'ORG';
  /** Documents where they are quoted. */
  readonly documents: number;
  readonly quotes: number;
  /** Every quote, ordered by document date (undated last), then path, then position. */
  readonly items: readonly SpeakerQuoteItem[];
}

export interface FigureRecord {
  /** As written, white space collapsed. */
  readonly text: string;
  readonly value: FigureValue;
  readonly unit: string | null;
  readonly kind: FigureKind;
  readonly qualifier: string | null;
  readonly path: string;
  readonly date: string | null;
  /** What the figure measures, from its sentence ({@link figureSubject}); null when no rule applies. */
  readonly subject: string | null;
  readonly start: number;
  readonly end: number;
}

export interface TrendPoint {
  readonly date: string | null;
  readonly path: string;
  readonly text: string;
  readonly value: FigureValue;
  readonly qualifier: string | null;
  readonly start: number;
  readonly end: number;
}

export interface FigureTrend {
  /** `investment (Kazakhstan, United States)`: the subject noun, then the countries of the sentence. */
  readonly subject: string;
  /** The figures' unit (`USD`, `percent`, `count`…). */
  readonly unit: string;
  /** Ordered by date (undated last), then path, then position. */
  readonly points: readonly TrendPoint[];
  /** Documents the points come from. */
  readonly documents: number;
}

/** What {@link CorpusIndex.toJSON} returns, and `diplomat index --json` prints. */
export interface CorpusIndexJson {
  readonly documents: readonly { readonly path: string; readonly date: string | null }[];
  readonly entities: readonly { readonly canonical: string; readonly type: EntityType; readonly documents: number; readonly mentions: number }[];
  readonly speakers: readonly { readonly name: string; readonly documents: number; readonly quotes: number }[];
  readonly figures: readonly { readonly text: string; readonly value: FigureValue; readonly unit: string | null; readonly path: string; readonly date: string | null }[];
}

interface QuoteSummary {
  readonly start: number;
  readonly end: number;
  readonly kind: QuoteKind;
  readonly preview: string;
  readonly cue: string | null;
}

interface FigureSummary {
  readonly text: string;
  readonly value: FigureValue;
  readonly unit: string | null;
  readonly kind: FigureKind;
  readonly qualifier: string | null;
  readonly subject: string | null;
  readonly start: number;
  readonly end: number;
}

/** All the index keeps of one document. */
interface DocumentSummary {
  readonly path: string;
  readonly date: string | null;
  /** Entity keys ({@link entityKey}) and their mention counts, side by side. */
  readonly entityKeys: readonly string[];
  readonly entityCounts: readonly number[];
  readonly speakers: readonly { readonly name: string; readonly type: 'PERSON' | 'ORG'; readonly quotes: readonly QuoteSummary[] }[];
  readonly figures: readonly FigureSummary[];
}

interface EntityAggregate {
  readonly canonical: string;
  readonly type: EntityType;
  documents: number;
  mentions: number;
}

interface SpeakerAggregate {
  readonly name: string;
  readonly type: 'PERSON' | 'ORG';
  quotes: number;
  /** Paths of the documents quoting them: their items are gathered from these only. */
  readonly paths: Set<string>;
}

function entityKey(type: EntityType, canonical: string): string {
  return `${type}\u0000${canonical}`;
}

/**
 * A copy of `s` that does not share memory with the text it was cut from. V8 keeps substrings (`slice`, regex
 * matches) as views into their parent string, so one kept 20-character name would keep a whole 1 MB statement alive;
 * a JSON round trip always builds a new string. Short strings are copied by V8 anyway.
 */
function own(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

function own0(s: string | null): string | null {
  return s === null ? null : own(s);
}

/** Dates ascending, undated last; equal dates by path. */
function compareDated(a: { date: string | null; path: string }, b: { date: string | null; path: string }): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return compareText(a.date, b.date);
  }
  return compareText(a.path, b.path);
}

/**
 * Per-document summaries of a corpus and their aggregates. {@link set} and {@link delete} cost time in proportion to
 * the one document's summary (the aggregates are updated, nothing is re-scanned); the listings are built on demand
 * from the aggregates in time proportional to their size.
 *
 * The caller analyses each text (and applies the entity registry, {@link applyRegistry}) before {@link set}.
 */
export class CorpusIndex {
  private readonly docs = new Map<string, DocumentSummary>();
  private readonly entityStats = new Map<string, EntityAggregate>();
  private readonly speakerStats = new Map<string, SpeakerAggregate>();

  /** Number of documents. */
  get size(): number {
    return this.docs.size;
  }

  has(path: string): boolean {
    return this.docs.has(path);
  }

  /**
   * Adds or replaces the document `path`. `analysis` must be the analysis of `text` (UTF-16 offsets into it).
   * The date is {@link documentDate}`(text)`, else `fallbackDate` (e.g. the file's time as `YYYY-MM-DD`), else null.
   */
  set(path: string, text: string, analysis: Analysis, fallbackDate?: string): void {
    this.delete(path);
    const summary = summarize(own(path), text, analysis, documentDate(text) ?? fallbackDate ?? null);
    this.docs.set(summary.path, summary);
    summary.entityKeys.forEach((key, i) => {
      let stat = this.entityStats.get(key);
      if (!stat) {
        const [type, canonical] = key.split('\u0000') as [EntityType, string];
        this.entityStats.set(key, (stat = { canonical, type, documents: 0, mentions: 0 }));
      }
      stat.documents++;
      stat.mentions += summary.entityCounts[i];
    });
    for (const s of summary.speakers) {
      let stat = this.speakerStats.get(s.name);
      if (!stat) this.speakerStats.set(s.name, (stat = { name: s.name, type: s.type, quotes: 0, paths: new Set() }));
      stat.quotes += s.quotes.length;
      stat.paths.add(summary.path);
    }
  }

  /** Removes the document `path`; returns whether it was there. */
  delete(path: string): boolean {
    const summary = this.docs.get(path);
    if (!summary) return false;
    this.docs.delete(path);
    summary.entityKeys.forEach((key, i) => {
      const stat = this.entityStats.get(key);
      if (!stat) return;
      stat.documents--;
      stat.mentions -= summary.entityCounts[i];
      if (stat.documents <= 0) this.entityStats.delete(key);
    });
    for (const s of summary.speakers) {
      const stat = this.speakerStats.get(s.name);
      if (!stat) continue;
      stat.quotes -= s.quotes.length;
      stat.paths.delete(path);
      if (!stat.paths.size) this.speakerStats.delete(s.name);
    }
    return true;
  }

  /** Every document with its date, by date (undated last), then path. */
  documents(): IndexedDocument[] {
    return [...this.docs.values()].map(({ path, date }) => ({ path, date })).sort(compareDated);
  }

  /**
   * Every entity with the number of documents mentioning it and its mentions, most widespread first (documents,
   * then mentions, descending), then by name. One-word person names that are the first or last word of exactly one
   * multi-word person name of the corpus (`Xi` of `Xi Jinping`) are counted under it, as within one text.
   */
  entities(): EntityStat[] {
    const people = [...this.entityStats.values()].filter((s) => s.type === 'PERSON').map((s) => s.canonical);
    const aliases = shortFormAliases(people);
    const merged = new Map<string, { canonical: string; type: EntityType; documents: number; mentions: number }>();
    for (const s of this.entityStats.values()) {
      const canonical = s.type === 'PERSON' ? aliases.get(s.canonical) ?? s.canonical : s.canonical;
      const key = entityKey(s.type, canonical);
      const m = merged.get(key);
      // A document holding both forms had them merged already when it was summarised, so the counts simply add up.
      if (m) {
        m.documents += s.documents;
        m.mentions += s.mentions;
      } else {
        merged.set(key, { canonical, type: s.type, documents: s.documents, mentions: s.mentions });
      }
    }
    return [...merged.values()].sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || compareText(a.canonical, b.canonical));
  }

  /**
   * Mentions of one entity per document, by date: the data of a timeline chart. Documents that do not mention it are
   * left out.
   */
  entityTimeline(canonical: string, type: EntityType): { path: string; date: string | null; mentions: number }[] {
    const keys = new Set([entityKey(type, canonical)]);
    if (type === 'PERSON') {
      const aliases = shortFormAliases([...this.entityStats.values()].filter((s) => s.type === 'PERSON').map((s) => s.canonical));
      for (const [short, full] of aliases) if (full === canonical) keys.add(entityKey(type, short));
    }
    const points: { path: string; date: string | null; mentions: number }[] = [];
    for (const d of this.docs.values()) {
      let mentions = 0;
      d.entityKeys.forEach((k, i) => {
        if (keys.has(k)) mentions += d.entityCounts[i];
      });
      if (mentions) points.push({ path: d.path, date: d.date, mentions });
    }
    return points.sort(compareDated);
  }

  /**
   * Every quoted speaker with their quotes across documents ordered by document date (then position); most quoted
   * first. A one-word name that is the first or last word of exactly one multi-word speaker name (`Biden` of
   * `Joe Biden`) is listed under the full name, as {@link entities} does for people.
   */
  speakers(): SpeakerStat[] {
    const aliases = shortFormAliases([...this.speakerStats.values()].filter((s) => s.type === 'PERSON').map((s) => s.name));
    const merged = new Map<string, { name: string; type: 'PERSON' | 'ORG'; quotes: number; names: Set<string>; paths: Set<string> }>();
    for (const s of this.speakerStats.values()) {
      const name = s.type === 'PERSON' ? aliases.get(s.name) ?? s.name : s.name;
      const m = merged.get(name);
      if (m) {
        m.quotes += s.quotes;
        m.names.add(s.name);
        for (const p of s.paths) m.paths.add(p);
      } else {
        merged.set(name, { name, type: s.type, quotes: s.quotes, names: new Set([s.name]), paths: new Set(s.paths) });
      }
    }
    const out: SpeakerStat[] = [];
    for (const s of merged.values()) {
      const docs = [...s.paths].map((p) => this.docs.get(p)).filter((d): d is DocumentSummary => d !== undefined).sort(compareDated);
      const items: SpeakerQuoteItem[] = [];
      for (const d of docs) {
        const quotes: SpeakerQuoteItem[] = [];
        for (const quoted of d.speakers) {
          if (!s.names.has(quoted.name)) continue;
          for (const q of quoted.quotes) quotes.push({ path: d.path, date: d.date, ...q });
        }
        items.push(...quotes.sort((a, b) => a.start - b.start));
      }
      out.push({ name: s.name, type: s.type, documents: s.paths.size, quotes: s.quotes, items });
    }
    return out.sort((a, b) => b.quotes - a.quotes || b.documents - a.documents || compareText(a.name, b.name));
  }

  /** Every claimed figure ({@link CLAIM_KINDS}) by document date (undated last), then path, then position. */
  figures(): FigureRecord[] {
    const out: FigureRecord[] = [];
    for (const d of this.documentsInOrder()) {
      for (const f of d.figures) out.push({ ...f, path: d.path, date: d.date });
    }
    return out;
  }

  /**
   * Figures of the same unit and subject ({@link figureSubject}) across the corpus, so that what was claimed for the
   * same thing at different dates stands side by side: `investment (Kazakhstan, United States)` in USD,
   * `50 billion dollars` (2018-01-17) → `more than $100 billion` (2025-09-23). Only subjects with at least two points
   * are trends. Sorted by the number of documents (a change across statements first), then points, then subject.
   */
  figureTrends(): FigureTrend[] {
    const groups = new Map<string, { subject: string; unit: string; points: TrendPoint[]; paths: Set<string> }>();
    for (const d of this.documentsInOrder()) {
      for (const f of d.figures) {
        if (f.subject === null || f.unit === null) continue;
        const key = `${f.unit}\u0000${f.subject}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { subject: f.subject, unit: f.unit, points: [], paths: new Set() }));
        g.points.push({ date: d.date, path: d.path, text: f.text, value: f.value, qualifier: f.qualifier, start: f.start, end: f.end });
        g.paths.add(d.path);
      }
    }
    const trends: FigureTrend[] = [];
    for (const g of groups.values()) {
      if (g.points.length >= 2) trends.push({ subject: g.subject, unit: g.unit, points: g.points, documents: g.paths.size });
    }
    return trends.sort((a, b) => b.documents - a.documents || b.points.length - a.points.length
      || compareText(a.subject, b.subject) || compareText(a.unit, b.unit));
  }

  /** Exactly the shape `diplomat index --json` prints. */
  toJSON(): CorpusIndexJson {
    return {
      documents: this.documents(),
      entities: this.entities().map(({ canonical, type, documents, mentions }) => ({ canonical, type, documents, mentions })),
      speakers: this.speakers().map(({ name, documents, quotes }) => ({ name, documents, quotes })),
      figures: this.figures().map(({ text, value, unit, path, date }) => ({ text, value, unit, path, date })),
    };
  }

  private documentsInOrder(): DocumentSummary[] {
    return [...this.docs.values()].sort(compareDated);
  }
}

function summarize(path: string, text: string, analysis: Analysis, date: string | null): DocumentSummary {
  const aliases = personAliases(analysis);
  const counts = new Map<string, number>();
  for (const e of analysis.entities) {
    const canonical = e.type === 'PERSON' ? aliases.get(e.canonical) ?? e.canonical : e.canonical;
    const key = entityKey(e.type, canonical);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const lines = new LineIndex(text);
  const names = new Map<string, { name: string; type: 'PERSON' | 'ORG' }>();
  for (const s of analysis.speakers) names.set(s.id, { name: own(aliases.get(s.name) ?? s.name), type: s.type });
  const bySpeaker = new Map<string, { name: string; type: 'PERSON' | 'ORG'; quotes: QuoteSummary[] }>();
  for (const q of analysis.quotes) {
    const speaker = q.speaker === null ? undefined : names.get(q.speaker);
    if (!speaker) continue;
    let entry = bySpeaker.get(speaker.name);
    if (!entry) bySpeaker.set(speaker.name, (entry = { ...speaker, quotes: [] }));
    entry.quotes.push({ start: q.start, end: q.end, kind: q.kind, preview: own(lines.preview(q.start, q.end)), cue: own0(q.cue?.text ?? null) });
  }
  for (const s of bySpeaker.values()) s.quotes.sort((a, b) => a.start - b.start);
  const countries = analysis.entities.filter((e) => e.type === 'COUNTRY').sort((a, b) => a.start - b.start);
  const figures: FigureSummary[] = [];
  for (const f of analysis.figures) {
    if (!CLAIM_KINDS.has(f.kind)) continue;
    figures.push({
      text: own(f.text.replace(/\s+/g, ' ')), value: f.value, unit: own0(f.unit), kind: f.kind, qualifier: own0(f.qualifier),
      subject: own0(figureSubject(text, f, countries)), start: f.start, end: f.end,
    });
  }
  figures.sort((a, b) => a.start - b.start);
  return {
    path, date,
    entityKeys: [...counts.keys()].map(own),
    entityCounts: [...counts.values()],
    speakers: [...bySpeaker.values()],
    figures,
  };
}

/**
 * Words that say what an amount measures, and the subject they stand for. Verbs and agent nouns count too: "having
 * invested more than $100 billion" measures investment as much as "$50 billion of investments" does. Only lower-case
 * forms (and `GDP`) match, and capitals only at the start of a sentence, so `Trade` in `World Trade Organization`
 * names an organisation, not a subject.
 */
const SUBJECT_WORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  investment: 'investment', investments: 'investment', invest: 'investment', invested: 'investment', investing: 'investment',
  investor: 'investment', investors: 'investment',
  trade: 'trade', turnover: 'trade',
  aid: 'assistance', assistance: 'assistance',
  export: 'exports', exports: 'exports', exported: 'exports',
  import: 'imports', imports: 'imports', imported: 'imports',
  job: 'jobs', jobs: 'jobs',
  company: 'companies', companies: 'companies', firms: 'companies', enterprises: 'companies', businesses: 'companies',
  contract: 'deals', contracts: 'deals', deal: 'deals', deals: 'deals',
  loan: 'loans', loans: 'loans', credit: 'loans', credits: 'loans',
  project: 'projects', projects: 'projects',
  GDP: 'GDP',
}));

/** How many words after and before a figure its subject word may be: a noun phrase, not the next clause. */
const WORDS_AFTER = 6;
const WORDS_BEFORE = 8;
/** Farthest a sentence edge is looked for, in UTF-16 units: keeps subjects O(1) on texts without punctuation. */
const SENTENCE_REACH = 400;

/** Abbreviations whose period does not end a sentence (`Mr. Putin`, `U.S. investment`). */
const ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'St', 'No', 'Nos', 'vs', 'etc', 'Jr', 'Sr', 'Inc', 'Co', 'Ltd', 'Corp',
  'Gen', 'Gov', 'Sen', 'Rep', 'Prof', 'approx', 'e.g', 'i.e']);

/**
 * What a claimed figure measures, from its sentence, with two simple rules that hold across publishers:
 * 1. the subject noun: for a count, a word of {@link SUBJECT_WORDS} in its counted noun phrase (`630 American
 *    companies`; none there: no subject); for other figures the nearest such word within {@link WORDS_AFTER} words after the figure (`$50 billion of investments`) or
 *    {@link WORDS_BEFORE} words before it (`having invested more than $100 billion`), after winning ties;
 * 2. the countries the sentence names (their canonical names, sorted, so word order does not split a subject).
 * A subject needs both — a noun alone would lump every investment of a corpus together — and reads
 * `investment (Kazakhstan, United States)`.
 *
 * `countries` are the analysis's COUNTRY entities sorted by start. Sentences end at `.`, `!`, `?` (not after an
 * initial or a usual abbreviation) or a line break.
 * @returns the subject, or null when the sentence has no subject word or no country.
 */
export function figureSubject(text: string, figure: Figure, countries: readonly Entity[]): string | null {
  const [from, to] = sentenceAround(text, figure.start, figure.end);
  let noun: string | null = null;
  if (figure.counted) {
    // A count measures what it counts: `16 states` next to `jobs` is not a number of jobs.
    for (const w of figure.counted.split(/[^\p{L}\p{N}]+/u)) noun ??= SUBJECT_WORDS.get(w) ?? null;
    if (!noun) return null;
  } else {
    const after = words(text.slice(figure.end, to)).slice(0, WORDS_AFTER);
    const lead = words(text.slice(from, figure.start));
    // The sentence's first word is capitalised as any first word is: `Trade grew by 10 percent`.
    if (lead.length) lead[0] = lead[0].charAt(0).toLowerCase() + lead[0].slice(1);
    const before = lead.slice(-WORDS_BEFORE).reverse();
    for (let d = 0; d < Math.max(after.length, before.length) && !noun; d++) {
      noun = SUBJECT_WORDS.get(after[d] ?? '') ?? SUBJECT_WORDS.get(before[d] ?? '') ?? null;
    }
  }
  if (!noun) return null;
  const named = new Set<string>();
  for (let i = firstEndingAfter(countries, from); i < countries.length && countries[i].start < to; i++) {
    if (countries[i].end <= to) named.add(countries[i].canonical);
  }
  if (!named.size) return null;
  return `${noun} (${[...named].sort(compareText).join(', ')})`;
}

function words(s: string): string[] {
  return s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Index of the first entity (sorted by start) that ends after `pos`. Entities do not nest, so ends follow starts. */
function firstEndingAfter(entities: readonly Entity[], pos: number): number {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `[start, end)` of the sentence around `[start, end)`, at most {@link SENTENCE_REACH} units on each side. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  const low = Math.max(0, start - SENTENCE_REACH);
  while (from > low && !endsSentence(text, from - 1)) from--;
  let to = end;
  const high = Math.min(text.length, end + SENTENCE_REACH);
  while (to < high && !endsSentence(text, to)) to++;
  return [from, to];
}

function endsSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x0a) return true;
  if (c !== 0x2e && c !== 0x21 && c !== 0x3f) return false;
  const next = text.charCodeAt(i + 1);
  // `$7.5`, `U.S.-UAE`: a stop that is not followed by a space (or the end) is inside a word.
  if (i + 1 < text.length && !(next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09 || next === 0xa0)) return false;
  if (c !== 0x2e) return true;
  let w = i;
  while (w > 0 && /[\p{L}.]/u.test(text[w - 1])) w--;
  const word = text.slice(w, i);
  // An initial (`J.`, `U.S.`) or an abbreviation is not the end of a sentence.
  return !(/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word));
}
