import { CONNECTORS } from './lexicon';
import { C_APOSTROPHE, C_HSPACE, C_LOWER, C_TOKEN, C_UPPER, C_WORD, CHAR_CLASS, WordSet } from './text';

/** How a capitalised token is joined to the one before it. */
export const Gap = { Break: 0, Space: 1, Hyphen: 2, Connector: 3, Comma: 4 } as const;
export type GapKind = (typeof Gap)[keyof typeof Gap];

/**
 * What the code units around a token are (bits of `Tokens.edges`), noted while the tokeniser reads them: a detector
 * testing them later need not go back to the text, by then often out of the processor's caches.
 */
export const Edge = {
  /** The code unit before `start` is a horizontal space (`isHSpace`). */
  SpaceBefore: 1,
  /** The code unit at `end` is a horizontal space. */
  SpaceAfter: 2,
  /** The code unit at `end` is `.`. */
  StopAfter: 4,
  /** The code unit at `end` is `,`. */
  CommaAfter: 8,
  /** `end` is the end of the text or holds `.`, `,`, `;` or a line break. */
  ClauseEndAfter: 16,
} as const;

/**
 * The capitalised tokens of a text in parallel arrays (no object per token): a token starts with an upper-case
 * letter and runs over letters, digits, `.`, `&` and apostrophes; a trailing sentence full stop and a possessive
 * `'s`/`’s` are left out of `end`. Runs of tokens joined by spaces, hyphens or connector words (`of the`) make up
 * multi-word names.
 */
export interface Tokens {
  readonly n: number;
  readonly start: Int32Array;
  /** End without the possessive ending. */
  readonly end: Int32Array;
  /**
   * Id of token i's word in `vocab` (the word is `vocab[id[i]]`): equal words share one id, so a detector can decide
   * a property once per distinct word (300,000 capitalised tokens hold about 30,000 distinct ones) and look it up.
   */
  readonly id: Int32Array;
  /** The distinct words, by id. */
  readonly vocab: readonly string[];
  /** `fnv1a` of each distinct word, by id (the array may run past the last id). */
  readonly hash: Int32Array;
  readonly gap: Uint8Array;
  /**
   * The connector words between token i-1 and i as a number, for the tokens i with `gap[i] === Gap.Connector`, 0 for
   * the others: `connectorPhrase(connCode[i])` is the phrase (`of the`). Detectors compare and look up phrases by code
   * in hot loops instead of reading a map and splitting strings.
   */
  readonly connCode: Uint16Array;
  /** Whether token i carried a possessive ending (it then ends any name). */
  readonly possessive: Uint8Array;
  /** Edge bits of token i. */
  readonly edges: Uint8Array;
}

/**
 * First character of a token (`isUpper`, C_UPPER); the regex engine skips the text between tokens far faster than a
 * JavaScript loop.
 */
const CAP_START = /[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0400-\u042F]/g;
/** How many characters after a token are looked at for the next one before CAP_START is run. */
const NEAR = 3;
/** Abbreviations whose full stop belongs to the token (`Mr.`), without the stop. */
const ABBREVIATIONS = new WordSet(['Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Jr', 'Sr', 'Gen', 'Sen', 'Rep', 'Gov', 'Col', 'Prof', 'Hon', 'Messrs', 'MR', 'MRS', 'MS', 'DR']);

/**
 * Whether `text.slice(s, e)`, which ends with a full stop, is a dotted abbreviation: one to four capitals each followed
 * by a stop (`U.S.`, `A.B.C.D.`) or an abbreviation of ABBREVIATIONS (`Mr.`). Read in place, no string is cut.
 */
function isDottedAbbreviation(text: string, s: number, e: number): boolean {
  const len = e - s;
  if (len <= 8 && len % 2 === 0) {
    let k = s;
    while (k < e) {
      const c = text.charCodeAt(k);
      if (c < 65 || c > 90 || text.charCodeAt(k + 1) !== 0x2e) break;
      k += 2;
    }
    if (k === e) return true;
  }
  return ABBREVIATIONS.hasAt(text, s, e - 1);
}

/**
 * Connector phrases by code. A phrase of up to three connector words is coded in base 32 from the words' indices in
 * CONNECTOR_LIST plus one (`of the` = (1 + index of `of`) × 32 + 1 + index of `the`), so the tokeniser reads a gap
 * into a number without cutting a string, and the phrase's string is built once per process.
 */
const CONNECTOR_LIST: readonly string[] = [...CONNECTORS];
const PHRASES: string[] = [];
const PHRASE_WORDS: (readonly string[])[] = [];
/** Connector index + 1 by the word's ASCII code units (`c0 | c1 << 7 | c2 << 14`, none of them 0). */
const CONNECTOR_KEY = new Map<number, number>();
for (let k = 0; k < CONNECTOR_LIST.length; k++) {
  const w = CONNECTOR_LIST[k];
  let key = 0;
  for (let i = 0; i < w.length; i++) key |= w.charCodeAt(i) << (7 * i);
  CONNECTOR_KEY.set(key, k + 1);
}
/** Length of the longest connector word. */
const MAX_CONNECTOR = Math.max(...CONNECTOR_LIST.map((w) => w.length));

/** The connector phrase (`of the`) of a code from `Tokens.connCode`; '' for 0. */
export function connectorPhrase(code: number): string {
  if (code === 0) return '';
  return PHRASES[code] ?? makePhrase(code);
}

/** The words of a connector phrase code (`of`, `the`). */
export function connectorPhraseWords(code: number): readonly string[] {
  if (code === 0) return [];
  return PHRASE_WORDS[code] ?? (makePhrase(code), PHRASE_WORDS[code]);
}

function makePhrase(code: number): string {
  const words: string[] = [];
  for (let c = code; c > 0; c >>= 5) words.unshift(CONNECTOR_LIST[(c & 31) - 1]);
  const phrase = words.join(' ');
  PHRASES[code] = phrase;
  PHRASE_WORDS[code] = words;
  return phrase;
}

/**
 * Tokenises the capitalised words of `text`. Linear: one scan plus constant work per token. Words are interned
 * through a hash table over their code units, so a word seen before costs no new string. Character classes come
 * from CHAR_CLASS (`text.charCodeAt` past the end gives NaN, whose table entry is undefined: no class).
 */
export function tokenize(text: string): Tokens {
  const cls = CHAR_CLASS;
  // About one capitalised token per 40 characters in running text: the arrays rarely need to grow (see below).
  let cap = Math.max(1024, text.length >> 5);
  let start: Int32Array = new Int32Array(cap);
  let end: Int32Array = new Int32Array(cap);
  let ids: Int32Array = new Int32Array(cap);
  let gap: Uint8Array = new Uint8Array(cap);
  let poss: Uint8Array = new Uint8Array(cap);
  let edges: Uint8Array = new Uint8Array(cap);
  let connCode: Uint16Array = new Uint16Array(cap);
  const vocab: string[] = [];
  // Open addressing: slot holds id + 1 (0 = empty); kept at most half full. The words' code units are also kept
  // end to end in `pool` (word k from poolStart[k] to poolStart[k + 1]): a candidate is compared there, in a small
  // typed array, rather than in its string. The tables are sized from the text (about one distinct word per 1,000
  // characters of running text, of under 10 characters) so they rarely grow: a growth met for the first time after
  // the loop was optimised would send it back to the interpreter, which a cold run pays.
  const words = Math.max(1 << 11, text.length >> 9);
  let slots = new Int32Array(pow2AtLeast(words * 2));
  let hashes: Int32Array = new Int32Array(words);
  let poolStart: Int32Array = new Int32Array(words);
  let pool: Uint16Array = new Uint16Array(words * 8);
  let poolEnd = 0;
  let n = 0;
  let prevEnd = -100;
  let prevFullEnd = -100;
  let prevPoss = false;
  const len = text.length;
  /** Where the search for the next token's first character starts. */
  let next = 0;
  for (;;) {
    // The next capital often stands within a few characters (`Vladimir Putin`, `Kassym-Jomart`, `Tokayev, Putin`):
    // they are looked at first, and the regex (a call that costs more than a short loop) runs only if none is one.
    let s = -1;
    const near = Math.min(next + NEAR, len);
    for (let k = next; k < near; k++) {
      if ((cls[text.charCodeAt(k)] & C_UPPER) !== 0) {
        s = k;
        break;
      }
    }
    if (s < 0) {
      CAP_START.lastIndex = near;
      if (!CAP_START.test(text)) break;
      s = CAP_START.lastIndex - 1;
    }
    // The word's FNV-1a hash is taken while its end is found (it is taken again only if the end moves back), and its
    // first code units are copied to `scratch`, where the interning compares them.
    const c0 = text.charCodeAt(s);
    let h = Math.imul(0x811c9dc5 ^ c0, 0x01000193);
    scratch[0] = c0;
    let e = s + 1;
    let c = text.charCodeAt(e);
    while ((cls[c] & C_TOKEN) !== 0) {
      h = Math.imul(h ^ c, 0x01000193);
      if (e - s < SCRATCH) scratch[e - s] = c;
      c = text.charCodeAt(++e);
    }
    next = e;
    // Inside a word: after a letter or digit, or after an apostrophe that follows one (`don’T`). The code unit two
    // back is read for every token, so the test has no branch that optimised code would meet for the first time.
    const before = s > 0 ? cls[text.charCodeAt(s - 1)] : 0;
    const before2 = s > 1 ? cls[text.charCodeAt(s - 2)] : 0;
    if (((before | ((before & C_APOSTROPHE) !== 0 ? before2 : 0)) & C_WORD) !== 0) continue;
    const fullEnd = e;
    let possessive = false;
    const last = text.charCodeAt(e - 1);
    // Trailing punctuation is sentence punctuation unless the token is a dotted abbreviation or an initial.
    if (last === 0x2e || last === 0x27 || last === 0x2019 || last === 0x26) {
      while (e > s + 1) {
        const c1 = text.charCodeAt(e - 1);
        if (c1 === 0x2e) {
          if (e - s === 2 || isDottedAbbreviation(text, s, e)) break;
          e--;
        } else if (c1 === 0x27 || c1 === 0x2019 || c1 === 0x26) {
          e--;
          possessive = c1 !== 0x26;
        } else break;
      }
    }
    if (e - s > 3) {
      const c1 = text.charCodeAt(e - 1);
      if (c1 === 0x73 || c1 === 0x53) {
        const c2 = text.charCodeAt(e - 2);
        if (c2 === 0x27 || c2 === 0x2019) {
          e -= 2;
          possessive = true;
        }
      }
    }
    if (e !== fullEnd) h = fnv1a(text, s, e);
    if (n === cap) {
      cap *= 2;
      start = grow32(start, cap);
      end = grow32(end, cap);
      ids = grow32(ids, cap);
      gap = grow8(gap, cap);
      poss = grow8(poss, cap);
      edges = grow8(edges, cap);
      const nc = new Uint16Array(cap); nc.set(connCode); connCode = nc;
    }
    start[n] = s;
    end[n] = e;
    poss[n] = possessive ? 1 : 0;
    const a = text.charCodeAt(e);
    let edge = (before & C_HSPACE) !== 0 ? Edge.SpaceBefore : 0;
    if ((cls[a] & C_HSPACE) !== 0) edge |= Edge.SpaceAfter;
    else if (a === 0x2e) edge |= Edge.StopAfter | Edge.ClauseEndAfter;
    else if (a === 0x2c) edge |= Edge.CommaAfter | Edge.ClauseEndAfter;
    else if (e >= len || a === 0x3b || a === 0x0a || a === 0x0d) edge |= Edge.ClauseEndAfter;
    edges[n] = edge;

    let mask = slots.length - 1;
    let slot = h & mask;
    let id = -1;
    for (;;) {
      const v = slots[slot];
      if (v === 0) break;
      if (hashes[v - 1] === h && samePooled(pool, poolStart[v - 1], poolStart[v], text, s, e)) { id = v - 1; break; }
      slot = (slot + 1) & mask;
    }
    if (id < 0) {
      id = vocab.length;
      vocab.push(text.slice(s, e));
      if (id + 1 === hashes.length) {
        hashes = grow32(hashes, hashes.length * 2);
        poolStart = grow32(poolStart, hashes.length);
      }
      hashes[id] = h;
      if (poolEnd + (e - s) > pool.length) {
        const np = new Uint16Array(Math.max(pool.length * 2, poolEnd + (e - s)));
        np.set(pool);
        pool = np;
      }
      for (let k = s; k < e; k++) pool[poolEnd++] = text.charCodeAt(k);
      poolStart[id + 1] = poolEnd;
      slots[slot] = id + 1;
      if (vocab.length * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2);
        mask = slots.length - 1;
        for (let v = 0; v < vocab.length; v++) {
          let sl = hashes[v] & mask;
          while (slots[sl] !== 0) sl = (sl + 1) & mask;
          slots[sl] = v + 1;
        }
      }
    }
    ids[n] = id;

    let g: GapKind = Gap.Break;
    const gl = s - prevFullEnd;
    if (!prevPoss && prevEnd === prevFullEnd && gl > 0 && gl <= 24) {
      if (gl === 1 && text.charCodeAt(prevEnd) === 0x2d) g = Gap.Hyphen;
      else {
        let allSpace = true;
        for (let i = prevEnd; i < s; i++) if ((cls[text.charCodeAt(i)] & C_HSPACE) === 0) { allSpace = false; break; }
        if (allSpace) g = gl <= 3 ? Gap.Space : Gap.Break;
        else if (text.charCodeAt(prevEnd) === 0x2c && gl <= 3 && (cls[text.charCodeAt(prevEnd + 1)] & C_HSPACE) !== 0) g = Gap.Comma;
        else {
          const code = connectorCode(text, prevEnd, s);
          if (code !== 0) {
            g = Gap.Connector;
            connCode[n] = code;
          }
        }
      }
    }
    gap[n] = g;
    n++;
    prevEnd = e;
    prevFullEnd = fullEnd;
    prevPoss = possessive;
  }
  return { n, start, end, id: ids, vocab, hash: hashes, gap, connCode, possessive: poss, edges };
}

function pow2AtLeast(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function grow32(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

function grow8(a: Uint8Array, cap: number): Uint8Array {
  const b = new Uint8Array(cap);
  b.set(a);
  return b;
}

/** FNV-1a over the code units of `text` from s to e: the hash `Tokens.hash` keeps. */
export function fnv1a(text: string, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let k = s; k < e; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

/** Code units copied from the token being read, up to SCRATCH of them: comparing two typed arrays is cheaper. */
const SCRATCH = 32;
const scratch = new Uint16Array(SCRATCH);

/** Whether the pooled word from ps to pe is `text.slice(s, e)`, read from `scratch` when it holds the whole token. */
function samePooled(pool: Uint16Array, ps: number, pe: number, text: string, s: number, e: number): boolean {
  const len = e - s;
  if (pe - ps !== len) return false;
  if (len <= SCRATCH) {
    for (let k = 0; k < len; k++) if (pool[ps + k] !== scratch[k]) return false;
  } else {
    for (let k = 0; k < len; k++) if (pool[ps + k] !== text.charCodeAt(s + k)) return false;
  }
  return true;
}

/**
 * Code of the connector phrase (`of the`) for a gap made of spaces and one to three connector words, else 0. Words
 * are read as code units: a word longer than any connector or with a non-ASCII unit is refused without a cut.
 */
function connectorCode(text: string, from: number, to: number): number {
  let i = from;
  let code = 0;
  let words = 0;
  while (i < to) {
    const sp = i;
    while (i < to && (CHAR_CLASS[text.charCodeAt(i)] & C_HSPACE) !== 0) i++;
    if (i === sp) return 0;
    if (i === to) break;
    const ws = i;
    let key = 0;
    while (i < to && (CHAR_CLASS[text.charCodeAt(i)] & C_HSPACE) === 0) {
      const c = text.charCodeAt(i);
      if (i - ws >= MAX_CONNECTOR || c === 0 || c >= 0x80) return 0;
      key |= c << (7 * (i - ws));
      i++;
    }
    const k = CONNECTOR_KEY.get(key);
    if (k === undefined || words === 3) return 0;
    code = (code << 5) | k;
    words++;
  }
  return words > 0 ? code : 0;
}

/**
 * Whether a token is written entirely in capitals (`BLINKEN`, `AMERICA`). The classes are read from CHAR_CLASS in the
 * loop (`isLower`, `isUpper`): it runs for every distinct word of a text, mostly before it is compiled, and a call per
 * character costs the interpreter more than the test.
 */
export function isAllCaps(w: string): boolean {
  const cls = CHAR_CLASS;
  let letters = 0;
  for (let i = 0; i < w.length; i++) {
    const k = cls[w.charCodeAt(i)];
    if ((k & C_LOWER) !== 0) return false;
    if ((k & C_UPPER) !== 0) letters++;
  }
  return letters >= 2;
}

/** `BLINKEN` → `Blinken`. */
export function titleCase(w: string): string {
  return w.charAt(0) + w.slice(1).toLowerCase();
}
