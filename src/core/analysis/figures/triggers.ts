import { CARDINALS, CURRENCY_CODES, MONTHS, ORDINALS, VAGUE_SCALES } from './lexicon';

/*
 * The scan for places where a figure can start. It is the only part of the figures detector that reads every code
 * unit of the text, so it is one table-driven automaton: per code unit one class lookup, one transition lookup and
 * one comparison, without branches that depend on the text (about twice as fast as a loop that branches on letters
 * and word boundaries, and on a trie node per letter).
 *
 * A place is a hit when it is
 * - a digit, or a currency sign `$ £ ¥ € ₸ ₽ ₹` (anywhere, also inside a word: `G20` is rejected by the parsers);
 * - the start of a trigger word: its whole run of ASCII letters, in any case, is one of TRIGGER_WORDS, the code unit
 *   before it is no ASCII letter or digit, and the one after it no digit;
 * - the start of an RFC 822 weekday followed by a comma (`Mon,`), or of `US` followed by `$`.
 */

/** Number, ordinal, fraction, vague-magnitude and month words and currency codes (lower-case) that start a figure. */
const TRIGGER_WORDS: readonly string[] = [
  ...CARDINALS.keys(), 'hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen', ...VAGUE_SCALES,
  ...ORDINALS.keys(), 'half', 'quarter', ...[...MONTHS.keys()].filter((m) => m.length > 3 || m === 'may'),
  ...[...CURRENCY_CODES].map((code) => code.toLowerCase()),
];
/** Words that are a hit only before a comma: RFC 822 weekdays (`Mon, 20 Mar 2017`). */
const COMMA_WORDS: readonly string[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Words that are a hit only before a dollar sign (`US$`). */
const DOLLAR_WORDS: readonly string[] = ['us'];

/** Character classes: 0–25 an ASCII letter (either case, by its place in the alphabet), then these. */
const DIGIT = 26;
const DOLLAR = 27;
const CURRENCY = 28;
const COMMA = 29;
const OTHER = 30;
/** Columns per automaton state (classes rounded up to a power of two). */
const COLUMNS = 32;

/** Class of every UTF-16 code unit. */
const CHAR_CLASS = new Uint8Array(65536).fill(OTHER);
for (let k = 0; k < 26; k++) {
  CHAR_CLASS[0x41 + k] = k;
  CHAR_CLASS[0x61 + k] = k;
}
for (let c = 0x30; c <= 0x39; c++) CHAR_CLASS[c] = DIGIT;
CHAR_CLASS[0x24] = DOLLAR;
for (const c of [0xa3, 0xa5, 0x20ac, 0x20b8, 0x20bd, 0x20b9]) CHAR_CLASS[c] = CURRENCY;
CHAR_CLASS[0x2c] = COMMA;

/*
 * Automaton states are row offsets into TRANSITIONS (state number × COLUMNS), so a step is one addition and one load.
 * State 0: after a code unit that is no ASCII letter or digit (a word may start). State 1: inside a word that is no
 * trigger (or after a digit). Every further state is a node of the trie of trigger words: the letters read since the
 * word started. Two transition values are no states but say that a hit was found: HIT_HERE (the current code unit,
 * a digit or currency sign) and HIT_WORD (the word that the current code unit ends, which started DEPTH letters ago;
 * when that code unit is a currency sign, it is the next hit).
 */
const BOUNDARY = 0;
const IN_WORD = COLUMNS;
const HIT_WORD = 0xfffe;
const HIT_HERE = 0xffff;

/** How a trigger word must be followed: by no letter or digit, by a comma, or by a dollar sign. */
const ENDS_WORD = 1;
const ENDS_COMMA = 2;
const ENDS_DOLLAR = 3;

const { transitions: TRANSITIONS, depth: DEPTH, endsWord: ENDS_AT_TEXT_END } = buildAutomaton([
  ...TRIGGER_WORDS.map((w) => [w, ENDS_WORD] as const),
  ...COMMA_WORDS.map((w) => [w, ENDS_COMMA] as const),
  ...DOLLAR_WORDS.map((w) => [w, ENDS_DOLLAR] as const),
]);

/**
 * Builds the transition table from (word, how it must end) pairs. `depth[state]` is the length of the word read in a
 * trie state; `endsWord[state]` is 1 where a word ends that is a hit at the end of the text too.
 */
function buildAutomaton(entries: readonly (readonly [string, number])[]): {
  transitions: Uint16Array; depth: Uint8Array; endsWord: Uint8Array;
} {
  // Trie nodes: children[k][letter] is the child node of node k (0: none). Node 0 is the root; node k ≥ 1 is
  // state k + 1.
  const children: number[][] = [new Array<number>(26).fill(0)];
  const ends: number[] = [0];
  const depths: number[] = [0];
  for (const [word, kind] of entries) {
    let k = 0;
    for (let d = 0; d < word.length; d++) {
      const letter = word.charCodeAt(d) - 0x61;
      if (children[k][letter] === 0) {
        children.push(new Array<number>(26).fill(0));
        ends.push(0);
        depths.push(d + 1);
        children[k][letter] = children.length - 1;
      }
      k = children[k][letter];
    }
    ends[k] = kind;
  }
  const states = children.length + 1;
  if (states * COLUMNS >= HIT_WORD) throw new Error('too many trigger word states');
  const transitions = new Uint16Array(states * COLUMNS);
  const depth = new Uint8Array(states * COLUMNS);
  const endsWord = new Uint8Array(states * COLUMNS);
  for (let s = 0; s < states; s++) {
    // Row 0 (BOUNDARY) takes its letters from the trie root, row 1 (IN_WORD) has none, row s ≥ 2 is trie node s − 1.
    const k = s === 0 ? 0 : s - 1;
    const kind = s >= 2 ? ends[k] : 0;
    const row = s * COLUMNS;
    for (let letter = 0; letter < 26; letter++) {
      const child = s === 1 ? 0 : children[k][letter];
      transitions[row + letter] = child === 0 ? IN_WORD : (child + 1) * COLUMNS;
    }
    transitions[row + DIGIT] = HIT_HERE;
    transitions[row + CURRENCY] = kind === ENDS_WORD ? HIT_WORD : HIT_HERE;
    transitions[row + DOLLAR] = kind === ENDS_WORD || kind === ENDS_DOLLAR ? HIT_WORD : HIT_HERE;
    transitions[row + COMMA] = kind === ENDS_WORD || kind === ENDS_COMMA ? HIT_WORD : BOUNDARY;
    transitions[row + OTHER] = kind === ENDS_WORD ? HIT_WORD : BOUNDARY;
    if (s >= 2) depth[row] = depths[k];
    if (kind === ENDS_WORD) endsWord[row] = 1;
  }
  return { transitions, depth, endsWord };
}

/**
 * Index of the first hit at or after `i`, or `n` (the text length) when there is none. Which places are hits depends
 * on the text only, never on where the search starts: a search that starts inside a word does not see a word start.
 */
export function nextHit(text: string, i: number, n: number): number {
  let state = i > 0 && CHAR_CLASS[text.charCodeAt(i - 1)] <= DIGIT ? IN_WORD : BOUNDARY;
  for (; i < n; i++) {
    const next = TRANSITIONS[state + CHAR_CLASS[text.charCodeAt(i)]];
    if (next >= HIT_WORD) return next === HIT_HERE ? i : i - DEPTH[state];
    state = next;
  }
  return ENDS_AT_TEXT_END[state] === 1 ? n - DEPTH[state] : n;
}

/**
 * Length of the hit at `p`: one code unit for a digit or a currency sign, else the word, with the `$` of `US$` (the
 * only two-letter trigger, and a hit only when the `$` follows).
 */
export function hitLength(text: string, p: number): number {
  if (CHAR_CLASS[text.charCodeAt(p)] >= 26) return 1;
  let e = p + 1;
  while (e < text.length && CHAR_CLASS[text.charCodeAt(e)] < 26) e++;
  return e - p === 2 && text.charCodeAt(e) === 0x24 ? 3 : e - p;
}
