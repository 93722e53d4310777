/** Character helpers shared by the detectors. All positions are UTF-16 code units. */

/**
 * Classes of every UTF-16 code unit as bit flags (the C_* constants): a hot loop tests a class with one table load
 * instead of a chain of range comparisons. C_HSPACE, C_UPPER, C_LOWER and C_WORD are `isHSpace`, `isUpper`, `isLower`
 * and `isWordChar` below; C_HSPACE | C_BREAK is `isSpace`.
 */
export const C_HSPACE = 1;
export const C_UPPER = 2;
export const C_LOWER = 4;
export const C_WORD = 8;
/** A character a capitalised token runs over after its first one (letters, digits, `'`, `’`, `.`, `&`). */
export const C_TOKEN = 16;
/** Line breaks: with C_HSPACE, `isSpace`. */
export const C_BREAK = 32;
/** `'` and `’`. */
export const C_APOSTROPHE = 64;

export const CHAR_CLASS: Uint8Array = charClasses();

/** Built from code unit ranges: a pass over all 65,536 code units would cost the first analysis milliseconds. */
function charClasses(): Uint8Array {
  const cls = new Uint8Array(0x10000);
  const mark = (flag: number, ...ranges: (readonly [number, number])[]): void => {
    for (const [from, to] of ranges) for (let c = from; c <= to; c++) cls[c] |= flag;
  };
  mark(C_HSPACE, [0x09, 0x09], [0x20, 0x20], [0xa0, 0xa0], [0x2000, 0x200a], [0x202f, 0x202f], [0x3000, 0x3000]);
  mark(C_UPPER, [65, 90], [0xc0, 0xd6], [0xd8, 0xde], [0x400, 0x42f]);
  mark(C_LOWER, [97, 122], [0xdf, 0xf6], [0xf8, 0xff], [0x430, 0x45f]);
  mark(C_WORD, [48, 57], [65, 90], [97, 122], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x24f], [0x400, 0x4ff]);
  mark(C_TOKEN, [48, 57], [65, 90], [97, 122], [0x26, 0x27], [0x2e, 0x2e], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x24f], [0x400, 0x4ff],
    [0x2019, 0x2019]);
  mark(C_BREAK, [0x0a, 0x0a], [0x0d, 0x0d]);
  mark(C_APOSTROPHE, [0x27, 0x27], [0x2019, 0x2019]);
  return cls;
}

// The predicates take a code unit as `charCodeAt` gives it (NaN past the end: no class) and read CHAR_CLASS.

/** Horizontal spaces, including the no-break spaces (U+00A0, U+202F) and em/en spaces publishers put between words. */
export function isHSpace(c: number): boolean {
  return (CHAR_CLASS[c] & C_HSPACE) !== 0;
}

export function isSpace(c: number): boolean {
  return (CHAR_CLASS[c] & (C_HSPACE | C_BREAK)) !== 0;
}

export function isUpper(c: number): boolean {
  return (CHAR_CLASS[c] & C_UPPER) !== 0;
}

export function isLower(c: number): boolean {
  return (CHAR_CLASS[c] & C_LOWER) !== 0;
}

/** Letters and digits of the scripts the corpus uses (Latin with diacritics, Cyrillic). */
export function isWordChar(c: number): boolean {
  return (CHAR_CLASS[c] & C_WORD) !== 0;
}

/** A space or a no-break space: the `[ \u00a0]` that label and role patterns allow between their words. */
export function isSpaceOrNoBreak(c: number): boolean {
  return c === 0x20 || c === 0xa0;
}

/** Regex source for one horizontal space; every multi-word pattern uses it so no-break spaces match. */
export const SP = '[ \\t\\u00a0\\u2000-\\u200a\\u202f]';

/**
 * Start of the line holding `pos` (the index after the previous `\n`), looking back at most `max` characters:
 * callers ask for a window, and a bound keeps a text without line breaks linear.
 */
export function lineStart(text: string, pos: number, max: number): number {
  const limit = Math.max(0, pos - max);
  let i = pos - 1;
  while (i >= limit && text.charCodeAt(i) !== 0x0a) i--;
  return i < limit ? limit : i + 1;
}

/** End of the line holding `pos` (without its `\r\n`/`\n`), looking ahead at most `max` characters. */
export function lineEnd(text: string, pos: number, max: number): number {
  const limit = Math.min(text.length, pos + max);
  let e = pos;
  while (e < limit && text.charCodeAt(e) !== 0x0a) e++;
  if (e > pos && text.charCodeAt(e - 1) === 0x0d) e--;
  return e;
}

/** Index after trimming spaces and line breaks backwards from `end`, not below `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

export function skipHSpace(text: string, pos: number, limit = text.length): number {
  while (pos < limit && isHSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

/**
 * Whether the line holding `pos` reads like a heading: at least four words and no lower-case content word. The scan
 * stops at the first lower-case content word, which settles the answer, and finds the end of the line (`lineEnd`,
 * at most 300 characters on) as it reads rather than looking for it first.
 */
export function isTitleCaseLine(text: string, pos: number): boolean {
  const s = lineStart(text, pos, 300);
  // The line holding `pos` has no line feed before `pos`: its first one from `s` on ends it.
  const limit = Math.min(text.length, pos + 300);
  const cls = CHAR_CLASS;
  let words = 0;
  let i = s;
  for (;;) {
    for (; i < limit; i++) {
      const c = text.charCodeAt(i);
      if ((cls[c] & C_WORD) !== 0) break;
      if (c === 0x0a) return words >= 4;
    }
    if (i === limit) break;
    const ws = i;
    for (; i < limit; i++) {
      const c = text.charCodeAt(i);
      if ((cls[c] & C_WORD) === 0 && c !== 0x27 && c !== 0x2019) break;
    }
    words++;
    if ((cls[text.charCodeAt(ws)] & C_LOWER) !== 0 && i - ws > 3) return false;
  }
  return words >= 4;
}

/** Whether a code unit may belong to the regex class `\s` (a superset test: callers then apply the exact regex). */
function maybeRegexSpace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `text.slice(start, end)` with every run of white space (`\s+`) made one space. Most names are already written with
 * single spaces: those are returned as cut, without running a replace over them.
 */
export function collapseSpaces(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 ? i + 1 < s.length && maybeRegexSpace(s.charCodeAt(i + 1)) : maybeRegexSpace(c)) return s.replace(/\s+/g, ' ');
  }
  return s;
}

/**
 * A fixed set of words tested where they stand in a text, without cutting them out: the words are grouped by first
 * code unit and length, so a test compares the few words of one group in place.
 */
export class WordSet {
  private readonly groups = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (!w) continue;
      const key = groupKey(w.charCodeAt(0), w.length);
      const group = this.groups.get(key);
      if (!group) this.groups.set(key, [w]);
      else if (!group.includes(w)) group.push(w);
    }
  }

  /** Whether `text.slice(start, end)` is one of the words. */
  hasAt(text: string, start: number, end: number): boolean {
    if (end <= start) return false;
    const group = this.groups.get(groupKey(text.charCodeAt(start), end - start));
    if (group === undefined) return false;
    for (const w of group) if (text.startsWith(w, start)) return true;
    return false;
  }
}

function groupKey(first: number, length: number): number {
  return first * 0x10000 + Math.min(length, 0xffff);
}
