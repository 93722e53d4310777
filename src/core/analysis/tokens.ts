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
  readonly word: readonly string[];
  readonly gap: Uint8Array;
  /** Connector words between token i-1 and i when `gap[i] === Gap.Connector` (`of the`). */
  readonly conn: readonly (string | null)[];
  /** Whether token i carried a possessive ending (it then ends any name). */
  readonly possessive: Uint8Array;
}

const CAP = /[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0400-\u042F][A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0400-\u04FF'’.&]*/g;
const DOTTED_ABBREV = /^(?:[A-Z]\.){1,4}[A-Z]?$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Col|Prof|Hon|Messrs|MR|MRS|MS|DR)\.$/;

/** Tokenises the capitalised words of `text`. Linear: one regex pass plus constant work per token. */
export function tokenize(text: string): Tokens {
  let cap = 1024;
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let gap = new Uint8Array(cap);
  let poss = new Uint8Array(cap);
  const word: string[] = [];
  const conn: (string | null)[] = [];
  let n = 0;
  let prevEnd = -100;
  let prevFullEnd = -100;
  let prevPoss = false;
  CAP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAP.exec(text)) !== null) {
    const s = m.index;
    let e = s + m[0].length;
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
        const tok = text.slice(s, e);
        if (e - s === 2 || DOTTED_ABBREV.test(tok)) break;
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
      const ng = new Uint8Array(cap); ng.set(gap); gap = ng;
      const np = new Uint8Array(cap); np.set(poss); poss = np;
    }
    start[n] = s;
    end[n] = e;
    poss[n] = possessive ? 1 : 0;
    word.push(text.slice(s, e));
    let g: GapKind = Gap.Break;
    let cw: string | null = null;
    const len = s - prevFullEnd;
    if (!prevPoss && prevEnd === prevFullEnd && len > 0 && len <= 24) {
      if (len === 1 && text.charCodeAt(prevEnd) === 0x2d) g = Gap.Hyphen;
      else {
        let allSpace = true;
        for (let i = prevEnd; i < s; i++) if (!isHSpace(text.charCodeAt(i))) { allSpace = false; break; }
        if (allSpace) g = len <= 3 ? Gap.Space : Gap.Break;
        else if (text.charCodeAt(prevEnd) === 0x2c && len <= 3 && isHSpace(text.charCodeAt(prevEnd + 1))) g = Gap.Comma;
        else {
          cw = connectorWords(text, prevEnd, s);
          if (cw !== null) g = Gap.Connector;
        }
      }
    }
    gap[n] = g;
    conn.push(cw);
    n++;
    prevEnd = e;
    prevFullEnd = fullEnd;
    prevPoss = possessive;
  }
  return { n, start, end, word, gap, conn, possessive: poss };
}

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
