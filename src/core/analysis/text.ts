/** Character helpers shared by the detectors. All positions are UTF-16 code units. */

/** Horizontal spaces, including the no-break spaces (U+00A0, U+202F) and em/en spaces publishers put between words. */
export function isHSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000;
}

export function isSpace(c: number): boolean {
  return isHSpace(c) || c === 0x0a || c === 0x0d;
}

export function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c >= 0x400 && c <= 0x42f);
}

export function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7) || (c >= 0x430 && c <= 0x45f);
}

/** Letters and digits of the scripts the corpus uses (Latin with diacritics, Cyrillic). */
export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || isUpper(c) || isLower(c) || (c >= 0x100 && c <= 0x24f) || (c >= 0x460 && c <= 0x4ff);
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

/** Whether the line holding `pos` reads like a heading: at least four words and no lower-case content word. */
export function isTitleCaseLine(text: string, pos: number): boolean {
  const s = lineStart(text, pos, 300);
  const e = lineEnd(text, pos, 300);
  let words = 0;
  let lowerContent = 0;
  let i = s;
  while (i < e) {
    while (i < e && !isWordChar(text.charCodeAt(i))) i++;
    const ws = i;
    while (i < e && (isWordChar(text.charCodeAt(i)) || text.charCodeAt(i) === 0x27 || text.charCodeAt(i) === 0x2019)) i++;
    if (i === ws) break;
    words++;
    if (isLower(text.charCodeAt(ws)) && i - ws > 3) lowerContent++;
  }
  return words >= 4 && lowerContent === 0;
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
