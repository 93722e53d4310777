import { countryOfAdjective, countryTables } from './countries';
import { findLabels, type Label } from './labels';
import {
  COMPANIES, HONORIFICS, NOT_NAME_WORDS, OFFICE_COMPLEMENTS, OFFICE_WORDS, ORG_HEADS, ORGANISATIONS, PLACE_HEADS, PLACES,
  SPEECH_VERBS, TITLE_WORDS, type LexEntry,
} from './lexicon';
import { collapseSpaces, isHSpace, isTitleCaseLine, isWordChar } from './text';
import { Gap, isAllCaps, titleCase, tokenize, type Tokens } from './tokens';
import { NameTrie, splitWords } from './trie';
import type { Entity, EntityType } from './types';

let lexTrie: NameTrie | undefined;

/** The general-knowledge name table (countries, capitals, organisations, companies, places), built once. */
export function lexicon(): NameTrie {
  if (lexTrie) return lexTrie;
  const t = new NameTrie();
  const addAll = (list: readonly LexEntry[], type: EntityType, rule: string): void => {
    for (const e of list) {
      const [surface, canonical] = typeof e === 'string' ? [e, e] : e;
      t.add(surface, { type, canonical, rule });
    }
  };
  const c = countryTables();
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
}

const SPEECH_AFTER = new RegExp(
  `[ \\u00a0]+(?:also[ \\u00a0]+|then[ \\u00a0]+|later[ \\u00a0]+)?(?:${SPEECH_VERBS.map((v) => v.replace(' ', '[ \\u00a0]+')).join('|')})(?![A-Za-z])`,
  'y',
);
const SPEECH_SET: ReadonlySet<string> = new Set(SPEECH_VERBS.filter((v) => !v.includes(' ')));
/**
 * The words that can follow the spaces in SPEECH_AFTER (its adverbs, its one-word verbs, the first word of the others):
 * where the next word is not one of them, the regex is not run.
 */
const SPEECH_AFTER_FIRST: ReadonlySet<string> = new Set([...SPEECH_VERBS.map((v) => v.split(' ')[0]), 'also', 'then', 'later']);
/** Longest word of SPEECH_AFTER_FIRST: a longer word after the spaces is not looked up. */
const SPEECH_AFTER_MAX = Math.max(...[...SPEECH_AFTER_FIRST].map((w) => w.length));

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
const INITIAL = /^[A-Z]\.$/;
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
  const wf = wordFlags(t, lex);
  const has = (j: number, flag: number): boolean => (wf[t.id[j]] & flag) !== 0;
  const learned = new Map<string, Learned>();
  const introduced: { pos: number; surface: string; office: string }[] = [];
  const nameMemo = new Int8Array(t.n);
  const nameWord = (j: number): boolean => {
    if (nameMemo[j] === 0) nameMemo[j] = nameWordUncached(j) ? 1 : 2;
    return nameMemo[j] === 1;
  };
  const nameWordUncached = (j: number): boolean => {
    const f = wf[t.id[j]];
    if (!(f & W_NAME)) return false;
    return !(f & W_LEX_START) || lex.match(t, j) === null;
  };
  const learn = (first: number, last: number, rule: string, office: string | null, country: string | null): void => {
    const surface = collapseSpaces(text, t.start[first], t.end[last]);
    let e = learned.get(surface);
    if (!e) {
      e = { surface, words: splitWords(surface), count: 0, rule, office, country };
      learned.set(surface, e);
    }
    e.count++;
    if (office && (!e.office || (!e.country && country))) { e.office = office; e.country = country; }
    if (office) introduced.push({ pos: t.start[first], surface, office });
  };

  /** From token j, up to `max` name words joined by spaces or hyphens (initials do not count). */
  const collect = (j: number, max: number): number => {
    if (!nameWord(j)) return -1;
    let words = 1;
    let last = j;
    while (last + 1 < t.n && !t.possessive[last]) {
      const g = t.gap[last + 1];
      if (g === Gap.Hyphen) { if (!nameWord(last + 1)) break; last++; continue; }
      if (g !== Gap.Space || !nameWord(last + 1)) break;
      const initial = has(last + 1, W_INITIAL);
      if (!initial && words === max) break;
      if (!initial) words++;
      last++;
    }
    return has(last, W_INITIAL) ? -1 : last;
  };

  // Titles: the name follows the last title word (`U.S. President Donald Trump`, `Secretary of State Antony Blinken`).
  for (let i = 0; i + 1 < t.n; i++) {
    if (!has(i, W_TITLE | W_HONORIFIC) || has(i, W_WEAK_TITLE)) continue;
    // A title word after `of` starts the office's complement (`Minister of Foreign Affairs`), not more title.
    if (has(i + 1, W_TITLE | W_HONORIFIC) && t.gap[i + 1] !== Gap.Connector) continue;
    const lm = has(i, W_LEX_START) ? lex.match(t, i) : null;
    if (lm && lm.last > i) continue;
    const g = t.gap[i + 1];
    // The office is worked out only for a name actually learnt: title words are frequent, names after them fewer.
    if (g === Gap.Space) {
      const last = collect(i + 1, 2);
      if (last < 0) continue;
      if (last + 1 < t.n && t.gap[last + 1] === Gap.Space && isTitleCaseLine(text, t.start[i])) continue;
      learn(i + 1, last, 'title-name', officeOf(t, i), countryBefore(t, i, lex));
    } else if (g === Gap.Connector && !(t.conn.get(i + 1) ?? '').includes('and')) {
      // `President of Kazakhstan Nursultan Nazarbayev`: the last group after the connector holds the name.
      let gs = i + 1;
      let k = i + 1;
      while (k + 1 < t.n && !t.possessive[k]) {
        const gg = t.gap[k + 1];
        if (gg === Gap.Space || gg === Gap.Hyphen) k++;
        else if (gg === Gap.Connector && k - i < 8 && (!(t.conn.get(k + 1) ?? '').includes('and')
          // `Minister of Trade and Integration …`: `and` joins two complement words.
          || (t.conn.get(k + 1) === 'and' && has(k, W_COMPLEMENT) && has(k + 1, W_COMPLEMENT)))) { k++; gs = k; }
        else break;
      }
      let country: string | null = null;
      let from = gs;
      const cm = lex.match(t, gs);
      if (cm && cm.last < k) {
        if (cm.term.type === 'COUNTRY') country = cm.term.canonical;
        from = cm.last + 1;
      }
      if (from === gs) {
        // The office's complement (`Foreign Affairs Daniyar Omarov`): the name is the 2–3 words after its known words.
        let c = gs;
        while (c < k && has(c, W_COMPLEMENT) && t.gap[c + 1] === Gap.Space) c++;
        let nameWords = 0;
        for (let x = c; x <= k; x++) if (t.gap[x] !== Gap.Hyphen && !INITIAL.test(t.vocab[t.id[x]])) nameWords++;
        if (c > gs && nameWords >= 2 && nameWords <= 3) from = c;
      }
      if (from === gs) {
        // Without a country, the group starts with the office's object (`Treasury Scott Bessent`).
        let words = 0;
        for (let x = gs; x <= k; x++) if (t.gap[x] !== Gap.Hyphen && !INITIAL.test(t.vocab[t.id[x]])) words++;
        if (words < 3) continue;
        let nw = 0;
        from = k;
        while (from > gs) {
          if (t.gap[from] !== Gap.Hyphen && !INITIAL.test(t.vocab[t.id[from]])) nw++;
          if (nw === 2 && t.gap[from] !== Gap.Hyphen) break;
          from--;
        }
      }
      const last = collect(from, 3);
      if (last === k) learn(from, last, 'title-name', officeOf(t, i), country ?? countryBefore(t, i, lex));
    }
  }

  // Appositions and speech subjects: `Donald Tramp, President of …`, `…, Nursultan Nazarbayev said`, `said Tokayev.`
  for (let i = 0; i < t.n; i++) {
    const g = t.gap[i];
    if (g === Gap.Space || g === Gap.Hyphen) continue;
    const last = collect(i, 3);
    if (last < 0) continue;
    const multi = last > i;
    // After a connector, leading complement words belong to a title (`… of Trade and Integration Arman Shakkaliyev`).
    let s = i;
    if (g === Gap.Connector) while (last - s >= 2 && has(s, W_COMPLEMENT) && t.gap[s + 1] === Gap.Space) s++;
    if (multi && last + 1 < t.n && t.gap[last + 1] === Gap.Comma && has(last + 1, W_OFFICE)) {
      const { office, country } = officeAfter(t, last + 1, lex);
      learn(s, last, 'apposition-name', office, country);
      continue;
    }
    if (multi && g === Gap.Comma && text.charCodeAt(t.end[last]) === 0x2c) {
      // `The U.S. Ambassador to Kazakhstan, William Moser, noted …`: the name between commas after an office.
      const o = officeBeforeComma(text, t, i, lex, wf);
      if (o >= 0) {
        learn(s, last, 'apposition-name', officeOf(t, o), countryBefore(t, o, lex));
        continue;
      }
    }
    if (last + 1 < t.n && (t.gap[last + 1] === Gap.Space || t.gap[last + 1] === Gap.Hyphen)) continue;
    const after = !t.possessive[last] && isHSpace(text.charCodeAt(t.end[last])) && speechVerbAfter(text, t.end[last]);
    const before = !after && followedByClauseEnd(text, t.end[last]) && speechVerbBefore(text, t.start[i]);
    if (!after && !before) continue;
    if (/(?:^|[^A-Za-z])(?:the|The|a|an)[ \u00a0]+$/.test(text.slice(Math.max(0, t.start[i] - 5), t.start[i]))) continue;
    if (!multi && (has(i, W_ALL_CAPS) || t.vocab[t.id[i]].length < 3)) continue;
    learn(s, last, 'speech-subject', null, null);
  }

  const isPersonLike = (label: string): boolean => {
    const words = label.split(/[ \u00a0]+/);
    if (words.some((w) => TITLE_WORDS.has(w) || HONORIFICS.has(w))) return true;
    if (words.length < 2 || words.length > 4) return words.length === 1 && learned.has(label);
    return words.every((w) => !NOT_NAME_WORDS.has(w) && !ORG_HEADS.has(w) && !PLACE_HEADS.has(w) && !lex.has(w));
  };
  const labels = findLabels(text, isPersonLike);
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
      const e = learned.get(tc) ?? { surface: tc, words: splitWords(tc), count: 0, rule: 'label-name', office: null, country: null };
      e.count++;
      learned.set(tc, e);
    } else {
      let hasTitle = false;
      for (let x = first; x <= last; x++) if (TITLE_WORDS.has(t.vocab[t.id[x]]) || HONORIFICS.has(t.vocab[t.id[x]])) hasTitle = true;
      if (!hasTitle && last - first <= 3 && collect(first, 4) === last) learn(first, last, 'label-name', null, null);
    }
  }

  const resolved = resolvePeople(learned);
  const intros: OfficeIntro[] = [];
  for (const x of introduced) {
    const canonical = resolved.canonicalOf(x.surface);
    if (canonical) intros.push({ pos: x.pos, canonical, office: x.office });
  }
  intros.sort((a, b) => a.pos - b.pos);
  const people: People = { ...resolved, intros };
  const entities = matchEntities(text, t, lex, people, wf);
  return { tokens: t, labels, people, entities };
}

/** The W_* properties of every distinct word of `t`. */
function wordFlags(t: Tokens, lex: NameTrie): Uint16Array {
  const out = new Uint16Array(t.vocab.length);
  for (let k = 0; k < t.vocab.length; k++) {
    const w = t.vocab[k];
    const title = TITLE_WORDS.has(w);
    const orgHead = ORG_HEADS.has(w);
    const placeHead = PLACE_HEADS.has(w);
    const initial = INITIAL.test(w);
    const notName = NOT_NAME_WORDS.has(w);
    const allCaps = isAllCaps(w);
    let f = 0;
    if (notName) f |= W_NOT_NAME;
    if (allCaps) f |= W_ALL_CAPS;
    if (title) f |= W_TITLE;
    if (HONORIFICS.has(w)) f |= W_HONORIFIC;
    if (WEAK_TITLES.has(w)) f |= W_WEAK_TITLE;
    if (orgHead) f |= W_ORG_HEAD;
    if (placeHead) f |= W_PLACE_HEAD;
    if (OFFICE_WORDS.has(w)) f |= W_OFFICE;
    if (initial) f |= W_INITIAL;
    if (lex.canStart(w)) f |= W_LEX_START;
    if (OFFICE_COMPLEMENTS.has(w)) f |= W_COMPLEMENT;
    if (!(w.length < 2 || notName || title || orgHead || placeHead) && !(allCaps && !initial)) f |= W_NAME;
    out[k] = f;
  }
  return out;
}

/** Whether a speech verb follows the spaces at `pos` (SPEECH_AFTER), trying the regex only where one can start. */
function speechVerbAfter(text: string, pos: number): boolean {
  let i = pos;
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0) i++;
  if (i === pos) return false;
  // SPEECH_AFTER's words are lower-case ASCII, each ending where the letters end.
  let e = i;
  while (e - i <= SPEECH_AFTER_MAX && isAsciiLetter(text.charCodeAt(e))) e++;
  if (e === i || e - i > SPEECH_AFTER_MAX || !SPEECH_AFTER_FIRST.has(text.slice(i, e))) return false;
  SPEECH_AFTER.lastIndex = pos;
  return SPEECH_AFTER.test(text);
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
function officeOf(t: Tokens, i: number): string | null {
  let s = i;
  while (s > 0 && (t.gap[s] === Gap.Space || t.gap[s] === Gap.Hyphen) && TITLE_WORDS.has(t.vocab[t.id[s - 1]])) s--;
  const words: string[] = [];
  for (let x = s; x <= i; x++) if (!HONORIFICS.has(t.vocab[t.id[x]])) words.push(t.vocab[t.id[x]]);
  return normaliseOffice(words.join(' '));
}

/** `President`, `Head of State` → `president`; `Prime Minister` → `prime minister`; null for bare honorifics. */
export function normaliseOffice(office: string): string | null {
  const o = office.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
  if (!o) return null;
  if (/(?:^|\s)(?:president|head of (?:the )?state)$/.test(o) && !/vice/.test(o)) return 'president';
  if (/prime minister$|premier$|head of government$/.test(o)) return 'prime minister';
  return o;
}

/** Country written just before a title (`U.S. President`, `Kazakh President`), or null. */
function countryBefore(t: Tokens, i: number, lex: NameTrie): string | null {
  let s = i;
  while (s > 0 && (t.gap[s] === Gap.Space || t.gap[s] === Gap.Hyphen)) {
    s--;
    const m = lex.match(t, s);
    if (m && m.term.type === 'COUNTRY' && m.last < i) return m.term.canonical;
    const adj = countryOfAdjective(t.vocab[t.id[s]]);
    if (adj) return adj;
    if (!TITLE_WORDS.has(t.vocab[t.id[s]])) break;
  }
  return null;
}

/**
 * The office word ending the phrase before the comma at token i (`Ambassador` in `Ambassador, X` or `Ambassador to
 * Kazakhstan, X`; `Minister` in `Minister of Energy, X`), or -1. Looks back a few tokens only.
 */
function officeBeforeComma(text: string, t: Tokens, i: number, lex: NameTrie, wf: Uint16Array): number {
  const j = i - 1;
  if (j < 0) return -1;
  if (wf[t.id[j]] & W_OFFICE) return isOfficeStart(text, t, j, wf) ? j : -1;
  // Walk back over the complement (a country or complement words) to `of`/`to`/`in` after the office word.
  let k = j;
  while (k > 0 && j - k < 4 && (t.gap[k] === Gap.Space || t.gap[k] === Gap.Hyphen)) k--;
  if (k < 1) return -1;
  const o = k - 1;
  if (!(wf[t.id[o]] & W_OFFICE) || !isOfficeStart(text, t, o, wf)) return -1;
  if (t.gap[k] === Gap.Connector) {
    const c = t.conn.get(k) ?? '';
    if (c !== 'of' && c !== 'of the' && c !== 'for' && c !== 'for the') return -1;
  } else if (!/^[ \u00a0]+(?:to|in)[ \u00a0]+(?:the[ \u00a0]+)?$/.test(text.slice(t.end[o], t.start[k]))) return -1;
  const m = lex.match(t, k);
  if (m && m.last === j && m.term.type === 'COUNTRY') return o;
  for (let x = k; x <= j; x++) if (!(wf[t.id[x]] & W_COMPLEMENT)) return -1;
  return o;
}

/**
 * Whether the office word at token o ends a title phrase that describes someone: not a possessive, and not an address
 * (`Mr President, Dmitry Suslov, Higher School of Economics`), whose honorific is among the title words before it.
 */
function isOfficeStart(text: string, t: Tokens, o: number, wf: Uint16Array): boolean {
  if (t.possessive[o] || wf[t.id[o]] & W_NOT_NAME || text.charCodeAt(t.end[o]) === 0x2e) return false;
  for (let s = o; s >= 0 && o - s < 4; s--) {
    if (wf[t.id[s]] & W_HONORIFIC) return false;
    if (!(wf[t.id[s]] & W_TITLE) || t.gap[s] !== Gap.Space) break;
  }
  return true;
}

/** Office and country of a title phrase starting at token i (`President of the United States of America`). */
function officeAfter(t: Tokens, i: number, lex: NameTrie): { office: string | null; country: string | null } {
  let k = i;
  const words = [t.vocab[t.id[i]]];
  while (k + 1 < t.n && t.gap[k + 1] === Gap.Space && TITLE_WORDS.has(t.vocab[t.id[k + 1]])) words.push(t.vocab[t.id[++k]]);
  let country: string | null = null;
  if (k + 1 < t.n && t.gap[k + 1] === Gap.Connector) {
    const m = lex.match(t, k + 1);
    if (m?.term.type === 'COUNTRY') country = m.term.canonical;
    else if (t.vocab[t.id[k + 1]] === 'State') words.push('of', 'State');
  }
  return { office: normaliseOffice(words.join(' ')), country };
}

function speechVerbBefore(text: string, pos: number): boolean {
  let i = pos - 1;
  if (i < 0 || !isHSpace(text.charCodeAt(i))) return false;
  while (i >= 0 && isHSpace(text.charCodeAt(i))) i--;
  const e = i + 1;
  while (i >= 0 && e - i < 14 && isWordChar(text.charCodeAt(i))) i--;
  return SPEECH_SET.has(text.slice(i + 1, e));
}

function followedByClauseEnd(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  return pos >= text.length || c === 0x2e || c === 0x2c || c === 0x3b || c === 0x0a || c === 0x0d;
}

function editDistanceOne(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function resolvePeople(learned: Map<string, Learned>): Omit<People, 'intros'> {
  const stripInitials = (s: string): string => s.replace(/(?:^|\s)[A-Z]\.(?=\s)/g, '').replace(/\s+/g, ' ').trim();
  const info = new Map<string, PersonInfo>();
  const surfaceToCanon = new Map<string, string>();
  const fulls: Learned[] = [];
  const singles: Learned[] = [];
  for (const e of learned.values()) {
    const nonInitial = e.words.filter((w) => !INITIAL.test(w));
    (nonInitial.length >= 2 ? fulls : singles).push(e);
  }
  // Full names grouped by first name; a surname one edit away from a more frequent one is a misspelling of it.
  // Surname and word count are worked out once per name: the pair loop below runs up to 64 × 64 times per group.
  const byFirst = new Map<string, { canon: string; count: number; surname: string; words: number }[]>();
  const canonCount = new Map<string, number>();
  for (const e of fulls) {
    const canon = stripInitials(e.surface);
    canonCount.set(canon, (canonCount.get(canon) ?? 0) + e.count);
  }
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
  const trie = new NameTrie();
  const surnameOwner = new Map<string, { canon: string; count: number }>();
  const firstOwner = new Map<string, string | null>();
  /** `Nursultan Nazarbayev` for `Nursultan Abishevich Nazarbayev`: the name without its middle word, if one owner. */
  const firstLast = new Map<string, string | null>();
  for (const e of fulls) {
    const raw = stripInitials(e.surface);
    const canon = finalCanon(raw);
    const rule = canon !== raw ? 'near-miss-name' : e.rule;
    trie.add(e.surface, { type: 'PERSON', canonical: canon, rule });
    trie.add(raw, { type: 'PERSON', canonical: canon, rule });
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
    const owner = surnameOwner.get(w) ?? surnameOwner.get(w.split(' ').pop() ?? '');
    const canon = owner?.canon ?? w;
    surfaceToCanon.set(w, canon);
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
function headPattern(t: Tokens, i: number, wf: Uint16Array, head: number, people: NameTrie, continuation: boolean): number {
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
    const c0 = t.conn.get(last + 1) ?? '';
    if (c0.startsWith('of') || c0.startsWith('for') || c0.startsWith('on')) {
      let k = last + 1;
      if (!people.has(t.vocab[t.id[k]])) {
        last = k;
        while (k + 1 < t.n && !t.possessive[k] && k - at < 10) {
          const g = t.gap[k + 1];
          if (g === Gap.Connector && !ORG_CONTINUATION.has(t.conn.get(k + 1) ?? '')) break;
          if (g !== Gap.Space && g !== Gap.Hyphen && g !== Gap.Connector) break;
          if (wf[t.id[k + 1]] & W_OFFICE || people.has(t.vocab[t.id[k + 1]])) break;
          k++;
          last = k;
        }
      }
    }
  }
  // A lone head word (`Ministry`) names nothing; `Ministry of Energy` does.
  return headFirst && last === at ? -1 : last;
}

function matchEntities(text: string, t: Tokens, lex: NameTrie, people: People, wf: Uint16Array): Entity[] {
  const out: Entity[] = [];
  // Index of the next head word at or after each token: head patterns run only where one is near.
  const nextOrg = new Int32Array(t.n + 1);
  const nextPlace = new Int32Array(t.n + 1);
  nextOrg[t.n] = nextPlace[t.n] = 0x7fffffff;
  for (let k = t.n - 1; k >= 0; k--) {
    const f = wf[t.id[k]];
    nextOrg[k] = f & W_ORG_HEAD ? k : nextOrg[k + 1];
    nextPlace[k] = f & W_PLACE_HEAD ? k : nextPlace[k + 1];
  }
  // Which distinct words start a learnt name: the people trie is asked only at those tokens.
  const personStart = new Uint8Array(t.vocab.length);
  for (let k = 0; k < t.vocab.length; k++) personStart[k] = people.trie.canStart(t.vocab[k]) ? 1 : 0;
  for (let i = 0; i < t.n; i++) {
    const lm = wf[t.id[i]] & W_LEX_START ? lex.match(t, i) : null;
    const pm = personStart[t.id[i]] ? people.trie.match(t, i) : null;
    const joined = i + 1 < t.n && t.gap[i + 1] !== Gap.Break;
    const om = joined && (nextOrg[i] - i <= 9) ? headPattern(t, i, wf, W_ORG_HEAD, people.trie, true) : -1;
    const placeM = joined && (nextPlace[i] - i <= 9) ? headPattern(t, i, wf, W_PLACE_HEAD, people.trie, true) : -1;
    let last = -1;
    let type: EntityType = 'ORG';
    let canonical = '';
    let rule = '';
    if (lm) { last = lm.last; type = lm.term.type; canonical = lm.term.canonical; rule = lm.term.rule; }
    if (pm && pm.last > last) { last = pm.last; type = 'PERSON'; canonical = pm.term.canonical; rule = pm.term.rule; }
    if (om > last) { last = om; type = 'ORG'; canonical = ''; rule = 'org-head'; }
    if (placeM > last) { last = placeM; type = 'PLACE'; canonical = ''; rule = 'place-head'; }
    if (last < 0) continue;
    const start = t.start[i];
    const end = t.end[last];
    const surface = text.slice(start, end);
    if (!canonical) canonical = collapseSpaces(text, start, end);
    if (canonical === 'White House' && type === 'ORG' && /\b(?:in|at|to|into|from|outside)[ \u00a0]+the[ \u00a0]+$/.test(text.slice(Math.max(0, start - 12), start))) {
      type = 'PLACE';
    }
    if (type === 'PERSON' && t.vocab[t.id[i]].length <= 3 && wf[t.id[i]] & W_ALL_CAPS && last === i) continue;
    out.push({ start, end, text: surface, type, canonical, rule });
    i = last;
  }
  return out;
}
