import { CONNECTORS } from './lexicon';
import { isHSpace, isLower, isUpper, isWordChar } from './text';

/** How a capitalised token is joined to the one before it. */
export const Gap = { Break: 0, Space: 1, Hyphen: 2, Connector: 3, Comma: 4 } as const;
export type GapKind = (typeof Gap)[keyof typeof Gap];

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
  readonly gap: Uint8Array;
  /** Connector words between token i-1 and i, for the tokens i with `gap[i] === Gap.Connector` (`of the`). */
  readonly conn: ReadonlyMap<number, string>;
  /** Whether token i carried a possessive ending (it then ends any name). */
  readonly possessive: Uint8Array;
}

/** First character of a token; the regex engine skips the text between tokens far faster than a JavaScript loop. */
const CAP_START = /[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0400-\u042F]/g;
const DOTTED_ABBREV = /^(?:[A-Z]\.){1,4}[A-Z]?$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Col|Prof|Hon|Messrs|MR|MRS|MS|DR)\.$/;
/** Longest token DOTTED_ABBREV can accept (`A.B.C.D.`): longer ones are not tested, so no string is cut for them. */
const MAX_ABBREV = 9;

/** Characters after a token's first one: letters, digits, `'`, `’`, `.` and `&`. */
function isTokenChar(c: number): boolean {
  if (c < 0x80) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 0x27 || c === 0x2e || c === 0x26;
  }
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x400 && c <= 0x4ff) || c === 0x2019;
}

/**
 * Tokenises the capitalised words of `text`. Linear: one scan plus constant work per token. Words are interned
 * through a hash table over their code units, so a word seen before costs no new string.
 */
export function tokenize(text: string): Tokens {
  let cap = 1024;
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let ids = new Int32Array(cap);
  let gap = new Uint8Array(cap);
  let poss = new Uint8Array(cap);
  const conn = new Map<number, string>();
  const vocab: string[] = [];
  // Open addressing: slot holds id + 1 (0 = empty); kept at most half full.
  let slots = new Int32Array(1 << 12);
  const hashes: number[] = [];
  let n = 0;
  let prevEnd = -100;
  let prevFullEnd = -100;
  let prevPoss = false;
  const len = text.length;
  CAP_START.lastIndex = 0;
  while (CAP_START.test(text)) {
    const s = CAP_START.lastIndex - 1;
    let e = s + 1;
    while (e < len && isTokenChar(text.charCodeAt(e))) e++;
    CAP_START.lastIndex = e;
    if (s > 0) {
      const p = text.charCodeAt(s - 1);
      if (isWordChar(p) || ((p === 0x27 || p === 0x2019) && s > 1 && isWordChar(text.charCodeAt(s - 2)))) continue;
    }
    const fullEnd = e;
    let possessive = false;
    // Trailing punctuation is sentence punctuation unless the token is a dotted abbreviation or an initial.
    while (e > s + 1) {
      const c = text.charCodeAt(e - 1);
      if (c === 0x2e) {
        if (e - s === 2 || (e - s <= MAX_ABBREV && DOTTED_ABBREV.test(text.slice(s, e)))) break;
        e--;
      } else if (c === 0x27 || c === 0x2019 || c === 0x26) {
        e--;
        possessive = c !== 0x26;
      } else break;
    }
    if (e - s > 3) {
      const c1 = text.charCodeAt(e - 1);
      const c2 = text.charCodeAt(e - 2);
      if ((c1 === 0x73 || c1 === 0x53) && (c2 === 0x27 || c2 === 0x2019)) {
        e -= 2;
        possessive = true;
      }
    }
    if (n === cap) {
      cap *= 2;
      const ns = new Int32Array(cap); ns.set(start); start = ns;
      const ne = new Int32Array(cap); ne.set(end); end = ne;
      const ni = new Int32Array(cap); ni.set(ids); ids = ni;
      const ng = new Uint8Array(cap); ng.set(gap); gap = ng;
      const np = new Uint8Array(cap); np.set(poss); poss = np;
    }
    start[n] = s;
    end[n] = e;
    poss[n] = possessive ? 1 : 0;

    let h = 0x811c9dc5;
    for (let k = s; k < e; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    let mask = slots.length - 1;
    let slot = h & mask;
    let id = -1;
    for (;;) {
      const v = slots[slot];
      if (v === 0) break;
      if (hashes[v - 1] === h && sameWord(vocab[v - 1], text, s, e)) { id = v - 1; break; }
      slot = (slot + 1) & mask;
    }
    if (id < 0) {
      id = vocab.length;
      vocab.push(text.slice(s, e));
      hashes.push(h);
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
        for (let i = prevEnd; i < s; i++) if (!isHSpace(text.charCodeAt(i))) { allSpace = false; break; }
        if (allSpace) g = gl <= 3 ? Gap.Space : Gap.Break;
        else if (text.charCodeAt(prevEnd) === 0x2c && gl <= 3 && isHSpace(text.charCodeAt(prevEnd + 1))) g = Gap.Comma;
        else {
          const cw = connectorWords(text, prevEnd, s);
          if (cw !== null) { g = Gap.Connector; conn.set(n, cw); }
        }
      }
    }
    gap[n] = g;
    n++;
    prevEnd = e;
    prevFullEnd = fullEnd;
    prevPoss = possessive;
  }
  return { n, start, end, id: ids, vocab, gap, conn, possessive: poss };
}

function sameWord(w: string, text: string, s: number, e: number): boolean {
  if (w.length !== e - s) return false;
  for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) !== text.charCodeAt(s + k)) return false;
  return true;
}

/** Length of the longest connector word. */
const MAX_CONNECTOR = Math.max(...[...CONNECTORS].map((w) => w.length));

/** `of the` for a gap made of spaces and connector words only, else null. */
function connectorWords(text: string, from: number, to: number): string | null {
  let i = from;
  let out = '';
  let words = 0;
  while (i < to) {
    const sp = i;
    while (i < to && isHSpace(text.charCodeAt(i))) i++;
    if (i === sp) return null;
    if (i === to) break;
    const ws = i;
    while (i < to && !isHSpace(text.charCodeAt(i))) i++;
    // Most gaps hold ordinary words (`said that the`): a word longer than any connector is refused without a cut.
    if (i - ws > MAX_CONNECTOR) return null;
    const w = text.slice(ws, i);
    if (!CONNECTORS.has(w)) return null;
    out = out ? `${out} ${w}` : w;
    words++;
  }
  return words > 0 && words <= 3 ? out : null;
}

/** Whether a token is written entirely in capitals (`BLINKEN`, `AMERICA`). */
export function isAllCaps(w: string): boolean {
  let letters = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isLower(c)) return false;
    if (isUpper(c)) letters++;
  }
  return letters >= 2;
}

/** `BLINKEN` → `Blinken`. */
export function titleCase(w: string): string {
  return w.charAt(0) + w.slice(1).toLowerCase();
}
