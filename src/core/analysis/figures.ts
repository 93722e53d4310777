import type { Figure, FigureKind } from './types';
import {
  CARDINALS, CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, IRREGULAR_PLURALS, LABEL_WORDS, MONTHS, NP_STOP,
  ORDINALS, ORDINAL_UNITS, QUALIFIERS, SCALES, TENS, TIME_UNITS, UNIT_DEFS, UNIT_RE, VAGUE_SCALES,
} from './figures/lexicon';
import { hitLength, nextHit } from './figures/triggers';
import { Vocabulary } from './figures/words';

/*
 * How it works. One linear pass over the code units (an automaton, see figures/triggers) stops only where a figure
 * can start: a digit, a currency sign or code, a number/ordinal/fraction word, a month name or an RFC 822 weekday.
 * At each stop a small hand-written parser reads forward with code-unit readers and sticky regexes (number,
 * magnitude, unit, range, counted noun phrase) and looks back at most LOOKBACK characters for a qualifier. Every
 * read is bounded or consumes what it reads, and the scan always resumes after the furthest character a parser
 * looked at, so the whole pass is linear in the text.
 */

type Value = Figure['value'];

/** One horizontal space: any Unicode space (U+00A0, U+2003 …) except line breaks, as a regex source. */
const HS = '[^\\S\\r\\n]';
/** How far back a qualifier may start (`a little more than ` is the longest, 19 characters, plus spaces). */
const LOOKBACK = 40;
/** Longest digit run read as a number; longer runs (IDs, pathological input) are skipped whole. */
const MAX_NUMBER_CHARS = 40;
/** Most spaces accepted between two parts of one figure (NBSP + space pairs occur in the sources). */
const MAX_GAP = 4;
/** Most words read after a number when looking for the counted noun (`over 50 economic, …, and other agreements`). */
const MAX_NP_TOKENS = 16;

/** Index of an ASCII letter in the alphabet (either case), or a value outside 0..25 for any other code unit. */
function letterIndex(c: number): number {
  return ((c | 32) - 97) >>> 0;
}

const SPACE_GROUP = /[ \u00a0\u202f]\d{3}(?![\d,.]\d|\d)/y;
const SCALE_AFTER = new RegExp(`${HS}{0,${MAX_GAP}}(hundred|thousand|million|billion|trillion|mln|mn|bln|bn|trn|tn)(?![A-Za-z0-9])`, 'iy');
const ALPHA_WORD = /[A-Za-z]{1,64}/y;
const ATTACHED_TAIL = /[A-Za-z0-9]*/y;
const PERCENT_AFTER = new RegExp(`(?:${HS}{0,2}%|${HS}{0,${MAX_GAP}}-?(?:per${HS}?cent|percent|pct)(?![A-Za-z]))(?:${HS}+(points?))?`, 'iy');
const PERCENTAGE_POINTS = new RegExp(`${HS}{1,${MAX_GAP}}percentage${HS}+points?(?![A-Za-z])`, 'iy');
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?: ?(Z|[+-]\d{2}:?\d{2}))?)?(?![\d-])/y;
const DOTTED_DATE = /(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/y;
const RFC822 = new RegExp(
  `(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),${HS}+(\\d{1,2})${HS}+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)${HS}+(\\d{4})` +
  `(?:${HS}+(\\d{2}):(\\d{2})(?::(\\d{2}))?(?:${HS}*(?:([+-])(\\d{2})(\\d{2})|GMT|UTC|Z))?)?`, 'y');
const DAY_NUMBER = /(\d{1,2})(?:st|nd|rd|th)?(?![\d:A-Za-z]|[.,]\d)/y;
const YEAR_NUMBER = /(\d{4})(?![\dA-Za-z]|[.,:]\d)/y;
const COMMA_GAP = new RegExp(`,?${HS}{1,${MAX_GAP}}`, 'y');
const GAP = new RegExp(`${HS}{1,${MAX_GAP}}`, 'y');
const RANGE_LINK = new RegExp(`(-|–)(,?)${HS}{0,2}|${HS}{1,${MAX_GAP}}(to|and|or)${HS}{1,${MAX_GAP}}`, 'y');
const CLOCK_SUFFIX = new RegExp(`${HS}{0,2}(?:[ap]\\.m\\.|[ap]m(?![A-Za-z]))`, 'iy');
const OF_WORD = new RegExp(`${HS}{1,${MAX_GAP}}of${HS}{1,${MAX_GAP}}`, 'iy');
const OF_DETERMINER = new RegExp(`(?:our|the|their|its|these|those|his|her|your|my)${HS}{1,${MAX_GAP}}`, 'iy');
const VAGUE_CHAIN = new RegExp(`${HS}{1,${MAX_GAP}}of${HS}{1,${MAX_GAP}}(thousands|millions|billions|trillions)(?![A-Za-z])`, 'iy');
const A_BEFORE = /(?:^|[^A-Za-z])(an?)[^\S\r\n]+$/i;
const TAG = /<[A-Za-z!/][^<>]*>/y;
const URL_REST = /[^\s<>"]*/y;

/** Last words of the QUALIFIERS (letters only): a qualifier is looked for when the word before a number is one. */
const QUALIFIER_LAST_WORDS: ReadonlySet<string> = new Set(
  QUALIFIERS.map((q) => q.slice(q.lastIndexOf(' ') + 1).replace(/[^a-z]/g, '')));
/**
 * The QUALIFIERS of letters and spaces, as a trie of their words read backwards: QUALIFIER_ENDS.get(`than`) is the
 * node of `than`, its `before.get('more')` the node of `more than`, whose `phrase` is `more than`.
 */
interface QualifierNode {
  phrase: string | null;
  readonly before: Map<string, QualifierNode>;
}
const QUALIFIER_ENDS: ReadonlyMap<string, QualifierNode> = (() => {
  const ends = new Map<string, QualifierNode>();
  for (const phrase of QUALIFIERS.filter((q) => /^[a-z ]+$/.test(q))) {
    let words = ends;
    let node: QualifierNode | undefined;
    for (const word of phrase.split(' ').reverse()) {
      node = words.get(word) ?? { phrase: null, before: new Map() };
      words.set(word, node);
      words = node.before;
    }
    if (node) node.phrase = phrase;
  }
  return ends;
})();
/** `16 times`, `9 fold`: multipliers are not counts (the guidelines leave them out like `doubled`). */
const MULTIPLIER = /^[^\S\r\n]+(?:times|fold)(?![A-Za-z])/i;
/** Words after `the two` that show the noun is elided (`the two reaffirmed`, `the two have agreed`). */
const ELLIPTICAL_NEXT: ReadonlySet<string> = new Set(
  'are were have had will would can could should must may might did do also both together jointly'.split(' '));
/** `one X or another`, `one country by another`: a distributive idiom, not a count. */
const ONE_OR_ANOTHER = /^[^\S\r\n]+(?:or|by|against|to|from|after)[^\S\r\n]+(?:another|the other)\b/i;
/** Endings of adjectives, which may come before the head noun after `one` (`one important step`). */
const ADJECTIVE_ENDINGS: readonly string[] =
  'al ic ive ous ful ent ant ed ing ary ble less ern ian ish est ior ile ese ean ar'.split(' ');
/** Endings of a word that is no singular head after `one` (`one agreed`, `one said`, `one years`). */
const PAST_OR_PLURAL_ENDINGS: readonly string[] = ['ed', 'id', 's'];
/** The ending of a past participle after `the two` (`the two reaffirmed`). */
const PAST_ENDINGS: readonly string[] = ['ed'];
/** Endings in `s` of words that are no plurals (`class`, `status`, `basis`). */
const NOT_PLURAL_ENDINGS: readonly string[] = ['ss', 'us', 'is'];
/** Words after which a four-digit number is a year even when a noun follows (`in 2023 companies …`). */
const YEAR_CONTEXT: ReadonlySet<string> = new Set((
  'in by since of until till from to before after during through throughout between and or end early mid late ' +
  'spring summer autumn fall winter year years beginning start middle').split(' '));
/** Words that make the ordinal a fixed term or idiom when they follow it. */
const ORDINAL_FIXED_NEXT: ReadonlySet<string> = new Set(
  'world industrial party parties hand nature thoughts opinion fiddle guessing'.split(' '));
/** Words after `one` that make it an idiom or a pronoun, not a count (`one of`, `one another`, `one day`). */
const ONE_NOT_COUNT: ReadonlySet<string> = new Set(
  'of another day second moment hand side by way thing more point time form part'.split(' '));
/** Words before `one` that make it a pronoun (`no one`, `the one`, `this one`). */
const ONE_PRONOUN_BEFORE: ReadonlySet<string> = new Set((
  'no any every each some the this that which someone anyone everyone a only another such whether if when where ' +
  'unless though because phase').split(' '));

/** RFC 822 weekday abbreviations, lower-case. */
const WEEKDAYS: ReadonlySet<string> = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
/** CURRENCY_CODES lower-cased: only a word that is one of them is cut out to see whether it is written in capitals. */
const CURRENCY_CODE_WORDS: ReadonlySet<string> = new Set([...CURRENCY_CODES].map((code) => code.toLowerCase()));

/**
 * Every word the parsers look up or compare, so that reading the word before or after a number cuts no string in
 * the frequent cases (see Vocabulary).
 */
const VOCABULARY = new Vocabulary([
  ...CARDINALS.keys(), ...SCALES.keys(), ...VAGUE_SCALES, ...ORDINALS.keys(), ...ORDINAL_UNITS.keys(), ...MONTHS.keys(),
  ...CURRENCY_WORDS.keys(), ...TIME_UNITS.keys(), ...NP_STOP, ...IRREGULAR_PLURALS, ...LABEL_WORDS,
  ...QUALIFIER_LAST_WORDS, ...QUALIFIERS.flatMap((q) => q.split(' ')), ...ELLIPTICAL_NEXT, ...YEAR_CONTEXT,
  ...ORDINAL_FIXED_NEXT, ...ONE_NOT_COUNT, ...ONE_PRONOUN_BEFORE, ...WEEKDAYS, ...CURRENCY_CODE_WORDS,
  // Words the parsers compare with one by one.
  'dozen', 'half', 'quarter', 'thirds', 'quarters', 'fifths', 'tenths', 'first', 'last', 'behalf', 'every', 'split',
  'american', 'annual', 'largest', 'biggest', 'highest', 'greatest', 'leading', 'consecutive', 'successive',
]);

interface Num {
  readonly value: number;
  readonly end: number;
  /** Had a magnitude word (`billion`) or was a word number built with one. */
  readonly scaled: boolean;
  /** Written as digits (`142,800`) rather than words. */
  readonly digits: boolean;
  /** Digit runs only: the plain integer had no grouping or decimals (a candidate year or day). */
  readonly plain: boolean;
  /** For suspended ranges (`26-, 27,000`): the power of ten of the trailing `,000` groups. */
  readonly groupScale: number;
}

interface Scan {
  readonly text: string;
  readonly out: Figure[];
  /** End of the last figure emitted: nothing may start before it. */
  lastEnd: number;
  /** Year of the publication date near the start of the text, or 0 when none was found. */
  readonly pubYear: number;
  /**
   * The last previousWord read: where it was read from (-1: none yet) and its result. The parsers of one number ask
   * for the word before it up to three times (label, qualifier, year context).
   */
  previousAt: number;
  previous: PreviousWord | null;
}

/** A word before a figure, with where it starts and whether it is capitalised. */
interface PreviousWord {
  /**
   * The word lower-cased when it is in VOCABULARY, else '' (the callers only compare it with vocabulary words, and
   * most words before numbers are such: `in`, `the`, `than`, so that none is cut out of the text).
   */
  readonly word: string;
  readonly start: number;
  readonly capital: boolean;
}

/** Why a candidate produced nothing: the index to resume scanning from. */
type Outcome = Figure | number;

/**
 * Finds every figure (money, counts, percentages, quantities, durations, years, dates, ordinals) in `text`.
 *
 * Offsets are 0-based, end-exclusive UTF-16 code-unit indices into `text` (`text.slice(f.start, f.end) === f.text`).
 * Figures are returned in text order and never overlap. `value` is a number in units (7.5e9 for `$ 7.5 billion`),
 * a `[min, max]` pair for ranges, an ISO 8601 string for dates (`2021-08` for a month, the year of the publication
 * date on the first lines for a day without a year, `--03-20` when there is no publication date), or `null` for a
 * vague magnitude (`hundreds of schools`). `qualifier` and `counted` are `null` when absent. Runs in time linear in
 * the length of the text.
 */
export function findFigures(text: string): Figure[] {
  const scan: Scan = { text, out: [], lastEnd: 0, pubYear: publicationYear(text), previousAt: -1, previous: null };
  const skips = markupRanges(text);
  let skipIndex = 0;
  const n = text.length;
  for (let p = nextHit(text, 0, n); p < n; ) {
    const hitEnd = p + hitLength(text, p);
    while (skipIndex < skips.length && skips[skipIndex + 1] <= p) skipIndex += 2;
    // The search resumes after the furthest code unit the candidate read (or after the markup it lies in).
    let resume: number;
    if (skipIndex < skips.length && skips[skipIndex] <= p) {
      resume = Math.max(hitEnd, skips[skipIndex + 1]);
    } else {
      const outcome = candidate(scan, p, hitEnd);
      if (typeof outcome === 'number') {
        resume = Math.max(outcome, hitEnd);
      } else {
        scan.out.push(outcome);
        scan.lastEnd = outcome.end;
        resume = Math.max(outcome.end, hitEnd);
      }
    }
    p = nextHit(text, resume, n);
  }
  return scan.out;
}

/** Flat [start, end, start, end …] list of HTML tags and URLs, whose numbers are never figures. */
function markupRanges(text: string): number[] {
  const ranges: number[] = [];
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    const tag = stickyAt(TAG, text, at);
    if (tag) ranges.push(at, at + tag[0].length);
  }
  const urls: number[] = [];
  for (const marker of ['://', 'www.']) {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      let start = at;
      while (start > 0 && start > at - MAX_SCHEME && letterIndex(text.charCodeAt(start - 1)) < 26) start--;
      const rest = stickyAt(URL_REST, text, at);
      const end = at + (rest ? rest[0].length : marker.length);
      urls.push(start, end);
      at = end - 1;
    }
  }
  if (urls.length === 0) return ranges;
  return mergeRanges(ranges, urls);
}

/** Longest URL scheme looked back for before `://` (`https`). */
const MAX_SCHEME = 8;

/** Merges two flat sorted range lists into one sorted list of non-overlapping ranges. */
function mergeRanges(a: readonly number[], b: readonly number[]): number[] {
  const all: [number, number][] = [];
  for (let k = 0; k < a.length; k += 2) all.push([a[k], a[k + 1]]);
  for (let k = 0; k < b.length; k += 2) all.push([b[k], b[k + 1]]);
  all.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [s, e] of all) {
    if (out.length && s <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], e);
    else out.push(s, e);
  }
  return out;
}

/** Characters of the header searched for the publication date (title + date lines). */
const HEADER_CHARS = 600;

/** Year of the first full date in the first three lines (`2017-04-05`, `17 January 2018`, RFC 822), or 0. */
function publicationYear(text: string): number {
  let end = 0;
  for (let line = 0; line < 3 && end >= 0 && end < HEADER_CHARS; line++) end = text.indexOf('\n', end + 1);
  const head = text.slice(0, end < 0 ? Math.min(text.length, HEADER_CHARS) : Math.min(end, HEADER_CHARS));
  const iso = /\b((?:19|20)\d\d)-\d\d-\d\d\b/.exec(head);
  const words = /\b\d{1,2}(?:[^\S\r\n]+)[A-Z][a-z]{2,8}\.?,?[^\S\r\n]+((?:19|20)\d\d)\b|\b[A-Z][a-z]{2,8}\.?[^\S\r\n]+\d{1,2},?[^\S\r\n]+((?:19|20)\d\d)\b/.exec(head);
  const best = iso && (!words || iso.index <= words.index) ? iso[1] : words ? words[1] ?? words[2] : undefined;
  return best ? Number(best) : 0;
}

function figure(scan: Scan, start: number, end: number, kind: FigureKind, value: Value, unit: string | null,
  qualifier: string | null, counted: string | null, rule: string): Figure {
  return { start, end, text: scan.text.slice(start, end), kind, value, unit, qualifier, counted, rule };
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/**
 * Whether a code unit matches the regex class `\s`, without a regex call and a one-character string per character
 * (this runs before every number).
 */
function isRegexSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Length of the GAP at `at` (1 to MAX_GAP horizontal spaces), or 0 when there is none: GAP without a match array, for
 * the parsers that only need where the gap ends.
 */
function gapLength(text: string, at: number): number {
  let k = 0;
  while (k < MAX_GAP && isHSpaceCode(text.charCodeAt(at + k))) k++;
  return k;
}

/** Whether a code unit matches HS: `\s` but a line break. */
function isHSpaceCode(c: number): boolean {
  return c !== 0x0a && c !== 0x0d && isRegexSpace(c);
}

/** Length of the ALPHA_WORD at `at` (1 to 64 ASCII letters), or 0 when there is none. */
function alphaLength(text: string, at: number): number {
  let k = 0;
  while (k < 64 && isLetter(text.charCodeAt(at + k))) k++;
  return k;
}

/**
 * Length of the word at `at`, or 0 when there is none: an initialism (`U.S.A.`) or up to 64 letters with hyphenated
 * parts of up to 64 letters and digits, as the sticky regex `(?:[A-Z]\.){2,}|[A-Za-z]{1,64}(?:-[A-Za-z0-9]{1,64})*`
 * reads it.
 */
function wordLength(text: string, at: number): number {
  let initials = 0;
  while (isUpper(text.charCodeAt(at + initials)) && text.charCodeAt(at + initials + 1) === 0x2e) initials += 2;
  if (initials >= 4) return initials;
  let k = alphaLength(text, at);
  if (k === 0) return 0;
  while (text.charCodeAt(at + k) === 0x2d) {
    let part = 0;
    while (part < 64 && isAlphanumeric(text.charCodeAt(at + k + 1 + part))) part++;
    if (part === 0) break;
    k += 1 + part;
  }
  return k;
}

/** Whether a code unit is an ASCII letter or digit. */
function isAlphanumeric(c: number): boolean {
  return isLetter(c) || isDigit(c);
}

/**
 * The word ending right before `p` (over at most MAX_GAP spaces), with its start; null if none. The last answer is
 * kept in `scan`, as the parsers of one number ask for it up to three times.
 */
function previousWord(scan: Scan, p: number): PreviousWord | null {
  if (scan.previousAt !== p) {
    scan.previous = readPreviousWord(scan.text, p);
    scan.previousAt = p;
  }
  return scan.previous;
}

/** previousWord, read from the text. */
function readPreviousWord(text: string, p: number): PreviousWord | null {
  let i = p;
  for (let gap = 0; i > 0 && gap < MAX_GAP && isRegexSpace(text.charCodeAt(i - 1)) && text.charCodeAt(i - 1) !== 0x0a; gap++) i--;
  if (i === p && p > 0 && isLetter(text.charCodeAt(p - 1))) return null;
  const end = i;
  const limit = Math.max(0, end - 32);
  while (i > limit && isLetter(text.charCodeAt(i - 1))) i--;
  if (i === end) return null;
  return { word: VOCABULARY.find(text, i, end) ?? '', start: i, capital: isUpper(text.charCodeAt(i)) };
}

/** Whether position `i` (a word start) begins a sentence: only spaces, quotes or bullets since `.!?:` or a line start. */
function sentenceStart(text: string, i: number): boolean {
  for (let k = i - 1, n = 0; k >= 0 && n < 8; k--, n++) {
    const c = text[k];
    if (c === '\n' || c === '.' || c === '!' || c === '?' || c === ':' || c === ';') return true;
    if (!/[\s"“‘'(\-–—•*]/.test(c)) return false;
  }
  return true;
}

/**
 * A qualifier ending right before `start` (`more than `), lower-cased, with where it begins.
 *
 * This is the regex `(?:^|[^A-Za-z])(qualifier)[^\S\r\n]+$` (case-insensitive, words separated by `[^\S\r\n]+`)
 * on the text from `from` to `start`, read backwards on code units and without the regex: a match is made of whole
 * words (letter runs inside from..start) separated and followed by horizontal spaces, so it is some number of the
 * last words, and the leftmost match is the longest qualifier among them. Words are matched in any ASCII case, and
 * the words of a match are the qualifier as listed.
 */
function qualifierBefore(scan: Scan, start: number): { text: string; start: number } | null {
  const from = Math.max(scan.lastEnd, start - LOOKBACK);
  if (from >= start) return null;
  const last = previousWord(scan, start);
  if (!last || !QUALIFIER_LAST_WORDS.has(last.word)) return null;
  const text = scan.text;
  let best: { text: string; start: number } | null = null;
  let words = QUALIFIER_ENDS;
  for (let end = start; ;) {
    const spaceStart = horizontalSpacesBefore(text, end, from);
    if (spaceStart === end) break;
    let wordStart = spaceStart;
    while (wordStart > from && isLetter(text.charCodeAt(wordStart - 1))) wordStart--;
    if (wordStart === spaceStart) break;
    // Qualifier words are in the vocabulary: any other word ends the qualifier (and is not cut out).
    const node = words.get(VOCABULARY.find(text, wordStart, spaceStart) ?? '');
    if (node === undefined) break;
    if (node.phrase !== null) best = { text: node.phrase, start: wordStart };
    words = node.before;
    end = wordStart;
  }
  return best;
}

/** Start of the run of horizontal spaces that ends at `at`, read no further back than `from` (`at` when none). */
function horizontalSpacesBefore(text: string, at: number, from: number): number {
  let k = at;
  while (k > from && isHSpaceCode(text.charCodeAt(k - 1))) k--;
  return k;
}

/** Dispatches the candidate `text.slice(p, hitEnd)` by its first character or word. */
function candidate(scan: Scan, p: number, hitEnd: number): Outcome {
  const text = scan.text;
  if (isDigit(text.charCodeAt(p))) return digits(scan, p);
  if (hitEnd - p === 1 || (hitEnd - p === 3 && text.startsWith('US$', p))) {
    return money(scan, p, hitEnd, CURRENCY_SYMBOLS.get(text.slice(p, hitEnd)) ?? 'USD', 'money-symbol');
  }
  const lower = VOCABULARY.lower(text, p, hitEnd);
  if (WEEKDAYS.has(lower)) return rfcDate(scan, p);
  if (CURRENCY_CODE_WORDS.has(lower)) {
    const hit = text.slice(p, hitEnd);
    if (CURRENCY_CODES.has(hit)) return money(scan, p, hitEnd, hit, 'money-code');
  }
  if (MONTHS.has(lower)) return monthFirst(scan, p);
  if (VAGUE_SCALES.has(lower)) return vague(scan, p, text.slice(p, hitEnd));
  if (lower === 'half' || lower === 'quarter') return fraction(scan, p, lower);
  if (ORDINALS.has(lower)) return ordinalWord(scan, p, lower, ORDINALS.get(lower) ?? 0, hitEnd);
  if (CARDINALS.has(lower) || SCALES.has(lower) || lower === 'dozen') return words(scan, p);
  return hitEnd;
}

/** Reads a digit number at `p` (with its magnitude word); null when the run is not a plain number. */
function readDigits(text: string, p: number): Num | number {
  // The run `\d[\d,.]*`, read as code units: most runs are digits only (`2019`, `15`) and need no validation or clean-up.
  let runEnd = p;
  let punctuated = false;
  for (;;) {
    const c = text.charCodeAt(runEnd);
    if (isDigit(c)) runEnd++;
    else if ((c === 0x2c || c === 0x2e) && runEnd > p) { punctuated = true; runEnd++; } else break;
  }
  if (runEnd === p) return p + 1;
  let rawEnd = runEnd;
  let value: number;
  let groupScale = 1;
  let plainRaw = true;
  if (!punctuated) {
    if (runEnd - p > MAX_NUMBER_CHARS) return runEnd;
    value = runEnd - p <= MAX_EXACT_DIGITS ? digitsValue(text, p, runEnd) : Number(text.slice(p, runEnd));
  } else {
    // Trailing `,` and `.` are punctuation, not part of the number.
    while (!isDigit(text.charCodeAt(rawEnd - 1))) rawEnd--;
    if (rawEnd - p > MAX_NUMBER_CHARS) return runEnd;
    // `^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$` on code units: digits, or 1 to 3 digits and `,ddd` groups; then
    // maybe a point and digits.
    let k = p;
    while (k < rawEnd && isDigit(text.charCodeAt(k))) k++;
    const leading = k - p;
    let commas = 0;
    while (k < rawEnd && text.charCodeAt(k) === 0x2c) {
      let group = 0;
      while (group < 4 && k + 1 + group < rawEnd && isDigit(text.charCodeAt(k + 1 + group))) group++;
      if (group !== 3) return runEnd;
      commas++;
      k += 4;
    }
    if (commas > 0 && leading > 3) return runEnd;
    let dot = -1;
    if (k < rawEnd) {
      // Only a point can come here (a comma would have been read as a group).
      dot = k++;
      const fraction = k;
      while (k < rawEnd && isDigit(text.charCodeAt(k))) k++;
      if (k === fraction || k < rawEnd) return runEnd;
    }
    const digitCount = rawEnd - p - commas - (dot >= 0 ? 1 : 0);
    if (digitCount <= MAX_EXACT_DIGITS) {
      value = digitsValue(text, p, rawEnd);
      if (dot >= 0) value /= POWERS_OF_TEN[rawEnd - dot - 1];
    } else {
      value = Number(text.slice(p, rawEnd).replace(/,/g, ''));
    }
    if (commas > 0 && dot < 0) groupScale = 10 ** (3 * commas);
    plainRaw = commas === 0 && dot < 0;
  }
  let end = rawEnd;
  if (rawEnd - p <= 3 && mayBeSpaceGroup(text, end)) {
    let grouped = 0;
    for (let g = stickyAt(SPACE_GROUP, text, end); g; g = stickyAt(SPACE_GROUP, text, end)) {
      value = value * 1000 + Number(g[0].slice(1));
      end += g[0].length;
      grouped++;
    }
    if (grouped) groupScale = 10 ** (3 * grouped);
  }
  const plain = end === rawEnd && plainRaw;
  const s = mayScaleAt(text, end) ? stickyAt(SCALE_AFTER, text, end) : null;
  if (s) return { value: value * (SCALES.get(s[1].toLowerCase()) ?? 1), end: end + s[0].length, scaled: true, digits: true, plain: false, groupScale };
  return { value, end, scaled: false, digits: true, plain, groupScale };
}

/** Longest digit run whose value a sum of digits times ten computes exactly (below 2^53), as Number() would. */
const MAX_EXACT_DIGITS = 15;

/** Powers of ten up to 10^MAX_EXACT_DIGITS, all exact. */
const POWERS_OF_TEN: readonly number[] = Array.from({ length: MAX_EXACT_DIGITS + 1 }, (_, k) => Number(`1e${k}`));

/**
 * Value of the digits in start..end (at most MAX_EXACT_DIGITS of them; commas and points are passed over), without
 * cutting and parsing a string. A decimal is this integer divided by an exact power of ten: one correctly rounded
 * division, so the same number as Number() parses.
 */
function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) value = value * 10 + (c - 0x30);
  }
  return value;
}

/** Whether SPACE_GROUP can match at `at`: one of its spaces, then a digit. */
function mayBeSpaceGroup(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return (c === 0x20 || c === 0xa0 || c === 0x202f) && isDigit(text.charCodeAt(at + 1));
}

/**
 * Whether SCALE_AFTER can match at `at`: after its spaces comes the first letter of one of its words (h, t, m or b).
 * Most numbers are followed by anything else, and the regex is then not run.
 */
function mayScaleAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at + gapLength(text, at)) | 32;
  return c === 0x68 || c === 0x74 || c === 0x6d || c === 0x62;
}

/** Reads a number written in words at `p` (`seventy-five`, `one million`, `a thousand` from `thousand`). */
function readWords(text: string, p: number): (Num & { ordinal: boolean }) | null {
  let total = 0;
  let current = 0;
  let end = p;
  let any = false;
  let scaled = false;
  let ordinal = false;
  let at = p;
  for (let n = 0; n < 8; n++) {
    const wl = alphaLength(text, at);
    if (wl === 0) break;
    // Only vocabulary words are looked for: any other word is read as '' (and not cut out).
    const word = VOCABULARY.find(text, at, at + wl) ?? '';
    let next = at + wl;
    if (n > 0 && word === 'and' && current % 100 === 0 && current > 0) {
      const gap = gapLength(text, next);
      if (gap === 0) break;
      at = next + gap;
      continue;
    }
    const card = CARDINALS.get(word);
    const scale = SCALES.get(word);
    if (card !== undefined) {
      if (current % 100 !== 0 || (current > 0 && card >= 100)) break;
      current += card;
      if (TENS.has(word) && text[next] === '-') {
        const ul = alphaLength(text, next + 1);
        const unitWord = ul > 0 ? VOCABULARY.find(text, next + 1, next + 1 + ul) ?? '' : '';
        const unit = CARDINALS.get(unitWord);
        if (unit !== undefined && unit < 10) {
          current += unit;
          next += 1 + unitWord.length;
        } else if (ORDINAL_UNITS.has(unitWord)) {
          current += ORDINAL_UNITS.get(unitWord) ?? 0;
          next += 1 + unitWord.length;
          ordinal = true;
        }
      }
    } else if (word === 'dozen') {
      current = (current || 1) * 12;
      scaled = true;
    } else if (scale !== undefined && scale >= 100 && wl > 3) {
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      scaled = true;
    } else break;
    any = true;
    end = next;
    if (ordinal) break;
    const gap = gapLength(text, end);
    if (gap === 0) break;
    at = end + gap;
  }
  if (!any) return null;
  return { value: total + current, end, scaled, digits: false, plain: false, groupScale: 1, ordinal };
}

/**
 * A range after a first number: `-`, `–`, `to`, `and` (after `between`), `-,` (suspended: `26-, 27,000`).
 * `firstEnd` is where the first number ends, after its unit when one follows it (`5 percent to 10 percent`).
 */
function readRange(
  scan: Scan, first: Num, firstEnd: number, between: boolean, currency: string | null,
): { second: Num; end: number } | null {
  const text = scan.text;
  const link = mayBeRangeLink(text, firstEnd) ? stickyAt(RANGE_LINK, text, firstEnd) : null;
  if (!link) return null;
  const word = (link[3] ?? '').toLowerCase();
  if (word === 'and' && !between) return null;
  if (word === 'or' && !first.digits) return null;
  let at = firstEnd + link[0].length;
  if (currency !== null && (text[at] === '$' || text[at] === '€' || text[at] === '£')) at++;
  const second = isDigit(text.charCodeAt(at)) ? readDigits(text, at) : readWords(text, at);
  if (second === null || typeof second === 'number') return null;
  if (second.digits !== first.digits && link[2] !== ',') return null;
  return { second, end: second.end };
}

/**
 * Whether RANGE_LINK can match at `at`: it starts with a hyphen or en dash, or with spaces followed by the first two
 * letters of `to`, `and` or `or`. Most numbers are followed by neither, and the regex is then not run.
 */
function mayBeRangeLink(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 0x2d || c === 0x2013) return true;
  const gap = gapLength(text, at);
  if (gap === 0) return false;
  const w = text.charCodeAt(at + gap);
  const x = text.charCodeAt(at + gap + 1);
  return (w === 0x74 && x === 0x6f) || (w === 0x61 && x === 0x6e) || (w === 0x6f && x === 0x72);
}

/**
 * Whether CLOCK_SUFFIX can match at `at`: an `a` or a `p`, then a point or an `m`, come after at most MAX_GAP spaces.
 */
function mayBeClockSuffix(text: string, at: number): boolean {
  const k = at + gapLength(text, at);
  const c = text.charCodeAt(k) | 32;
  const d = text.charCodeAt(k + 1);
  return (c === 0x61 || c === 0x70) && (d === 0x2e || (d | 32) === 0x6d);
}

/** Scales the first bound of a range to the second one (`5-10 billion`, `26-, 27,000`). */
function rangeValues(first: Num, second: Num, suspended: boolean): [number, number] {
  let a = first.value;
  if (suspended) a *= second.groupScale;
  else if (!first.scaled && second.scaled && a < second.value) {
    const magnitude = second.value >= 1e12 ? 1e12 : second.value >= 1e9 ? 1e9 : second.value >= 1e6 ? 1e6 : 1e3;
    if (a * magnitude <= second.value) a *= magnitude;
  }
  return [a, second.value];
}

/** What follows a number: percent, currency word, unit, or time unit. */
interface Tail {
  readonly kind: FigureKind;
  readonly unit: string;
  readonly end: number;
  readonly factor: number;
  readonly rule: string;
}

function readTail(text: string, at: number, allowMoney: boolean): Tail | null {
  // Both percent regexes need `%`, `-` or a `p` after at most MAX_GAP spaces: elsewhere neither is run.
  const c = text.charCodeAt(at + gapLength(text, at));
  const percentLike = c === 0x25 || c === 0x2d || (c | 32) === 0x70;
  const pct = percentLike ? stickyAt(PERCENTAGE_POINTS, text, at) : null;
  if (pct) return { kind: 'percent', unit: 'percentage point', end: at + pct[0].length, factor: 1, rule: 'percent-points' };
  const pc = percentLike ? stickyAt(PERCENT_AFTER, text, at) : null;
  if (pc) {
    const points = pc[1] !== undefined;
    return { kind: 'percent', unit: points ? 'percentage point' : 'percent', end: at + pc[0].length, factor: 1, rule: 'percent' };
  }
  if (text[at] === '°' || text[at] === '-' || isLetter(text.charCodeAt(at))) return unitAt(text, at);
  const gap = gapLength(text, at);
  if (gap === 0) return null;
  const w0 = at + gap;
  const unit = unitAt(text, w0);
  if (unit) return unit;
  const wl = alphaLength(text, w0);
  if (wl === 0 || isLetter(text.charCodeAt(w0 + wl)) || isDigit(text.charCodeAt(w0 + wl))) return null;
  // Only vocabulary words are looked for: any other word is read as '' (and not cut out).
  const lower = VOCABULARY.find(text, w0, w0 + wl) ?? '';
  if (allowMoney) {
    let cur = CURRENCY_WORDS.get(lower);
    let end = w0 + wl;
    if (cur === undefined && (lower === 'us' || lower === 'american')) {
      const g2 = stickyAt(GAP, text, end);
      const w2 = g2 ? stickyAt(ALPHA_WORD, text, end + g2[0].length) : null;
      if (w2 && /^dollars?$/i.test(w2[0])) {
        cur = 'USD';
        end += (g2?.[0].length ?? 0) + w2[0].length;
      }
    }
    // The codes are capitals: a word starting with a small letter is none (and is not cut to find out).
    if (cur === undefined && isUpper(text.charCodeAt(w0))) {
      const word = text.slice(w0, w0 + wl);
      if (CURRENCY_CODES.has(word)) cur = word;
    }
    if (cur !== undefined) return { kind: 'money', unit: cur, end, factor: 1, rule: 'money-word' };
  }
  const time = TIME_UNITS.get(lower);
  if (time !== undefined) return { kind: 'duration', unit: time, end: w0 + wl, factor: 1, rule: 'duration' };
  return null;
}

/** A quantity unit starting at `at`, or null. */
function unitAt(text: string, at: number): Tail | null {
  if (!mayBeUnit(text, at)) return null;
  const m = stickyAt(UNIT_RE, text, at);
  if (!m) return null;
  let k = 1;
  while (m[k] === undefined) k++;
  const def = UNIT_DEFS[k - 1];
  return { kind: 'quantity', unit: def.unit, end: at + m[0].length, factor: def.factor, rule: 'quantity-unit' };
}

/**
 * UNIT_DEFS starts: UNIT_START[first × 256 + second] is 1 where a unit can start with these two code units (ASCII
 * capitals made small; both below 256), UNIT_START[first × 256] where it can start with the first one alone.
 */
const UNIT_START = new Uint8Array(256 * 256);
for (const def of UNIT_DEFS) {
  for (const start of def.starts.split(' ')) {
    UNIT_START[start.charCodeAt(0) * 256 + (start.length > 1 ? start.charCodeAt(1) : 0)] = 1;
  }
}

/** Whether UNIT_RE can match at `at`: most words after a number start with no unit's first two letters. */
function mayBeUnit(text: string, at: number): boolean {
  const first = asciiLower(text.charCodeAt(at));
  if (!(first < 256)) return false;
  if (UNIT_START[first * 256] === 1) return true;
  const second = asciiLower(text.charCodeAt(at + 1));
  return second < 256 && UNIT_START[first * 256 + second] === 1;
}

/** A code unit with ASCII capitals made small, all else unchanged. */
function asciiLower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/** `-year`, `-day`… right after a number: a duration used as an adjective (`10-year`, `seven-year`). */
function hyphenDuration(text: string, at: number): { unit: string; end: number } | null {
  if (text.charCodeAt(at) !== 0x2d) return null;
  const wl = alphaLength(text, at + 1);
  if (wl === 0) return null;
  // Time units are in the vocabulary: any other word is read as '' (and not cut out).
  const lower = VOCABULARY.find(text, at + 1, at + 1 + wl) ?? '';
  const unit = TIME_UNITS.get(lower);
  if (unit === undefined || lower.endsWith('s')) return null;
  return { unit, end: at + 1 + wl };
}

/** The counted noun phrase after a count, or null. `singular`: the count is one, so a singular head is fine. */
function countedPhrase(text: string, at: number, singular: boolean, allowOf: boolean): { end: number; counted: string } | null {
  let i = at;
  const gap = gapLength(text, i);
  if (gap === 0) return null;
  i += gap;
  let npStart = i;
  if (allowOf) {
    const of = stickyAt(OF_WORD, text, at);
    if (of) {
      i = at + of[0].length;
      npStart = at + of[0].length - (of[0].length - of[0].search(/of/i));
      const det = stickyAt(OF_DETERMINER, text, i);
      if (det) i += det[0].length;
    }
  }
  let headEnd = -1;
  let prevCapital = false;
  let tokens = 0;
  for (let n = 0; n < MAX_NP_TOKENS; n++) {
    let tokenEnd: number;
    let comma = false;
    let nounish = false;
    if (isDigit(text.charCodeAt(i)) && prevCapital) {
      const t = stickyAt(ATTACHED_TAIL, text, i);
      tokenEnd = i + (t ? t[0].length : 0);
    } else if (text.charCodeAt(i) === 0x2c && tokens > 0 && headEnd < 0) {
      tokenEnd = i + 1;
      comma = true;
    } else {
      const wl = wordLength(text, i);
      if (wl === 0) break;
      tokenEnd = i + wl;
      if (isLetter(text.charCodeAt(tokenEnd)) || isDigit(text.charCodeAt(tokenEnd))) break;
      // The word lists hold letters only: a hyphenated word is none of them, its first part may be a number word.
      // Words outside the vocabulary are in no list and are not cut out; their endings are read on code units.
      const known = VOCABULARY.find(text, i, tokenEnd);
      const capital = isUpper(text.charCodeAt(i));
      if (known !== undefined && known !== 'and' && NP_STOP.has(known)) break;
      let hyphen = i;
      while (hyphen < tokenEnd && text.charCodeAt(hyphen) !== 0x2d) hyphen++;
      const base = hyphen < tokenEnd ? VOCABULARY.find(text, i, hyphen) : known;
      if (base !== undefined && (CARDINALS.has(base) || ORDINALS.has(base))) break;
      if (known !== undefined && (TIME_UNITS.has(known) || MONTHS.has(known) && capital)) break;
      if (known === 'and') {
        if (headEnd >= 0 || tokens === 0) break;
      } else {
        prevCapital = capital;
        nounish = singular
          ? tokens === 0 || !endsWithAny(text, i, tokenEnd, PAST_OR_PLURAL_ENDINGS)
          : (known !== undefined && IRREGULAR_PLURALS.has(known))
            || (endsInLetterS(text, i, tokenEnd) && !endsWithAny(text, i, tokenEnd, NOT_PLURAL_ENDINGS));
      }
    }
    tokens++;
    if (nounish) {
      headEnd = tokenEnd;
      if (!singular || tokens >= 2 || !endsWithAny(text, i, tokenEnd, ADJECTIVE_ENDINGS)) break;
    } else if (singular && tokens >= 2) break;
    const g = gapLength(text, tokenEnd);
    if (comma) {
      if (g === 0) break;
      i = tokenEnd + g;
      continue;
    }
    if (g === 0) {
      if (text.charCodeAt(tokenEnd) === 0x2c) {
        i = tokenEnd;
        continue;
      }
      break;
    }
    i = tokenEnd + g;
  }
  if (headEnd < 0) return null;
  const counted = text.slice(npStart, headEnd);
  if (singular && (/[^su]s$/.test(counted) || isUpper(text.charCodeAt(npStart)) || ONE_OR_ANOTHER.test(text.slice(headEnd, headEnd + 24)))) {
    return null;
  }
  return { end: headEnd, counted };
}

/** Whether the word start..end ends in a small `s` after a letter (`/[a-z]s$|[A-Z]s$/`). */
function endsInLetterS(text: string, start: number, end: number): boolean {
  return end - start >= 2 && text.charCodeAt(end - 1) === 0x73 && isLetter(text.charCodeAt(end - 2));
}

/** Whether the word start..end ends in one of `endings` (lower-case), in any ASCII case. */
function endsWithAny(text: string, start: number, end: number, endings: readonly string[]): boolean {
  for (const ending of endings) {
    if (end - start >= ending.length && spellsAt(ending, text, end - ending.length)) return true;
  }
  return false;
}

/** Whether the text at `at` spells the lower-case `word`, in any ASCII case. */
function spellsAt(word: string, text: string, at: number): boolean {
  for (let k = 0; k < word.length; k++) {
    if (asciiLower(text.charCodeAt(at + k)) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** How a number is labelled by what precedes it. */
const NOT_LABELLED = 0;
/** Glued to a code (`G20`, `COVID-19`, `5+1`) or after a label word (`Resolution 2231`): never a figure. */
const CODE = 1;
/** After a capitalised word mid-sentence (`Boeing 787`): a figure only when a unit, currency or time unit follows. */
const NAME = 2;

function labelled(scan: Scan, p: number): number {
  const text = scan.text;
  if (p > 0) {
    const c = text.charCodeAt(p - 1);
    if (isLetter(c) || isDigit(c)) return CODE;
    // `/ # . : _ = @ +`
    if (c === 0x2f || c === 0x23 || c === 0x2e || c === 0x3a || c === 0x5f || c === 0x3d || c === 0x40 || c === 0x2b) {
      return CODE;
    }
    // `-` or a non-breaking hyphen after a letter
    if ((c === 0x2d || c === 0x2011) && p > 1 && isLetter(text.charCodeAt(p - 2))) return CODE;
    if (text.charCodeAt(p - 2) === 0x2b && isRegexSpace(c)) return CODE;
  }
  const prev = previousWord(scan, p);
  if (!prev) return NOT_LABELLED;
  if (LABEL_WORDS.has(prev.word)) return CODE;
  if (!prev.capital || NP_STOP.has(prev.word) || MONTHS.has(prev.word) || QUALIFIER_LAST_WORDS.has(prev.word)) return NOT_LABELLED;
  return sentenceStart(text, prev.start) ? NOT_LABELLED : NAME;
}

/** A candidate starting with a digit. */
function digits(scan: Scan, p: number): Outcome {
  const text = scan.text;
  const iso = text.charCodeAt(p + 4) === 0x2d ? stickyAt(ISO_DATE, text, p) : null;
  if (iso) return isoDate(scan, p, iso);
  const dotted = text.charCodeAt(p + 1) === 0x2e || text.charCodeAt(p + 2) === 0x2e
    ? stickyAt(DOTTED_DATE, text, p) : null;
  if (dotted && validDay(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]))) {
    return figure(scan, p, p + dotted[0].length, 'date', isoString(Number(dotted[3]), Number(dotted[2]), Number(dotted[1])), 'date', null, null, 'date-dotted');
  }
  const num = readDigits(text, p);
  if (typeof num === 'number') return skipToken(text, num);
  const label = labelled(scan, p);
  if (label === CODE) return skipToken(text, num.end);
  if (label === NAME && !readTail(text, num.end, true) && !hyphenDuration(text, num.end)) return skipToken(text, num.end);
  const next = text.charCodeAt(num.end);
  // `12:30`, `9/11`, `5+1`, `3×3`
  if (next === 0x3a && isDigit(text.charCodeAt(num.end + 1))) return skipToken(text, num.end);
  if (next === 0x2f || next === 0x2b || next === 0xd7) return skipToken(text, num.end);
  if (text.charCodeAt(num.end + 1) === 0x2b && isRegexSpace(text.charCodeAt(num.end))) return skipToken(text, num.end);
  if (mayBeClockSuffix(text, num.end) && stickyAt(CLOCK_SUFFIX, text, num.end)) return skipToken(text, num.end);

  if (!num.scaled && isLetter(next)) {
    if (alphaLength(text, num.end) === 2 && /^(?:st|nd|rd|th)$/i.test(text.slice(num.end, num.end + 2)) && num.plain) {
      if (num.value === 1) return num.end + 2;
      return ordinalDigits(scan, p, num.value, num.end + 2);
    }
    const tail = readTail(text, num.end, false);
    if (tail && tail.kind === 'quantity') return quantityFigure(scan, p, num, tail);
    return skipToken(text, num.end);
  }

  if (num.plain && num.value >= 1 && num.value <= 31 && !num.scaled) {
    const d = dayFirst(scan, p, num);
    if (d) return d;
  }
  return amount(scan, p, num, null);
}

/** Skips the rest of a token (letters and digits glued to what was read) and returns where to resume. */
function skipToken(text: string, at: number): number {
  const t = stickyAt(/[A-Za-z0-9.,:/+×-]*/y, text, at);
  return at + (t ? t[0].length : 0);
}

/**
 * The general path after a number (digits or words): ranges, percent, money words, units, durations, years,
 * counts. `currency` is set when a currency sign or code came first.
 */
function amount(scan: Scan, start: number, num: Num, currency: string | null, currencyRule = 'money-symbol', wordNum = false): Outcome {
  const text = scan.text;
  const qual = qualifierBefore(scan, start);
  const between = qual?.text === 'between';
  let first = num;
  let tailA: Tail | null = null;
  if (!currency) tailA = readTail(text, first.end, true);
  let value: Value = first.value;
  let end = first.end;
  let rangeEnd = -1;
  const range = readRange(scan, first, tailA && tailA.kind !== 'money' ? tailA.end : first.end, between, currency);
  if (range && (!tailA || tailA.kind !== 'money')) {
    const suspended = /^-,/.test(text.slice(first.end, first.end + 2));
    const [a, b] = rangeValues(first, range.second, suspended);
    if (a <= b) {
      value = [a, b];
      rangeEnd = range.end;
      first = range.second;
      end = range.end;
    }
  }
  const rangeFirstUnit = tailA && tailA.kind !== 'money' ? tailA : null;
  let tail: Tail | null = currency ? null : rangeEnd >= 0 ? readTail(text, end, true) : tailA;
  if (rangeEnd >= 0 && rangeFirstUnit && tail && tail.unit !== rangeFirstUnit.unit) tail = null;
  if (rangeEnd >= 0 && rangeFirstUnit && !tail) {
    value = num.value;
    end = num.end;
    rangeEnd = -1;
    tail = rangeFirstUnit;
  }
  const qualifier = qual && (between ? rangeEnd >= 0 : true) ? qual : null;
  const figStart = qualifier ? qualifier.start : start;
  const qText = qualifier ? qualifier.text : null;

  if (currency) {
    return figure(scan, figStart, end, 'money', value, currency, qText, null, currencyRule);
  }
  if (tail) {
    if (tail.kind === 'quantity') {
      return figure(scan, figStart, tail.end, 'quantity', scaleValue(value, tail.factor), tail.unit, qText, null,
        rangeEnd >= 0 ? 'quantity-range' : tail.rule);
    }
    if (tail.kind === 'duration') {
      if (wordNum && num.value === 1 && !qualifier && (tail.unit === 'days' || tail.unit === 'seconds')) return tail.end;
      return figure(scan, figStart, tail.end, 'duration', value, tail.unit, qText, null, rangeEnd >= 0 ? 'duration-range' : 'duration');
    }
    return figure(scan, figStart, tail.end, tail.kind, value, tail.unit, qText, null, tail.rule);
  }
  const hyphen = hyphenDuration(text, end);
  if (hyphen) return figure(scan, start, hyphen.end, 'duration', value, hyphen.unit, null, null, 'duration-adjective');
  if (text[end] === '-') return skipToken(text, end);

  if (num.plain && rangeEnd < 0 && num.value >= 1000 && num.value <= 2199 && end - start === 4) {
    if (text[end] === 's' || text[end] === '’' || text[end] === "'") return skipToken(text, end);
    const prev = previousWord(scan, start);
    if ((isYearLike(num.value) && !qualifier) || (prev && YEAR_CONTEXT.has(prev.word))) {
      return figure(scan, start, end, 'year', num.value, 'year', null, null, 'year');
    }
  }
  if (num.plain && range && range.second.plain && Array.isArray(value) && isYearLike(value[0]) && isYearLike(value[1])
    && num.end - start === 4) {
    return figure(scan, figStart, end, 'year', value, 'year', qText, null, 'year-range');
  }
  if (Array.isArray(value) && num.plain && value[0] >= 1000 && /^\d\d$/.test(text.slice(num.end + 1, end)) && end - num.end === 3) {
    const century = Math.floor(value[0] / 100) * 100;
    return figure(scan, start, end, 'year', [value[0], century + Number(text.slice(end - 2, end))], 'year', null, null, 'year-range');
  }
  const singular = !Array.isArray(value) && value === 1;
  const allowOf = first.scaled;
  if (mayBeMultiplier(text, end) && MULTIPLIER.test(text.slice(end, end + 8))) return end;
  const phrase = countedPhrase(text, end, singular, allowOf);
  if (phrase) {
    return figure(scan, figStart, phrase.end, 'count', value, 'count', qText, phrase.counted, 'count-noun');
  }
  if (first.scaled || qualifier) return figure(scan, figStart, end, 'count', value, 'count', qText, null, 'count-bare');
  return end;
}

/**
 * Whether MULTIPLIER can match in the 8 code units at `at`: spaces (at most MAX_GAP fit before `fold`) and a `t` or an
 * `f`. Most numbers are followed by neither, and the text is then not cut for the regex.
 */
function mayBeMultiplier(text: string, at: number): boolean {
  const gap = gapLength(text, at);
  const c = text.charCodeAt(at + gap) | 32;
  return gap > 0 && (c === 0x74 || c === 0x66);
}

/** A value (a number, a range, or null) times `f`. */
function scaleValue(value: Value, f: number): Value {
  return Array.isArray(value) ? [value[0] * f, value[1] * f] as const : typeof value === 'number' ? value * f : value;
}

/** Four-digit numbers read as years without further context (`in 2019`, `the 2017 Tax Cuts`). */
function isYearLike(n: number): boolean {
  return Number.isInteger(n) && n >= 1800 && n <= 2100;
}

/** A unit glued to the number (`155mm`, `2°C`), with the qualifier before it. */
function quantityFigure(scan: Scan, start: number, num: Num, tail: Tail): Figure {
  const qual = qualifierBefore(scan, start);
  const bound = qual && qual.text !== 'between' ? qual : null;
  return figure(scan, bound ? bound.start : start, tail.end, tail.kind, num.value * tail.factor, tail.unit, bound ? bound.text : null,
    null, 'quantity-attached');
}

/** A number written in words (`two nations`, `a thousand jobs`, `seven-year`, `Thirty years`). */
function words(scan: Scan, p: number): Outcome {
  const text = scan.text;
  const num = readWords(text, p);
  if (!num) return p + 1;
  if (num.ordinal) return ordinalWord(scan, p, '', num.value, num.end);
  let start = p;
  const firstLower = VOCABULARY.lower(text, p, p + alphaLength(text, p));
  if (SCALES.has(firstLower) || firstLower === 'dozen') {
    const leadA = A_BEFORE.exec(text.slice(Math.max(scan.lastEnd, p - 6), p));
    if (!leadA) return num.end;
    start = p - (leadA[0].length - leadA[0].trimEnd().length) - leadA[1].length;
  }
  const nextLength = text.charCodeAt(num.end) === 0x2d ? alphaLength(text, num.end + 1) : 0;
  if (nextLength > 0) {
    const nextLower = VOCABULARY.find(text, num.end + 1, num.end + 1 + nextLength) ?? '';
    if (/^(?:thirds?|quarters?|fifths?|tenths?)$/.test(nextLower)) return fractionWords(scan, p, num.value, nextLower, num.end + 1 + nextLower.length);
    const hyphen = hyphenDuration(text, num.end);
    if (hyphen) return figure(scan, p, hyphen.end, 'duration', num.value, hyphen.unit, null, null, 'duration-adjective');
    return skipToken(text, num.end);
  }
  // The word after the number (over a gap): `afterLength` 0 when there is none. It is only compared with vocabulary
  // words, so any other word is read as '' (and not cut out).
  const gap = gapLength(text, num.end);
  const afterLength = gap > 0 ? alphaLength(text, num.end + gap) : 0;
  const afterLower = afterLength > 0 ? VOCABULARY.find(text, num.end + gap, num.end + gap + afterLength) ?? '' : '';
  if (/^(?:thirds|quarters|fifths|tenths|third|quarter)$/.test(afterLower) && num.value < 10) {
    return fractionWords(scan, p, num.value, afterLower, num.end + gap + afterLower.length);
  }
  if (num.value === 1 && !num.scaled) {
    const prev = previousWord(scan, p);
    if (prev && ONE_PRONOUN_BEFORE.has(prev.word)) return num.end;
    if (ONE_NOT_COUNT.has(afterLower) || afterLength === 0) return num.end;
    if (gap > 0 && CARDINALS.has(afterLower) && text[num.end + gap + afterLower.length] === '-') {
      return figure(scan, p, num.end, 'count', 1, 'count', qualifierBefore(scan, p)?.text ?? null, null, 'count-before-figure');
    }
  }
  const outcome = amount(scan, start, num, null, 'money-word', true);
  if (typeof outcome !== 'number') return outcome;
  if (!num.scaled && num.value >= 2) {
    const prev = previousWord(scan, p);
    if (prev && prev.word === 'the' && afterLength === 0) {
      return figure(scan, p, num.end, 'count', num.value, 'count', null, null, 'count-elliptical');
    }
    const elliptical = afterLength > 0
      && (ELLIPTICAL_NEXT.has(afterLower) || endsWithAny(text, num.end + gap, num.end + gap + afterLength, PAST_ENDINGS));
    if (prev && prev.word === 'the' && elliptical) {
      return figure(scan, p, num.end, 'count', num.value, 'count', null, null, 'count-elliptical');
    }
  }
  return Math.max(outcome, num.end);
}

/** `two thirds`, `one-third`, `three quarters` → percent. */
function fractionWords(scan: Scan, p: number, n: number, word: string, end: number): Outcome {
  const base = word.replace(/s$/, '');
  const d = base === 'third' ? 3 : base === 'quarter' ? 4 : base === 'fifth' ? 5 : 10;
  const qual = qualifierBefore(scan, p);
  return figure(scan, qual ? qual.start : p, end, 'percent', (100 * n) / d, 'percent', qual?.text ?? null, null, 'fraction');
}

/** `almost half`, `half of`, `a quarter of a century`, `a quarter of`. */
function fraction(scan: Scan, p: number, word: 'half' | 'quarter'): Outcome {
  const text = scan.text;
  const end = p + word.length;
  const prev = previousWord(scan, p);
  const qual = qualifierBefore(scan, p);
  const of = stickyAt(OF_WORD, text, end);
  if (word === 'quarter') {
    if (!prev || (prev.word !== 'a' && prev.word !== 'one')) return end;
    const startQ = prev.start;
    const q2 = qualifierBefore(scan, startQ);
    if (of) {
      const rest = stickyAt(new RegExp(`(?:an?|the)${HS}+(century|decade|year)(?![A-Za-z])`, 'iy'), text, end + of[0].length);
      if (rest) {
        const unit = TIME_UNITS.get(rest[1].toLowerCase()) ?? 'years';
        return figure(scan, q2 ? q2.start : startQ, end + of[0].length + rest[0].length, 'duration', 0.25, unit, q2?.text ?? null, null, 'duration-fraction');
      }
      return figure(scan, q2 ? q2.start : startQ, end, 'percent', 25, 'percent', q2?.text ?? null, null, 'fraction');
    }
    return end;
  }
  if (prev && /^(?:first|second|last|the|a|one|and|behalf)$/.test(prev.word)) return end;
  const rest = stickyAt(new RegExp(`${HS}+an?${HS}+(century|decade|year)(?![A-Za-z])`, 'iy'), text, end);
  if (rest) {
    const unit = TIME_UNITS.get(rest[1].toLowerCase()) ?? 'years';
    return figure(scan, qual ? qual.start : p, end + rest[0].length, 'duration', 0.5, unit, qual?.text ?? null, null, 'duration-fraction');
  }
  if (qual || of || stickyAt(new RegExp(`${HS}+the(?![A-Za-z])`, 'iy'), text, end)) {
    return figure(scan, qual ? qual.start : p, end, 'percent', 50, 'percent', qual?.text ?? null, null, 'fraction');
  }
  return end;
}

/** `hundreds of schools`, `Hundreds of thousands of Americans`, `billions of dollars`: vague magnitudes. */
function vague(scan: Scan, p: number, hit: string): Outcome {
  const text = scan.text;
  let end = p + hit.length;
  for (let chain = stickyAt(VAGUE_CHAIN, text, end), n = 0; chain && n < 4; chain = stickyAt(VAGUE_CHAIN, text, end), n++) {
    end += chain[0].length;
  }
  const of = stickyAt(OF_WORD, text, end);
  if (!of) return end;
  const qualifier = `${hit.toLowerCase()} of`;
  const afterOf = end + of[0].length;
  const tail = readTail(text, afterOf - 1, true);
  if (tail && (tail.kind === 'money' || tail.kind === 'quantity' || tail.kind === 'duration')) {
    return figure(scan, p, tail.end, tail.kind, null, tail.unit, qualifier, null, `${tail.kind}-vague`);
  }
  const phrase = countedPhrase(text, afterOf - 1, false, false);
  if (!phrase) return end;
  return figure(scan, p, phrase.end, 'count', null, 'count', qualifier, phrase.counted, 'count-vague');
}

/** A currency sign or code at `p`, followed by an amount. */
function money(scan: Scan, p: number, after: number, currency: string, rule: string): Outcome {
  const text = scan.text;
  if (rule === 'money-code' && p > 0 && isLetter(text.charCodeAt(p - 1))) return after;
  let at = after;
  for (let n = 0; n < 2 && /[^\S\r\n]/.test(text[at] ?? ''); n++) at++;
  if (!isDigit(text.charCodeAt(at))) return after;
  const num = readDigits(text, at);
  if (typeof num === 'number') return num;
  let end = num.end;
  let value = num.value;
  let scaled = num.scaled;
  if (!scaled && /^[mMkK](?![A-Za-z])/.test(text.slice(end, end + 2))) {
    value *= text[end] === 'm' || text[end] === 'M' ? 1e6 : 1e3;
    end += 1;
    scaled = true;
  }
  if (text[end] === ':' || text[end] === '/') return skipToken(text, end);
  return amount(scan, p, { ...num, value, end, scaled }, currency, rule);
}

/** `17 January 2018`, `20 March`. */
function dayFirst(scan: Scan, p: number, num: Num): Figure | null {
  const text = scan.text;
  const gap = gapLength(text, num.end);
  if (gap === 0) return null;
  const at = num.end + gap;
  const ml = monthWordLength(text, at);
  if (ml === 0) return null;
  const month = monthNumber(text, at, ml);
  if (month === undefined) return null;
  const dot = text.charCodeAt(at + ml) === 0x2e;
  let end = at + ml + (dot ? 1 : 0);
  const yGap = stickyAt(COMMA_GAP, text, end);
  const year = yGap ? stickyAt(YEAR_NUMBER, text, end + yGap[0].length) : null;
  if (year) {
    end += (yGap?.[0].length ?? 0) + 4;
    if (!validDay(Number(year[1]), month, num.value)) return null;
    return figure(scan, p, end, 'date', isoString(Number(year[1]), month, num.value), 'date', null, null, 'date-dmy');
  }
  if (dot) end -= 1;
  if (!validDay(scan.pubYear || 2000, month, num.value)) return null;
  return figure(scan, p, end, 'date', inferred(scan, month, num.value), 'date', null, null, 'date-day-month');
}

/**
 * Length of a capitalised word that may be a month at `at` (a capital and 2 to 8 small letters, `[A-Z][a-z]{2,8}`),
 * or 0 when there is none. The callers take a point right after it as an abbreviation's (`Jan.`).
 */
function monthWordLength(text: string, at: number): number {
  if (!isUpper(text.charCodeAt(at))) return 0;
  let k = 1;
  while (k < 9 && isLower(text.charCodeAt(at + k))) k++;
  return k >= 3 ? k : 0;
}

/** The month number of the word at..at + length, or undefined when it names no month. */
function monthNumber(text: string, at: number, length: number): number | undefined {
  // Every month name is in the vocabulary: a word that is not names no month and is not cut to find out.
  const word = VOCABULARY.find(text, at, at + length);
  return word === undefined ? undefined : MONTHS.get(word);
}

/** `January 2020`, `March 20`, `August 1, 2022`. Month-only mentions are not figures. */
function monthFirst(scan: Scan, p: number): Outcome {
  const text = scan.text;
  const ml = monthWordLength(text, p);
  if (ml === 0) return p + 1;
  const month = monthNumber(text, p, ml);
  const wordEnd = p + ml + (text.charCodeAt(p + ml) === 0x2e ? 1 : 0);
  if (month === undefined) return wordEnd;
  const gap = gapLength(text, wordEnd);
  if (gap === 0) return wordEnd;
  const at = wordEnd + gap;
  const year = stickyAt(YEAR_NUMBER, text, at);
  if (year) {
    const y = Number(year[1]);
    if (y < 1000 || y > 2199) return wordEnd;
    return figure(scan, p, at + 4, 'date', `${y}-${pad(month)}`, 'date', null, null, 'date-month-year');
  }
  const day = stickyAt(DAY_NUMBER, text, at);
  if (!day) return wordEnd;
  const d = Number(day[1]);
  let end = at + day[0].length;
  const yGap = stickyAt(COMMA_GAP, text, end);
  const y2 = yGap ? stickyAt(YEAR_NUMBER, text, end + yGap[0].length) : null;
  if (y2 && validDay(Number(y2[1]), month, d)) {
    end += (yGap?.[0].length ?? 0) + 4;
    return figure(scan, p, end, 'date', isoString(Number(y2[1]), month, d), 'date', null, null, 'date-mdy');
  }
  if (!validDay(scan.pubYear || 2000, month, d)) return end;
  return figure(scan, p, end, 'date', inferred(scan, month, d), 'date', null, null, 'date-month-day');
}

function rfcDate(scan: Scan, p: number): Outcome {
  const m = stickyAt(RFC822, scan.text, p);
  if (!m) return p + 4;
  const month = MONTHS.get(m[2].toLowerCase()) ?? 1;
  const date = isoString(Number(m[3]), month, Number(m[1]));
  const end = p + m[0].length;
  if (m[4] === undefined) return figure(scan, p, end, 'date', date, 'date', null, null, 'date-rfc822');
  const zone = m[7] ? `${m[7]}${m[8]}:${m[9]}` : '+00:00';
  return figure(scan, p, end, 'date', `${date}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`, 'datetime', null, null, 'date-rfc822');
}

function isoDate(scan: Scan, p: number, m: RegExpExecArray): Outcome {
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const end = p + m[0].length;
  if (!validDay(y, mo, d)) return end;
  const date = isoString(y, mo, d);
  if (m[4] === undefined) return figure(scan, p, end, 'date', date, 'date', null, null, 'date-iso');
  const zone = m[7] === undefined ? '' : m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(-2)}`;
  return figure(scan, p, end, 'date', `${date}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`, 'datetime', null, null, 'date-iso');
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
function isoString(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}
/** Days per month in a leap year: February 29 is accepted without checking the year. */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function validDay(y: number, m: number, d: number): boolean {
  return y >= 1000 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= MONTH_DAYS[m - 1];
}
/** A day and month without a year: the publication year, or the ISO 8601 year-less form `--MM-DD`. */
function inferred(scan: Scan, month: number, day: number): string {
  return scan.pubYear ? isoString(scan.pubYear, month, day) : `--${pad(month)}-${pad(day)}`;
}

/** `25th`, `10th` (never `1st`: like `first`, too polysemous). */
function ordinalDigits(scan: Scan, p: number, value: number, end: number): Outcome {
  const text = scan.text;
  if (isLetter(text.charCodeAt(end)) || isDigit(text.charCodeAt(end))) return skipToken(text, end);
  const np = ordinalCounted(text, end);
  return figure(scan, p, end, 'ordinal', value, 'ordinal', null, np, 'ordinal-digits');
}

/** `seventeenth`, `fourth-largest`, `the second significant …`; not discourse (`Second, …`) nor fixed terms. */
function ordinalWord(scan: Scan, p: number, lower: string, value: number, end: number): Outcome {
  const text = scan.text;
  if (isLetter(text.charCodeAt(end))) return end;
  const next = text[end];
  const prev = previousWord(scan, p);
  const capital = isUpper(text.charCodeAt(p));
  if (next === ',' || next === ';' || next === ':' || next === ')' || next === '.') {
    if (!prev || !/^(?:the|its|their|our|his|her|a|this|my|your)$/.test(prev.word)) return end;
  }
  if (lower === 'second' || lower === 'third') {
    if (prev && (prev.word === 'a' || prev.word === 'one') && stickyAt(OF_WORD, text, end) && lower === 'third') {
      const q = qualifierBefore(scan, prev.start);
      return figure(scan, q ? q.start : prev.start, end, 'percent', 100 / 3, 'percent', q?.text ?? null, null, 'fraction');
    }
    if (lower === 'second' && prev && (prev.word === 'a' || prev.word === 'one' || prev.word === 'per' || prev.word === 'every' || prev.word === 'split')) return end;
    if (lower === 'second' && prev && CARDINALS.has(prev.word)) return end;
  }
  const gap = gapLength(text, end);
  const wl = gap > 0 ? wordLength(text, end + gap) : 0;
  if (wl > 0) {
    const w = end + gap;
    // The word (its first part when hyphenated) is only compared with vocabulary words: any other is read as ''.
    let hyphen = w;
    while (hyphen < w + wl && text.charCodeAt(hyphen) !== 0x2d) hyphen++;
    const nextWord = VOCABULARY.find(text, w, hyphen) ?? '';
    if (ORDINAL_FIXED_NEXT.has(nextWord)) return end;
    if (isUpper(text.charCodeAt(w)) && !/^(?:[A-Z]\.){2,}$/.test(text.slice(w, w + wl))) return end;
    if (nextWord === 'to' && hyphen === w + wl && /^to\s+none/i.test(text.slice(w, end + 12))) return end;
  }
  if (next === '-' && /^-(?:hand|class|rate|tier|guess)/i.test(text.slice(end, end + 7))) return end;
  if (capital && wl === 0 && next !== '-') return end;
  return figure(scan, p, end, 'ordinal', value, 'ordinal', null, ordinalCounted(text, end), lower ? 'ordinal-word' : 'ordinal-compound');
}

/** The words an ordinal ranks (`anniversary`, `largest lake`), for hovers; null when none follow. */
function ordinalCounted(text: string, end: number): string | null {
  let at = end;
  if (text[at] === '-') at++;
  else {
    const g = gapLength(text, at);
    if (g === 0) return null;
    at += g;
  }
  const parts: string[] = [];
  for (let n = 0; n < 3; n++) {
    const wl = wordLength(text, at);
    if (wl === 0) break;
    // Only compared with vocabulary words: any other word is read as '' (and not cut out).
    const lower = VOCABULARY.find(text, at, at + wl) ?? '';
    if (NP_STOP.has(lower)) break;
    parts.push(text.slice(at, at + wl));
    at += wl;
    if (!/^(?:largest|biggest|largest|most|highest|greatest|leading|consecutive|annual|successive)$/.test(lower)) break;
    const g = gapLength(text, at);
    if (g === 0) break;
    at += g;
  }
  return parts.length ? parts.join(' ') : null;
}
