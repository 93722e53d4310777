/**
 * Context of a passage: the characters around it that a target stores as `prefix`/`suffix` and that re-anchoring
 * compares. All offsets are UTF-16 code units.
 *
 * A context stops at a paragraph edge, and a paragraph edge is a BLANK line (`\n\s*\n`, so `\r\n\r\n` and a line of
 * spaces or no-break spaces count) or the start/end of the text; a single line break is not an edge. In the texts
 * Diplomat reads, a paragraph is a block separated by a blank line, and a transcript turn (`Q`, `MR. KIRBY:`,
 * `President of Russia Vladimir Putin:`) is one such paragraph. Stopping at blank lines keeps the turn's own words,
 * speaker label included, as context (what tells one "Thank you." from another) while leaving out the neighbouring
 * turn, which moves, gets inserted before or deleted on its own. Stopping at every line break instead would throw
 * away the context of passages in hard-wrapped texts (OCR-era UN speeches, e-mailed releases), where a line break is
 * only a wrap inside a sentence and a passage at a line start would keep no prefix at all.
 */

/** Context kept on each side of a passage when the paragraph goes on (W3C and Hypothesis use 32 as well). */
export const CONTEXT_LENGTH = 32;

/**
 * Longest run of spaces looked through when deciding whether a line is blank. A "blank" line of more than this many
 * spaces is not a paragraph edge; the bound keeps a context lookup O(1) even in a text of nothing but spaces.
 */
const MAX_BLANK_LINE_SPACES = 1024;

const NEWLINE = 10;

/** Whitespace other than `\n`, as `\s` defines whitespace (so `\r`, tabs and U+00A0 are included). */
function isLineSpace(code: number): boolean {
  if (code === NEWLINE) return false;
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 128) return false;
  return /\s/.test(String.fromCharCode(code));
}

/** Whether the `\n` at `i` belongs to a blank line: the nearest non-space character on either side is a `\n`. */
function isBlankLineBreak(text: string, i: number): boolean {
  for (let j = i - 1, n = 0; j >= 0 && n <= MAX_BLANK_LINE_SPACES; j--, n++) {
    const code = text.charCodeAt(j);
    if (code === NEWLINE) return true;
    if (!isLineSpace(code)) break;
  }
  for (let j = i + 1, n = 0; j < text.length && n <= MAX_BLANK_LINE_SPACES; j++, n++) {
    const code = text.charCodeAt(j);
    if (code === NEWLINE) return true;
    if (!isLineSpace(code)) break;
  }
  return false;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether offset `i` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));
}

/**
 * Start of the context before `pos`: `length` units back, or the paragraph edge (just after the blank line, or 0)
 * when it comes sooner. Never cuts a surrogate pair: the context then grows by one unit, so it keeps at least
 * `length` units.
 */
export function contextStart(text: string, pos: number, length: number = CONTEXT_LENGTH): number {
  const limit = Math.max(0, pos - length);
  for (let i = pos - 1; i >= limit; i--) {
    if (text.charCodeAt(i) === NEWLINE && isBlankLineBreak(text, i)) return i + 1;
  }
  return splitsSurrogatePair(text, limit) ? limit - 1 : limit;
}

/**
 * End of the context after `pos`: `length` units on, or the paragraph edge (the line break that opens the blank
 * line, before its `\r` if any, or the text's end) when it comes sooner. Never cuts a surrogate pair.
 */
export function contextEnd(text: string, pos: number, length: number = CONTEXT_LENGTH): number {
  const limit = Math.min(text.length, pos + length);
  for (let i = pos; i < limit; i++) {
    if (text.charCodeAt(i) === NEWLINE && isBlankLineBreak(text, i)) {
      return i > pos && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
    }
  }
  return splitsSurrogatePair(text, limit) ? limit + 1 : limit;
}
