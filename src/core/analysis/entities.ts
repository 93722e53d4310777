import { countryOfAdjective, countryTables } from './countries';
import { findLabels, type Label } from './labels';
import {
  COMPANIES, HONORIFICS, NOT_NAME_WORDS, OFFICE_COMPLEMENTS, OFFICE_WORDS, ORG_HEADS, ORGANISATIONS, PLACE_HEADS, PLACES,
  SPEECH_VERBS, TITLE_WORDS, type LexEntry,
} from './lexicon';
import { collapseSpaces, isHSpace, isTitleCaseLine, isWordChar, WordSet } from './text';
import { connectorPhrase, Edge, fnv1a, Gap, isAllCaps, titleCase, tokenize, type Tokens } from './tokens';
import {
  completeTrieView, matchLast, matchTerm, NameTrie, pendingTrieView, splitWords, trieViewOf, viewHas, viewIsEntry, viewStarts, type TrieView,
} from './trie';
import type { Entity, EntityType } from './types';
import { HashedWordMap } from './wordmap';

let lexTrie: NameTrie | undefined;

/** The general-knowledge name table (countries, capitals, organisations, companies, places), built once. */
export function lexicon(): NameTrie {
  if (lexTrie) return lexTrie;
  const c = countryTables();
  // About two words per entry.
  const t = new NameTrie(2 * (c.capitals.length + PLACES.length + COMPANIES.length + ORGANISATIONS.length + c.names.length));
  const addAll = (list: readonly LexEntry[], type: EntityType, rule: string): void => {
    for (const e of list) {
      const [surface, canonical] = typeof e === 'string' ? [e, e] : e;
      t.add(surface, { type, canonical, rule });
    }
  };
  // Later additions win on identical surfaces: a country named like its capital (`Singapore`) stays a country.
  addAll(c.capitals, 'PLACE', 'capital-table');
  addAll(PLACES, 'PLACE', 'place-lexicon');
  addAll(COMPANIES, 'ORG', 'company-lexicon');
  addAll(ORGANISATIONS, 'ORG', 'org-lexicon');
  addAll(c.names, 'COUNTRY', 'country-table');
  lexTrie = t;
  return t;
}

/** What the text says about one person: the office and country a title gives them. */
export interface PersonInfo {
  readonly canonical: string;
  count: number;
  office: string | null;
  country: string | null;
}

/** People learnt from the document, and which office of which country each holds per the text. */
export interface People {
  readonly trie: NameTrie;
  readonly byCanonical: ReadonlyMap<string, PersonInfo>;
  /** Canonical name for a surface name learnt from the text (full, short or misspelt form), if any. */
  canonicalOf(surface: string): string | null;
  /**
   * Where the text introduces a person with an office (`Minister of National Economy Ruslan Dalenov`), in text
   * order: a later bare role (`the Minister said`) designates the latest holder introduced before it.
   */
  readonly intros: readonly OfficeIntro[];
}

/** One introduction of a person with an office: the name's offset, its canonical form and the office key. */
export interface OfficeIntro {
  readonly pos: number;
  readonly canonical: string;
  readonly office: string;
}

export interface EntityResult {
  readonly tokens: Tokens;
  readonly labels: readonly Label[];
  readonly people: People;
  readonly entities: Entity[];
}

interface Learned {
  surface: string;
  words: string[];
  count: number;
  rule: string;
  office: string | null;
  country: string | null;
  /** `People.canonicalOf(surface)` once worked out (undefined before). */
  canonical: string | null | undefined;
  /** Tokens the name was learnt from, -1 for a name learnt from a label's text. */
  first: number;
  last: number;
}

const SPEECH_AFTER = new RegExp(
  `[ \\u00a0]+(?:also[ \\u00a0]+|then[ \\u00a0]+|later[ \\u00a0]+)?(?:${SPEECH_VERBS.map((v) => v.replace(' ', '[ \\u00a0]+')).join('|')})(?![A-Za-z])`,
  'y',
);
const SPEECH_SET = new WordSet(SPEECH_VERBS.filter((v) => !v.includes(' ')));
/**
 * The words that can follow the spaces in SPEECH_AFTER (its adverbs, its one-word verbs, the first word of the others):
 * where the next word is not one of them, the regex is not run.
 */
const SPEECH_AFTER_WORDS: readonly string[] = [...SPEECH_VERBS.map((v) => v.split(' ')[0]), 'also', 'then', 'later'];
const SPEECH_AFTER_FIRST = new WordSet(SPEECH_AFTER_WORDS);
/** Longest and shortest word of SPEECH_AFTER_FIRST: a longer or shorter word after the spaces is not looked up. */
const SPEECH_AFTER_MAX = Math.max(...SPEECH_AFTER_WORDS.map((w) => w.length));
const SPEECH_AFTER_MIN = Math.min(...SPEECH_AFTER_WORDS.map((w) => w.length));

/** Properties of a distinct word, decided once per word of `Tokens.vocab` (see `wordFlags`). */
const W_TITLE = 1;
const W_HONORIFIC = 2;
const W_WEAK_TITLE = 4;
const W_ORG_HEAD = 8;
const W_PLACE_HEAD = 16;
/** Could be part of a learnt name, unless the name table starts an entry with it (W_LEX_START). */
const W_NAME = 32;
const W_LEX_START = 64;
const W_OFFICE = 128;
const W_INITIAL = 256;
/** In NOT_NAME_WORDS. */
const W_NOT_NAME = 512;
/** Written entirely in capitals (`isAllCaps`). */
const W_ALL_CAPS = 1024;
/** In OFFICE_COMPLEMENTS: may make up the `of …` complement of a title (`Minister of Foreign Affairs`). */
const W_COMPLEMENT = 2048;
/** Starts an entry of the name table exactly as written (`NameTrie.has`); only in the lexicon word table. */
const W_LEX_ROOT = 4096;
/** Starts an entry of the people learnt from the text; set just before entities are matched. */
const W_PERSON_START = 8192;
/** Is an entry of the name table by itself (`viewIsEntry`): never part of a learnt name. Implies W_LEX_START. */
const W_LEX_ENTRY = 16384;
/** An initial (`J.`): a capital and a full stop. */
function isInitial(w: string): boolean {
  return w.length === 2 && w.charCodeAt(1) === 0x2e && w.charCodeAt(0) >= 65 && w.charCodeAt(0) <= 90;
}
/** Title words that are also ordinary adjectives or nouns (`General Debate`, `First Lady`): never the last title word. */
const WEAK_TITLES: ReadonlySet<string> = new Set([
  'General', 'Major', 'First', 'Special', 'National', 'Security', 'Trade', 'State', 'Federal', 'Chief', 'Press', 'Foreign',
  'Deputy', 'Vice', 'Under', 'Assistant', 'Principal', 'Executive', 'Acting', 'Former', 'Supreme', 'Elder', 'Crown',
  'Head', 'Economy', 'Finance', 'Treasury', 'Interior', 'Defence', 'Defense', 'Prime', 'Leader', 'Officer', 'His', 'Her',
  'Excellency', 'Majesty', 'Highness', 'Honorable', 'Honourable', 'Chair', 'Founder', 'Justice', 'Lady', 'Marshal',
]);

/**
 * Finds PERSON, COUNTRY, ORG and PLACE entities. People are learnt from the document: names after titles, in
 * transcript labels, as subjects of speech verbs and in appositions (`Donald Tramp, President of …`); their later short
 * forms and near-miss spellings link to the full name. Offsets are UTF-16 code units; spans never overlap.
 */
export function findEntities(text: string): EntityResult {
  const t = tokenize(text);
  const lex = lexicon();
  const { wf, lx } = wordFlags(t, lex);
  // The people learnt are read through a view made now, next to the name table's (see `TrieView`), and completed
  // once they are all in their trie.
  const peopleTrie = new NameTrie();
  const pv = pendingTrieView(peopleTrie, t);
  const L: Learning = {
    text, t, wf, lx, offices: new Map(), adjectives: new Map(), learned: new Map(), byTokens: new Map(), introduced: [],
    nameMemo: new Int8Array(t.n),
  };
  learnFromTitles(L);
  learnFromAppositions(L);
  const lexWords = lexiconWordTable(lex);
  // The word lists and `lex.has` read from the lexicon word table: one lookup per word.
  const flagsOf = (w: string): number => (lexWords.get(w, fnv1a(w, 0, w.length)) ?? NO_LEXICON_WORD).flags;
  const isPersonLike = (label: string): boolean => {
    const words = label.split(/[ \u00a0]+/);
    if (words.some((w) => flagsOf(w) & (W_TITLE | W_HONORIFIC))) return true;
    if (words.length < 2 || words.length > 4) return words.length === 1 && L.learned.has(label);
    return words.every((w) => !(flagsOf(w) & (W_NOT_NAME | W_ORG_HEAD | W_PLACE_HEAD | W_LEX_ROOT)));
  };
  const labels = findLabels(text, isPersonLike);
  learnFromLabels(L, labels);

  const resolved = resolvePeople(L.learned, peopleTrie);
  const intros: OfficeIntro[] = [];
  for (const x of L.introduced) {
    const canonical = x.entry.canonical === undefined ? (x.entry.canonical = resolved.canonicalOf(x.entry.surface)) : x.entry.canonical;
    if (canonical) intros.push({ pos: x.pos, canonical, office: x.office });
  }
  intros.sort((a, b) => a.pos - b.pos);
  const people: People = { trie: resolved.trie, byCanonical: resolved.byCanonical, canonicalOf: resolved.canonicalOf, intros };
  completeTrieView(pv);
  const entities = matchEntities(text, t, lx, pv, wf);
  return { tokens: t, labels, people, entities };
}

/**
 * What the passes that learn people share: the text and its tokens, the flags of its words, and what has been learnt.
 * A plain object rather than closures over one large function: each pass is a function of its own, compiled on its
 * own when its loop gets hot.
 */
interface Learning {
  readonly text: string;
  readonly t: Tokens;
  readonly wf: Uint16Array;
  readonly lx: TrieView;
  /** `normaliseOffice` results for this text (see `normalisedOffice`). */
  readonly offices: Map<string, string | null>;
  /** `countryOfAdjective` of vocabulary words, by id, as worked out for this text (see `countryBefore`). */
  readonly adjectives: Map<number, string | null>;
  readonly learned: Map<string, Learned>;
  /** Learnt names by first word and length (see `learn`). */
  readonly byTokens: Map<number, Learned[]>;
  /** Where a person is introduced with an office, in the order learnt. */
  readonly introduced: { pos: number; entry: Learned; office: string }[];
  /** Per token, whether it may be part of a learnt name: 0 not yet worked out, 1 yes, 2 no. */
  readonly nameMemo: Int8Array;
}

function hasFlag(L: Learning, j: number, flag: number): boolean {
  return (L.wf[L.t.id[j]] & flag) !== 0;
}

/** Whether token j may be part of a learnt name: a name word the name table does not start an entry with. */
function nameWord(L: Learning, j: number): boolean {
  let m = L.nameMemo[j];
  if (m === 0) {
    const f = L.wf[L.t.id[j]];
    m = f & W_NAME && (!(f & W_LEX_START) || (!(f & W_LEX_ENTRY) && matchLast(L.lx, j) < 0)) ? 1 : 2;
    L.nameMemo[j] = m;
  }
  return m === 1;
}

/** From token j, up to `max` name words joined by spaces or hyphens (initials do not count). */
function collect(L: Learning, j: number, max: number): number {
  const t = L.t;
  if (!nameWord(L, j)) return -1;
  let words = 1;
  let last = j;
  while (last + 1 < t.n && !t.possessive[last]) {
    const g = t.gap[last + 1];
    if (g === Gap.Hyphen) { if (!nameWord(L, last + 1)) break; last++; continue; }
    if (g !== Gap.Space || !nameWord(L, last + 1)) break;
    const initial = hasFlag(L, last + 1, W_INITIAL);
    if (!initial && words === max) break;
    if (!initial) words++;
    last++;
  }
  return hasFlag(L, last, W_INITIAL) ? -1 : last;
}

/** Key of `Learning.byTokens` for the name from token `first` to token `last`. */
function tokensKey(t: Tokens, first: number, last: number): number {
  return t.id[first] * 8 + Math.min(last - first, 7);
}

/**
 * Learns the name from token `first` to token `last`. A name is learnt again and again (`Vladimir Putin` hundreds of
 * times): its entry is found from its tokens (same first word and length, then the same words joined the same way),
 * so its string is built and hashed once.
 */
function learn(L: Learning, first: number, last: number, rule: string, office: string | null, country: string | null): void {
  const t = L.t;
  let e: Learned | undefined;
  const list = L.byTokens.get(tokensKey(t, first, last));
  if (list) for (const x of list) if (sameTokens(t, x.first, x.last, first, last)) { e = x; break; }
  if (!e) {
    const surface = nameSurface(L.text, t, first, last);
    e = L.learned.get(surface);
    if (!e) {
      e = { surface, words: splitWords(surface), count: 0, rule, office, country, canonical: undefined, first: -1, last: -1 };
      L.learned.set(surface, e);
    }
    // A few entries per key keep the search short whatever the text (names sharing first word and length).
    if (e.first < 0 && (!list || list.length < 8)) {
      e.first = first;
      e.last = last;
      if (list) list.push(e);
      else L.byTokens.set(tokensKey(t, first, last), [e]);
    }
  }
  e.count++;
  if (office && (!e.office || (!e.country && country))) { e.office = office; e.country = country; }
  if (office) L.introduced.push({ pos: t.start[first], entry: e, office });
}

/**
 * The first token k from `from` to `to` (exclusive; `to` if none) whose word has a flag of `any` and none of `none`,
 * and whose gap (`Tokens.gap`) is one of `gapKinds` (bit `1 << gap`). The passes over every token skip the tokens
 * they ignore with it: one small loop, shared and compiled once, early in a run, where a pass that tested each token
 * itself would run in the interpreter until its whole body had been compiled.
 */
function nextToken(
  ids: Int32Array, gaps: Uint8Array, wf: Uint16Array, from: number, to: number, any: number, none: number, gapKinds: number,
): number {
  for (let k = from; k < to; k++) {
    const f = wf[ids[k]];
    if ((f & any) !== 0 && (f & none) === 0 && ((gapKinds >> gaps[k]) & 1) !== 0) return k;
  }
  return to;
}

/** Every gap kind, for `nextToken`. */
const ALL_GAPS = 31;

/** Titles: the name follows the last title word (`U.S. President Donald Trump`, `Secretary of State Antony Blinken`). */
function learnFromTitles(L: Learning): void {
  const { t, wf } = L;
  const to = t.n - 1;
  const next = (from: number): number => nextToken(t.id, t.gap, wf, from, to, W_TITLE | W_HONORIFIC, W_WEAK_TITLE, ALL_GAPS);
  for (let i = next(0); i < to; i = next(i + 1)) learnAfterTitle(L, i);
}

/**
 * `learnFromTitles` at title word i (not a weak one), followed by another token. A name after a connector is read by
 * a function of its own (`learnGroupAfterTitle`), too large to be inlined here: this one stays small and is soon
 * compiled.
 */
function learnAfterTitle(L: Learning, i: number): void {
  const { text, t, wf, lx, offices } = L;
  // A title word after `of` starts the office's complement (`Minister of Foreign Affairs`), not more title.
  if (hasFlag(L, i + 1, W_TITLE | W_HONORIFIC) && t.gap[i + 1] !== Gap.Connector) return;
  if (hasFlag(L, i, W_LEX_START) && matchLast(lx, i) > i) return;
  const g = t.gap[i + 1];
  // The office is worked out only for a name actually learnt: title words are frequent, names after them fewer.
  if (g === Gap.Space) {
    const last = collect(L, i + 1, 2);
    if (last < 0) return;
    if (last + 1 < t.n && t.gap[last + 1] === Gap.Space && isTitleCaseLine(text, t.start[i])) return;
    learn(L, i + 1, last, 'title-name', officeOf(t, i, wf, offices), countryBefore(t, i, lx, wf, L.adjectives));
  } else if (g === Gap.Connector && !connectorPhrase(t.connCode[i + 1]).includes('and')) learnGroupAfterTitle(L, i);
}

/** `President of Kazakhstan Nursultan Nazarbayev`: the last group after the connector after title word i holds the name. */
function learnGroupAfterTitle(L: Learning, i: number): void {
  const { t, wf, lx, offices } = L;
  let gs = i + 1;
  let k = i + 1;
  while (k + 1 < t.n && !t.possessive[k]) {
    const gg = t.gap[k + 1];
    if (gg === Gap.Space || gg === Gap.Hyphen) k++;
    else if (gg === Gap.Connector && k - i < 8 && (!connectorPhrase(t.connCode[k + 1]).includes('and')
      // `Minister of Trade and Integration …`: `and` joins two complement words.
      || (connectorPhrase(t.connCode[k + 1]) === 'and' && hasFlag(L, k, W_COMPLEMENT) && hasFlag(L, k + 1, W_COMPLEMENT)))) { k++; gs = k; }
    else break;
  }
  let country: string | null = null;
  let from = gs;
  const cmLast = matchLast(lx, gs);
  if (cmLast >= 0 && cmLast < k) {
    const term = matchTerm(lx, gs);
    if (term.type === 'COUNTRY') country = term.canonical;
    from = cmLast + 1;
  }
  if (from === gs) {
    // The office's complement (`Foreign Affairs Daniyar Omarov`): the name is the 2–3 words after its known words.
    let c = gs;
    while (c < k && hasFlag(L, c, W_COMPLEMENT) && t.gap[c + 1] === Gap.Space) c++;
    let nameWords = 0;
    for (let x = c; x <= k; x++) if (t.gap[x] !== Gap.Hyphen && !hasFlag(L, x, W_INITIAL)) nameWords++;
    if (c > gs && nameWords >= 2 && nameWords <= 3) from = c;
  }
  if (from === gs) {
    // Without a country, the group starts with the office's object (`Treasury Scott Bessent`).
    let words = 0;
    for (let x = gs; x <= k; x++) if (t.gap[x] !== Gap.Hyphen && !hasFlag(L, x, W_INITIAL)) words++;
    if (words < 3) return;
    let nw = 0;
    from = k;
    while (from > gs) {
      if (t.gap[from] !== Gap.Hyphen && !hasFlag(L, from, W_INITIAL)) nw++;
      if (nw === 2 && t.gap[from] !== Gap.Hyphen) break;
      from--;
    }
  }
  const last = collect(L, from, 3);
  if (last === k) learn(L, from, last, 'title-name', officeOf(t, i, wf, offices), country ?? countryBefore(t, i, lx, wf, L.adjectives));
}

/** Appositions and speech subjects: `Donald Tramp, President of …`, `…, Nursultan Nazarbayev said`, `said Tokayev.` */
function learnFromAppositions(L: Learning): void {
  const { t, wf } = L;
  const n = t.n;
  // Most tokens are not name words (`The`, `However`, `Kazakhstan`) or go on a name: they are skipped before
  // `collect` is called, which would refuse them.
  const starts = (1 << Gap.Break) | (1 << Gap.Connector) | (1 << Gap.Comma);
  const next = (from: number): number => nextToken(t.id, t.gap, wf, from, n, W_NAME, W_LEX_ENTRY, starts);
  for (let i = next(0); i < n; i = next(i + 1)) learnFromName(L, i);
}

/** `learnFromAppositions` at token i, a name word that does not go on the token before it. */
function learnFromName(L: Learning, i: number): void {
  const { text, t, wf, lx, offices } = L;
  const g = t.gap[i];
  const last = collect(L, i, 3);
  if (last < 0) return;
  const multi = last > i;
  // After a connector, leading complement words belong to a title (`… of Trade and Integration Arman Shakkaliyev`).
  let s = i;
  if (g === Gap.Connector) while (last - s >= 2 && hasFlag(L, s, W_COMPLEMENT) && t.gap[s + 1] === Gap.Space) s++;
  if (multi && last + 1 < t.n && t.gap[last + 1] === Gap.Comma && hasFlag(L, last + 1, W_OFFICE)) {
    const { office, country } = officeAfter(t, last + 1, lx, wf, offices);
    learn(L, s, last, 'apposition-name', office, country);
    return;
  }
  if (multi && g === Gap.Comma && t.edges[last] & Edge.CommaAfter) {
    // `The U.S. Ambassador to Kazakhstan, William Moser, noted …`: the name between commas after an office.
    const o = officeBeforeComma(text, t, i, lx, wf);
    if (o >= 0) {
      learn(L, s, last, 'apposition-name', officeOf(t, o, wf, offices), countryBefore(t, o, lx, wf, L.adjectives));
      return;
    }
  }
  if (last + 1 < t.n && (t.gap[last + 1] === Gap.Space || t.gap[last + 1] === Gap.Hyphen)) return;
  if (multi && selfIntroductionAt(L, s, last)) {
    learn(L, s, last, 'self-introduction', null, null);
    return;
  }
  if (multi && calledOnAt(text, t.start[s], t.end[last])) {
    learn(L, s, last, 'called-on', null, null);
    return;
  }
  if (!multi && (hasFlag(L, i, W_ALL_CAPS) || t.vocab[t.id[i]].length < 3)) return;
  const edges = t.edges[last];
  const after = !t.possessive[last] && (edges & Edge.SpaceAfter) !== 0 && speechVerbAfter(text, t.end[last]);
  const before = !after && (edges & Edge.ClauseEndAfter) !== 0 && (t.edges[i] & Edge.SpaceBefore) !== 0
    && speechVerbBefore(text, t.start[i]);
  if (!after && !before) return;
  if (/(?:^|[^A-Za-z])(?:the|The|a|an)[ \u00a0]+$/.test(text.slice(Math.max(0, t.start[i] - 5), t.start[i]))) return;
  learn(L, s, last, 'speech-subject', null, null);
}

/** Names in transcript labels (`Vladimir Putin:`, `SECRETARY BLINKEN:`). */
function learnFromLabels(L: Learning, labels: readonly Label[]): void {
  const { text, t, wf, learned } = L;
  const has = (j: number, flag: number): boolean => (wf[t.id[j]] & flag) !== 0;
  for (const l of labels) {
    if (l.question) continue;
    const first = firstTokenAt(t, l.start);
    if (first < 0) continue;
    let last = first;
    while (last + 1 < t.n && t.start[last + 1] < l.end) last++;
    if (l.allCaps) {
      // `SECRETARY BLINKEN`, `MS. JEAN-PIERRE`: drop titles, keep the surname.
      let from = first;
      while (from <= last && (TITLE_WORDS.has(titleCase(t.vocab[t.id[from]])) || HONORIFICS.has(t.vocab[t.id[from]]))) from++;
      if (from > last) continue;
      const surface = text.slice(t.start[from], t.end[last]).replace(/[\s\u00a0]+/g, ' ');
      const tc = surface.replace(/[A-Z\u0400-\u042F][A-Z\u0400-\u042F']+/g, (w) => titleCase(w));
      const e = learned.get(tc)
        ?? { surface: tc, words: splitWords(tc), count: 0, rule: 'label-name', office: null, country: null, canonical: undefined, first: -1, last: -1 };
      e.count++;
      learned.set(tc, e);
    } else {
      let hasTitle = false;
      for (let x = first; x <= last; x++) if (has(x, W_TITLE | W_HONORIFIC)) hasTitle = true;
      if (!hasTitle && last - first <= 3 && collect(L, first, 4) === last) learn(L, first, last, 'label-name', null, null);
    }
  }
}

/**
 * `collapseSpaces` of the text from token `first` to token `last`, built from the vocabulary without reading the text
 * again (a one-token span is its word): a space gap collapses to ` `, a hyphen gap is `-`, and a connector gap ending
 * in a space is its connector words between spaces. Other gaps are read from the text.
 */
function nameSurface(text: string, t: Tokens, first: number, last: number): string {
  let s = t.vocab[t.id[first]];
  for (let k = first + 1; k <= last; k++) {
    const g = t.gap[k];
    if (g === Gap.Space) s = `${s} ${t.vocab[t.id[k]]}`;
    else if (g === Gap.Hyphen) s = `${s}-${t.vocab[t.id[k]]}`;
    else if (g === Gap.Connector && t.edges[k] & Edge.SpaceBefore) s = `${s} ${connectorPhrase(t.connCode[k])} ${t.vocab[t.id[k]]}`;
    else return collapseSpaces(text, t.start[first], t.end[last]);
  }
  return s;
}

/**
 * Whether tokens `first` to `last` hold the same words joined the same way (spaces or hyphens) as tokens `from` to
 * `to`, which then have the same `nameSurface`.
 */
function sameTokens(t: Tokens, from: number, to: number, first: number, last: number): boolean {
  if (to - from !== last - first) return false;
  for (let k = 0; k <= last - first; k++) {
    if (t.id[from + k] !== t.id[first + k]) return false;
    const g = t.gap[first + k];
    if (k > 0 && (g !== t.gap[from + k] || (g !== Gap.Space && g !== Gap.Hyphen))) return false;
  }
  return true;
}

/** What the lexicons say about one word: its W_* flags from the word lists and its number in the name table. */
interface LexiconWord {
  readonly flags: number;
  /** `NameTrie.numberOf` in the name table, -1 if no entry holds the word. */
  readonly number: number;
}

let lexiconWords: HashedWordMap<LexiconWord> | undefined;

/**
 * Every word of the word lists and of the name table with what they say about it, built once with the name table: a
 * distinct word of a text costs one lookup here instead of one per list.
 */
function lexiconWordTable(lex: NameTrie): HashedWordMap<LexiconWord> {
  if (lexiconWords) return lexiconWords;
  const flags = new Map<string, number>();
  const mark = (words: Iterable<string>, flag: number): void => {
    for (const w of words) flags.set(w, (flags.get(w) ?? 0) | flag);
  };
  mark(NOT_NAME_WORDS, W_NOT_NAME);
  mark(TITLE_WORDS, W_TITLE);
  mark(HONORIFICS, W_HONORIFIC);
  mark(WEAK_TITLES, W_WEAK_TITLE);
  mark(ORG_HEADS, W_ORG_HEAD);
  mark(PLACE_HEADS, W_PLACE_HEAD);
  mark(OFFICE_WORDS, W_OFFICE);
  mark(OFFICE_COMPLEMENTS, W_COMPLEMENT);
  const table = new Map<string, LexiconWord>();
  for (const [w, number] of lex.wordNumbers()) {
    table.set(w, { flags: (flags.get(w) ?? 0) | (lex.startsWithNumber(number) ? W_LEX_ROOT : 0), number });
  }
  for (const [w, f] of flags) if (!table.has(w)) table.set(w, { flags: f, number: -1 });
  lexiconWords = new HashedWordMap(table);
  return lexiconWords;
}

function capsNumber(table: HashedWordMap<LexiconWord>, titleCased: string): number {
  return (table.get(titleCased, fnv1a(titleCased, 0, titleCased.length)) ?? NO_LEXICON_WORD).number;
}

/** Flags of a word absent from every list and from the name table. */
const NO_LEXICON_WORD: LexiconWord = { flags: 0, number: -1 };

/**
 * The W_* properties of every distinct word of `t`, and the name table read over `t`: both come from one lookup
 * per distinct word in the lexicon word table (two for words in capitals, also looked up in title case).
 */
function wordFlags(t: Tokens, lex: NameTrie): { wf: Uint16Array; lx: TrieView } {
  const table = lexiconWordTable(lex);
  const nv = t.vocab.length;
  const out = new Uint16Array(nv);
  const numbers = new Int32Array(nv);
  const caps = new Int32Array(nv);
  for (let k = 0; k < nv; k++) {
    const w = t.vocab[k];
    const entry = table.get(w, t.hash[k]) ?? NO_LEXICON_WORD;
    const allCaps = isAllCaps(w);
    numbers[k] = entry.number;
    caps[k] = allCaps && w.length >= 4 ? capsNumber(table, titleCase(w)) : -1;
    let f = entry.flags & ~W_LEX_ROOT;
    if (allCaps) f |= W_ALL_CAPS;
    if (isInitial(w)) f |= W_INITIAL;
    if (!(w.length < 2 || f & (W_NOT_NAME | W_TITLE | W_ORG_HEAD | W_PLACE_HEAD)) && !(allCaps && !(f & W_INITIAL))) f |= W_NAME;
    out[k] = f;
  }
  const lx = trieViewOf(lex, t, numbers, caps);
  for (let k = 0; k < nv; k++) {
    if (viewStarts(lx, k)) out[k] |= viewIsEntry(lx, k) ? W_LEX_START | W_LEX_ENTRY : W_LEX_START;
  }
  return { wf: out, lx };
}

/** Whether a speech verb follows the spaces at `pos` (SPEECH_AFTER), trying the regex only where one can start. */
function speechVerbAfter(text: string, pos: number): boolean {
  let i = pos;
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0) i++;
  if (i === pos) return false;
  // SPEECH_AFTER's words are lower-case ASCII, each ending where the letters end. Most words after a name are short
  // (`and`, `of`, `is`) and refused by their length alone.
  let e = i;
  while (e - i <= SPEECH_AFTER_MAX && isAsciiLetter(text.charCodeAt(e))) e++;
  if (e - i < SPEECH_AFTER_MIN || e - i > SPEECH_AFTER_MAX || !SPEECH_AFTER_FIRST.hasAt(text, i, e)) return false;
  SPEECH_AFTER.lastIndex = pos;
  return SPEECH_AFTER.test(text);
}

/** `from` or `with`, then an outlet of one to four capitalised words, which ends its sentence or clause (or line). */
const INTRO_AFTER = /^[ \u00a0]+(from|with)[ \u00a0]+(?:the[ \u00a0]+)?([A-Z][\w&’'.-]*(?:[ \u00a0]+[A-Z][\w&’'.-]*){0,3})[ \u00a0]*(?:([,.;:!?—–)])|$)/m;
/** `It’s`, `This is`, `I’m`, `I am`, `My name is` just before. */
const INTRO_CUE = /(?:^|[ \u00a0])(?:It[’']s|It is|This is|I[’']m|I am|name is)[ \u00a0]*$/;
/** A sentence, clause, turn or line start just before. */
const INTRO_START = /(?:[.!?:—–]|^)[ \u00a0]*$/m;

/**
 * Whether the name of tokens [i, last] introduces who speaks (`It’s Pamala Falk from CBS News.`, `Thank you.
 * Michelle Nichols from Reuters.`): a journalist's self-introduction in a press transcript. `from`/`with` and an
 * outlet follow the name; before it stands `It’s`, `This is`, `I’m`…, or else a sentence start, and then it must be
 * `from` an outlet that ends the sentence or clause (not the line: `Direct Line with Vladimir Putin` is a title) and is
 * not a country (`Bula Vinaka from Fiji,` greets).
 */
function selfIntroductionAt(L: Learning, i: number, last: number): boolean {
  const { text, t } = L;
  const s = t.start[i];
  const e = t.end[last];
  const c = text.charCodeAt(e + 1);
  if (!isHSpace(text.charCodeAt(e)) || (c !== 0x66 && c !== 0x77)) return false;
  const after = INTRO_AFTER.exec(text.slice(e, e + 60));
  if (!after) return false;
  // `This is Direct Line with Vladimir Putin`: a person after it is no outlet.
  if (L.learned.has(after[2].replace(/[ \u00a0]+/g, ' ').replace(/\.$/, ''))) return false;
  const before = text.slice(Math.max(0, s - 16), s);
  if (INTRO_CUE.test(before)) return true;
  if (after[1] !== 'from' || !after[3] || !INTRO_START.test(before) || last + 1 >= t.n) return false;
  return matchLast(L.lx, last + 1) < 0 || matchTerm(L.lx, last + 1).type !== 'COUNTRY';
}

/** `we’ll go to the line of`, `goes to`: a moderator calling on a journalist by name (see `calledOnAt`). */
const CALL_BEFORE = /(?:go|goes|turn) to (?:the line of )?$/;

/**
 * Whether the name at [s, e) is a journalist a moderator calls on: `Next up, we’ll go to Felicia Schwartz.`, `Our
 * first question will go to the line of Michael Gordon.` The name ends the sentence.
 */
function calledOnAt(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(e);
  if ((c !== 0x2e && c !== 0x3f && c !== 0x0a && c !== 0x0d) || text.charCodeAt(s - 4) !== 0x20 || text.charCodeAt(s - 1) !== 0x20) return false;
  return CALL_BEFORE.test(text.slice(Math.max(0, s - 24), s));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function firstTokenAt(t: Tokens, pos: number): number {
  let lo = 0;
  let hi = t.n - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.start[mid] >= pos) { ans = mid; hi = mid - 1; } else lo = mid + 1;
  }
  return ans;
}

/** Office key of the title ending at token i: `president` for President/Head of State, else the office words. */
function officeOf(t: Tokens, i: number, wf: Uint16Array, memo: Map<string, string | null>): string | null {
  let s = i;
  while (s > 0 && (t.gap[s] === Gap.Space || t.gap[s] === Gap.Hyphen) && wf[t.id[s - 1]] & W_TITLE) s--;
  let office = '';
  for (let x = s; x <= i; x++) {
    if (wf[t.id[x]] & W_HONORIFIC) continue;
    office = office ? `${office} ${t.vocab[t.id[x]]}` : t.vocab[t.id[x]];
  }
  return normalisedOffice(office, memo);
}

/**
 * `normaliseOffice` through `memo`, the results already worked out for this text: a text names a few offices
 * thousands of times. (The memo lives as long as one analysis: its keys are cut from the text.)
 */
function normalisedOffice(office: string, memo: Map<string, string | null>): string | null {
  let o = memo.get(office);
  if (o === undefined) {
    o = normaliseOffice(office);
    memo.set(office, o);
  }
  return o;
}

/** `President`, `Head of State` → `president`; `Prime Minister` → `prime minister`; null for bare honorifics. */
export function normaliseOffice(office: string): string | null {
  const o = office.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
  if (!o) return null;
  if (/(?:^|\s)(?:president|head of (?:the )?state)$/.test(o) && !/vice/.test(o)) return 'president';
  if (/prime minister$|premier$|head of government$/.test(o)) return 'prime minister';
  return o;
}

/**
 * Country written just before a title (`U.S. President`, `Kazakh President`), or null. `adjectives` keeps what
 * `countryOfAdjective` says of each word: a text puts the same few words before its titles again and again.
 */
function countryBefore(t: Tokens, i: number, lex: TrieView, wf: Uint16Array, adjectives: Map<number, string | null>): string | null {
  let s = i;
  while (s > 0 && (t.gap[s] === Gap.Space || t.gap[s] === Gap.Hyphen)) {
    s--;
    const last = matchLast(lex, s);
    if (last >= 0 && matchTerm(lex, s).type === 'COUNTRY' && last < i) return matchTerm(lex, s).canonical;
    const id = t.id[s];
    let adj = adjectives.get(id);
    if (adj === undefined) {
      adj = countryOfAdjective(t.vocab[id]);
      adjectives.set(id, adj);
    }
    if (adj) return adj;
    if (!(wf[id] & W_TITLE)) break;
  }
  return null;
}

/**
 * The office word ending the phrase before the comma at token i (`Ambassador` in `Ambassador, X` or `Ambassador to
 * Kazakhstan, X`; `Minister` in `Minister of Energy, X`), or -1. Looks back a few tokens only.
 */
function officeBeforeComma(text: string, t: Tokens, i: number, lex: TrieView, wf: Uint16Array): number {
  const j = i - 1;
  if (j < 0) return -1;
  if (wf[t.id[j]] & W_OFFICE) return isOfficeStart(t, j, wf) ? j : -1;
  // Walk back over the complement (a country or complement words) to `of`/`to`/`in` after the office word.
  let k = j;
  while (k > 0 && j - k < 4 && (t.gap[k] === Gap.Space || t.gap[k] === Gap.Hyphen)) k--;
  if (k < 1) return -1;
  const o = k - 1;
  if (!(wf[t.id[o]] & W_OFFICE) || !isOfficeStart(t, o, wf)) return -1;
  if (t.gap[k] === Gap.Connector) {
    const c = connectorPhrase(t.connCode[k]);
    if (c !== 'of' && c !== 'of the' && c !== 'for' && c !== 'for the') return -1;
  } else if (!/^[ \u00a0]+(?:to|in)[ \u00a0]+(?:the[ \u00a0]+)?$/.test(text.slice(t.end[o], t.start[k]))) return -1;
  if (matchLast(lex, k) === j && matchTerm(lex, k).type === 'COUNTRY') return o;
  for (let x = k; x <= j; x++) if (!(wf[t.id[x]] & W_COMPLEMENT)) return -1;
  return o;
}

/**
 * Whether the office word at token o ends a title phrase that describes someone: not a possessive, and not an address
 * (`Mr President, Dmitry Suslov, Higher School of Economics`), whose honorific is among the title words before it.
 */
function isOfficeStart(t: Tokens, o: number, wf: Uint16Array): boolean {
  if (t.possessive[o] || wf[t.id[o]] & W_NOT_NAME || t.edges[o] & Edge.StopAfter) return false;
  for (let s = o; s >= 0 && o - s < 4; s--) {
    if (wf[t.id[s]] & W_HONORIFIC) return false;
    if (!(wf[t.id[s]] & W_TITLE) || t.gap[s] !== Gap.Space) break;
  }
  return true;
}

/** Office and country of a title phrase starting at token i (`President of the United States of America`). */
function officeAfter(
  t: Tokens, i: number, lex: TrieView, wf: Uint16Array, memo: Map<string, string | null>,
): { office: string | null; country: string | null } {
  let k = i;
  const words = [t.vocab[t.id[i]]];
  while (k + 1 < t.n && t.gap[k + 1] === Gap.Space && wf[t.id[k + 1]] & W_TITLE) words.push(t.vocab[t.id[++k]]);
  let country: string | null = null;
  if (k + 1 < t.n && t.gap[k + 1] === Gap.Connector) {
    const last = matchLast(lex, k + 1);
    if (last >= 0 && matchTerm(lex, k + 1).type === 'COUNTRY') country = matchTerm(lex, k + 1).canonical;
    else if (t.vocab[t.id[k + 1]] === 'State') words.push('of', 'State');
  }
  return { office: normalisedOffice(words.join(' '), memo), country };
}

function speechVerbBefore(text: string, pos: number): boolean {
  let i = pos - 1;
  if (i < 0 || !isHSpace(text.charCodeAt(i))) return false;
  while (i >= 0 && isHSpace(text.charCodeAt(i))) i--;
  const e = i + 1;
  while (i >= 0 && e - i < 14 && isWordChar(text.charCodeAt(i))) i--;
  return SPEECH_SET.hasAt(text, i + 1, e);
}

function editDistanceOne(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Resolves the names learnt to people, added to `trie` (empty). */
function resolvePeople(learned: Map<string, Learned>, trie: NameTrie): Omit<People, 'intros'> {
  const stripInitials = (s: string): string => s.replace(/(?:^|\s)[A-Z]\.(?=\s)/g, '').replace(/\s+/g, ' ').trim();
  const info = new Map<string, PersonInfo>();
  const surfaceToCanon = new Map<string, string>();
  const fulls: Learned[] = [];
  const singles: Learned[] = [];
  for (const e of learned.values()) {
    // Words between spaces: `Jean-Pierre` (`MS. JEAN-PIERRE:`) is one surname, not a first name and a surname.
    let nonInitial = 0;
    for (const w of e.surface.split(' ')) if (w && !isInitial(w)) nonInitial++;
    (nonInitial >= 2 ? fulls : singles).push(e);
  }
  // Each full name without its initials, worked out once.
  const raws = fulls.map((e) => stripInitials(e.surface));
  // Full names grouped by first name; a surname one edit away from a more frequent one is a misspelling of it.
  // Surname and word count are worked out once per name: the pair loop below runs up to 64 × 64 times per group.
  const byFirst = new Map<string, { canon: string; count: number; surname: string; words: number }[]>();
  const canonCount = new Map<string, number>();
  for (let k = 0; k < fulls.length; k++) canonCount.set(raws[k], (canonCount.get(raws[k]) ?? 0) + fulls[k].count);
  for (const [canon, count] of canonCount) {
    const words = canon.split(' ');
    const first = words[0];
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    if (list.length < 64) list.push({ canon, count, surname: canon.slice(canon.lastIndexOf(' ') + 1), words: words.length });
  }
  const misspelt = new Map<string, string>();
  for (const list of byFirst.values()) {
    if (list.length < 2) continue;
    for (const a of list) {
      if (a.surname.length < 4) continue;
      for (const b of list) {
        if (a === b || b.count <= a.count) continue;
        if (b.surname.length >= 4 && a.words === b.words && editDistanceOne(a.surname, b.surname)) misspelt.set(a.canon, b.canon);
      }
    }
  }
  const finalCanon = (c: string): string => misspelt.get(c) ?? c;
  trie.reserve(3 * learned.size);
  const surnameOwner = new Map<string, { canon: string; count: number }>();
  const firstOwner = new Map<string, string | null>();
  /** `Nursultan Nazarbayev` for `Nursultan Abishevich Nazarbayev`: the name without its middle word, if one owner. */
  const firstLast = new Map<string, string | null>();
  for (let k = 0; k < fulls.length; k++) {
    const e = fulls[k];
    const raw = raws[k];
    const canon = finalCanon(raw);
    const rule = canon !== raw ? 'near-miss-name' : e.rule;
    trie.add(e.surface, { type: 'PERSON', canonical: canon, rule });
    // Most names have no initials: adding the same surface again would only replace the term by an equal one.
    if (raw !== e.surface) trie.add(raw, { type: 'PERSON', canonical: canon, rule });
    surfaceToCanon.set(e.surface, canon);
    surfaceToCanon.set(raw, canon);
    let p = info.get(canon);
    if (!p) info.set(canon, (p = { canonical: canon, count: 0, office: null, country: null }));
    p.count += e.count;
    if (e.office && (!p.office || (!p.country && e.country))) { p.office = e.office; p.country = e.country; }
    if (canon !== raw) continue;
    const parts = canon.split(' ');
    const surname = parts[parts.length - 1];
    const prev = surnameOwner.get(surname);
    if (!prev || prev.count < p.count) surnameOwner.set(surname, { canon, count: p.count });
    const first = parts[0];
    firstOwner.set(first, firstOwner.has(first) && firstOwner.get(first) !== canon ? null : canon);
    if (parts.length === 3 && /^[A-Z\u0400-\u042F][a-z\u0430-\u044F]/.test(parts[1])) {
      const fl = `${first} ${surname}`;
      firstLast.set(fl, firstLast.has(fl) && firstLast.get(fl) !== canon ? null : canon);
    }
  }
  for (const [fl, canon] of firstLast) {
    if (canon && !surfaceToCanon.has(fl)) {
      trie.add(fl, { type: 'PERSON', canonical: canon, rule: 'short-form' });
      surfaceToCanon.set(fl, canon);
    }
  }
  for (const e of singles) {
    const w = e.words.join(' ');
    // A hyphenated surname (`Jean-Pierre`) is kept whole, as the full names' surnames are.
    const hyphenated = e.surface.indexOf('-') >= 0;
    const owner = surnameOwner.get(w)
      ?? (hyphenated ? surnameOwner.get(e.surface.slice(e.surface.lastIndexOf(' ') + 1)) : undefined)
      ?? surnameOwner.get(w.split(' ').pop() ?? '');
    const canon = owner?.canon ?? (hyphenated ? e.surface : w);
    surfaceToCanon.set(w, canon);
    if (hyphenated) surfaceToCanon.set(e.surface, canon);
    let p = info.get(canon);
    if (!p) info.set(canon, (p = { canonical: canon, count: 0, office: null, country: null }));
    p.count += e.count;
    if (e.office && (!p.office || (!p.country && e.country))) { p.office = e.office; p.country = e.country; }
  }
  for (const [surname, o] of surnameOwner) {
    trie.add(surname, { type: 'PERSON', canonical: o.canon, rule: 'short-form' });
    if (!surfaceToCanon.has(surname)) surfaceToCanon.set(surname, o.canon);
  }
  for (const e of singles) {
    const w = e.words.join(' ');
    trie.add(w, { type: 'PERSON', canonical: surfaceToCanon.get(w) ?? w, rule: e.rule === 'label-name' ? 'label-name' : 'short-form' });
  }
  for (const [first, canon] of firstOwner) {
    if (canon && !surnameOwner.has(first) && !surfaceToCanon.has(first)) {
      trie.add(first, { type: 'PERSON', canonical: canon, rule: 'first-name' });
    }
  }
  return {
    trie,
    byCanonical: info,
    canonicalOf(surface: string): string | null {
      const s = surface.replace(/[\s\u00a0]+/g, ' ').trim();
      const direct = surfaceToCanon.get(s) ?? surfaceToCanon.get(stripInitials(s));
      if (direct) return direct;
      const tc = s.replace(/[A-Z][A-Z']+/g, (w) => titleCase(w));
      return surfaceToCanon.get(tc) ?? null;
    },
  };
}

const ORG_CONTINUATION = new Set(['of', 'for', 'on', 'of the', 'for the', 'on the', 'and', 'the', 'in', 'of the', '&']);

/**
 * An organisation or place named by its head word (`Tax Service of Uzbekistan`, `Syr Darya Power Station`). `head` is
 * the word flag of the head words (W_ORG_HEAD or W_PLACE_HEAD); words are tested by their flags in `wf`, decided once
 * per distinct word, rather than by set lookups per token.
 */
function headPattern(t: Tokens, i: number, wf: Uint16Array, head: number, people: TrieView, continuation: boolean): number {
  const f0 = wf[t.id[i]];
  if (f0 & (W_NOT_NAME | W_OFFICE | W_HONORIFIC)) return -1;
  const caps0 = f0 & W_ALL_CAPS;
  const long0 = t.vocab[t.id[i]].length > 4;
  const headFirst = (f0 & head) !== 0;
  let j = i;
  let at = headFirst ? i : -1;
  while (!headFirst && j + 1 < t.n && !t.possessive[j] && j - i < 8) {
    const g = t.gap[j + 1];
    if (g !== Gap.Space && g !== Gap.Hyphen) break;
    const f = wf[t.id[j + 1]];
    if (f & (W_OFFICE | W_NOT_NAME) || (long0 && (f & W_ALL_CAPS) !== caps0)) break;
    j++;
    if (f & head) at = j;
  }
  if (at < 0) return -1;
  let last = at;
  if (continuation && last + 1 < t.n && !t.possessive[last] && t.gap[last + 1] === Gap.Connector) {
    const c0 = connectorPhrase(t.connCode[last + 1]);
    if (c0.startsWith('of') || c0.startsWith('for') || c0.startsWith('on')) {
      let k = last + 1;
      if (!viewHas(people, t.id[k])) {
        last = k;
        while (k + 1 < t.n && !t.possessive[k] && k - at < 10) {
          const g = t.gap[k + 1];
          if (g === Gap.Connector && !ORG_CONTINUATION.has(connectorPhrase(t.connCode[k + 1]))) break;
          if (g !== Gap.Space && g !== Gap.Hyphen && g !== Gap.Connector) break;
          if (wf[t.id[k + 1]] & W_OFFICE || viewHas(people, t.id[k + 1])) break;
          k++;
          last = k;
        }
      }
    }
  }
  // A lone head word (`Ministry`) names nothing; `Ministry of Energy` does.
  return headFirst && last === at ? -1 : last;
}

const NO_HEAD = 0x7fffffff;

/** The first token at or after `from` whose word has `flag`, or NO_HEAD. */
function nextWithFlag(t: Tokens, wf: Uint16Array, from: number, flag: number): number {
  for (let k = from; k < t.n; k++) if (wf[t.id[k]] & flag) return k;
  return NO_HEAD;
}

/**
 * The first token at or after `from` that may start an entity, or n: one the name table or the people learnt start an
 * entry with (`W_LEX_START`, `W_PERSON_START`), or, from token `joinedFrom` on, one followed by a token it is joined
 * to (a head pattern, which needs a head word at most nine tokens on). Most tokens start no entity: this small loop
 * passes them by (see `nextToken`).
 */
function nextEntityStart(ids: Int32Array, gaps: Uint8Array, wf: Uint16Array, from: number, n: number, joinedFrom: number): number {
  for (let k = from; k < n; k++) {
    if ((wf[ids[k]] & (W_LEX_START | W_PERSON_START)) !== 0 || (k >= joinedFrom && k + 1 < n && gaps[k + 1] !== Gap.Break)) return k;
  }
  return n;
}

/** The White House as a place (`in the White House`), not as the administration. */
const WHITE_HOUSE_PLACE = /\b(?:in|at|to|into|from|outside)[ \u00a0]+the[ \u00a0]+$/;

/**
 * Entities in text order. `wf` gains W_PERSON_START for the words the people learnt start an entry with (`pv`).
 */
function matchEntities(text: string, t: Tokens, lex: TrieView, pv: TrieView, wf: Uint16Array): Entity[] {
  const out: Entity[] = [];
  const personStart = pv.start;
  for (let k = 0; k < personStart.length; k++) if (personStart[k] >= 0) wf[k] |= W_PERSON_START;
  // The next head word at or after the token (NO_HEAD: none left): head patterns run only where one is near. Both
  // only move forward, so finding them costs one pass over the tokens.
  let nextOrg = -1;
  let nextPlace = -1;
  // Set where an entity is the White House, whose type the text around it may change: such entities are looked at
  // again after the loop, which keeps that rare test (and its lack of type feedback) out of the hot loop.
  let whiteHouse = false;
  const n = t.n;
  for (let i = 0; i < n; i++) {
    // Head patterns need a head word at most nine tokens on: tokens before min(nextOrg, nextPlace) - 9 that only
    // start one are passed by.
    if (nextOrg < i) nextOrg = nextWithFlag(t, wf, i, W_ORG_HEAD);
    if (nextPlace < i) nextPlace = nextWithFlag(t, wf, i, W_PLACE_HEAD);
    i = nextEntityStart(t.id, t.gap, wf, i, n, Math.min(nextOrg, nextPlace) - 9);
    if (i === n) break;
    const id = t.id[i];
    const joined = i + 1 < n && t.gap[i + 1] !== Gap.Break;
    const lmLast = wf[id] & W_LEX_START ? matchLast(lex, i) : -1;
    const pmLast = wf[id] & W_PERSON_START ? matchLast(pv, i) : -1;
    let om = -1;
    let placeM = -1;
    if (joined) {
      if (nextOrg < i) nextOrg = nextWithFlag(t, wf, i, W_ORG_HEAD);
      if (nextPlace < i) nextPlace = nextWithFlag(t, wf, i, W_PLACE_HEAD);
      if (nextOrg - i <= 9) om = headPattern(t, i, wf, W_ORG_HEAD, pv, true);
      if (nextPlace - i <= 9) placeM = headPattern(t, i, wf, W_PLACE_HEAD, pv, true);
    }
    let last = -1;
    let type: EntityType = 'ORG';
    let canonical = '';
    let rule = '';
    if (lmLast >= 0) { const term = matchTerm(lex, i); last = lmLast; type = term.type; canonical = term.canonical; rule = term.rule; }
    if (pmLast >= 0 && pmLast > last) { const term = matchTerm(pv, i); last = pmLast; type = 'PERSON'; canonical = term.canonical; rule = term.rule; }
    if (om > last) { last = om; type = 'ORG'; canonical = ''; rule = 'org-head'; }
    if (placeM > last) { last = placeM; type = 'PLACE'; canonical = ''; rule = 'place-head'; }
    if (last < 0) continue;
    const start = t.start[i];
    const end = t.end[last];
    // A one-token entity's text is its vocabulary word: no string is cut for it.
    const surface = last === i ? t.vocab[t.id[i]] : text.slice(start, end);
    if (!canonical) canonical = nameSurface(text, t, i, last);
    if (canonical === 'White House') whiteHouse = true;
    if (type === 'PERSON' && t.vocab[t.id[i]].length <= 3 && wf[t.id[i]] & W_ALL_CAPS && last === i) continue;
    out.push({ start, end, text: surface, type, canonical, rule });
    i = last;
  }
  if (whiteHouse) placeWhiteHouse(text, out);
  return out;
}

/** Makes PLACE the White House entities (ORG) that name the building (`in the White House`). */
function placeWhiteHouse(text: string, out: Entity[]): void {
  for (let k = 0; k < out.length; k++) {
    const e = out[k];
    if (e.canonical !== 'White House' || e.type !== 'ORG' || !WHITE_HOUSE_PLACE.test(text.slice(Math.max(0, e.start - 12), e.start))) continue;
    out[k] = { start: e.start, end: e.end, text: e.text, type: 'PLACE', canonical: e.canonical, rule: e.rule };
  }
}
