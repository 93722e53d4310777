import { CONNECTORS, HONORIFICS, NOT_NAME_WORDS, TITLE_WORDS } from './lexicon';
import { isHSpace, isLower, isSpaceOrNoBreak, isUpper } from './text';

/** A transcript speaker label at the start of a line: `SECRETARY BLINKEN:`, `Vladimir Putin:`, `Q`. */
export interface Label {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** First character of the turn's speech (after the colon and its spaces). */
  readonly body: number;
  readonly allCaps: boolean;
  /** `Q`/`QUESTION`: an interviewer's turn. */
  readonly question: boolean;
}

// Bounded lazy label (at most 80 characters before the colon) keeps the per-line work constant.
const LABEL = /[ \t]*([A-Z\u0400-\u042F][^\n:"“”«»(),;!?]{0,80}?)[ \t\u00a0]*:[ \t\u00a0\u2003]*(?=[^ \t\u00a0\r\n])/y;
const Q_LABEL = /(Q|QUESTION|Question)(?:[ \t\u00a0]{2,}|\t|[ \t\u00a0]*:[ \t\u00a0]*)(?=[^ \t\u00a0\r\n])/y;
const CAPS_FUNCTION_WORDS: ReadonlySet<string> = new Set(['OF', 'THE', 'AND', 'FOR', 'TO', 'IN', 'ON', 'A', 'AN', 'IS', 'ARE', 'WITH', 'AT', 'BY']);

function hasTitle(words: readonly string[]): boolean {
  return words.some((w) => HONORIFICS.has(w) || TITLE_WORDS.has(w.charAt(0) + w.slice(1).toLowerCase()));
}

/**
 * Finds transcript labels by form alone: `Q`, all-capital labels (with a title, or used at least twice), and
 * capitalised labels of at most eight words without lower-case content words, which `isPersonLike` must accept
 * (a title or a name the text supports). One pass over the lines that may hold one.
 */
export function findLabels(text: string, isPersonLike: (label: string) => boolean): Label[] {
  const found: Label[] = [];
  const capsCount = new Map<string, number>();
  // Only a line starting with `Q` (Q_LABEL) or holding a colon (LABEL ends at the line's first colon) may hold a
  // label. Both are found with string searches, far faster than a visit to every line: the next line starting with
  // `Q`, and the next colon, each searched again only once the lines have passed it, so the searches cover the text
  // once (and so does the search back from a colon to its line's start).
  let q = lineStartingWithQ(text, 0);
  let colon = text.indexOf(':');
  while (q >= 0 || colon >= 0) {
    const colonLine = colon < 0 ? -1 : text.lastIndexOf('\n', colon) + 1;
    const ls = q < 0 ? colonLine : colonLine < 0 ? q : Math.min(q, colonLine);
    const nl = text.indexOf('\n', ls);
    const next = nl < 0 ? text.length : nl + 1;
    readLine(text, ls, colon >= 0 && colon < next, isPersonLike, found, capsCount);
    if (q >= 0 && q < next) q = lineStartingWithQ(text, next);
    if (colon >= 0 && colon < next) colon = text.indexOf(':', next);
  }
  // Capitals also write headings (`ART OF THE DEAL:`): an all-capital label needs a title or a repeat.
  return found.filter((l) => !l.allCaps || l.question || hasTitle(l.text.split(/[ \u00a0]+/)) || (capsCount.get(l.text) ?? 0) >= 2);
}

/**
 * The start of the first line at or after `from` (a line start) that begins with `Q`, or -1. The search is for `Q`
 * alone (a rare letter, found much faster than the two characters `\nQ`), then for the line feed before it.
 */
function lineStartingWithQ(text: string, from: number): number {
  for (let at = text.indexOf('Q', from); at >= 0; at = text.indexOf('Q', at + 1)) {
    if (at === 0 || text.charCodeAt(at - 1) === 0x0a) return at;
  }
  return -1;
}

/** Reads the label, if any, at the start of the line starting at `ls`; `hasColon`: the line holds a colon. */
function readLine(
  text: string,
  ls: number,
  hasColon: boolean,
  isPersonLike: (label: string) => boolean,
  found: Label[],
  capsCount: Map<string, number>,
): void {
  const c = text.charCodeAt(ls);
  if (c === 0x51) {
    Q_LABEL.lastIndex = ls;
    const q = Q_LABEL.exec(text);
    if (q) {
      found.push({ start: ls, end: ls + q[1].length, text: q[1], body: ls + q[0].length, allCaps: true, question: true });
      return;
    }
  }
  if ((isUpper(c) || c === 0x20 || c === 0x09) && hasColon) {
    LABEL.lastIndex = ls;
    const m = LABEL.exec(text);
    if (m) {
      const l = candidate(m, ls, isPersonLike);
      if (l) {
        found.push(l);
        if (l.allCaps) capsCount.set(l.text, (capsCount.get(l.text) ?? 0) + 1);
      }
    }
  }
}

function candidate(m: RegExpExecArray, ls: number, isPersonLike: (label: string) => boolean): Label | null {
  const raw = m[1];
  const start = ls + m[0].indexOf(raw);
  // Every line that may be a label comes here (ten thousand in a long transcript): code-unit loops rather than
  // regexes and throw-away strings. Its words are the runs of characters other than spaces and no-break spaces
  // (what `split(/[ \u00a0]+/)` gives); a word is cut out only where a set must be asked about it.
  let length = raw.length;
  while (length > 0 && isLabelSpace(raw.charCodeAt(length - 1))) length--;
  const label = length === raw.length ? raw : raw.slice(0, length);
  const wordCount = countLabelWords(label);
  if (wordCount > 8 || wordCount === 0 || hasDigit(label)) return null;
  const caps = lettersAllCaps(label);
  const question = label === 'Q' || label === 'QUESTION' || label === 'Question';
  if (caps) {
    if (!question && (wordCount > 4 || hasCapsFunctionWord(label))) return null;
  } else if (!question) {
    if (!capitalisedOrConnectors(label)) return null;
    if (NOT_NAME_WORDS.has(label.slice(0, wordEnd(label, 0))) || !isPersonLike(label)) return null;
  }
  return { start, end: start + label.length, text: label, body: ls + m[0].length, allCaps: caps, question };
}

/** End of the word starting at `i` of a label. */
function wordEnd(label: string, i: number): number {
  while (i < label.length && !isSpaceOrNoBreak(label.charCodeAt(i))) i++;
  return i;
}

/** The number of words of a label. */
function countLabelWords(label: string): number {
  let n = 0;
  for (let i = 0; i < label.length;) {
    if (isSpaceOrNoBreak(label.charCodeAt(i))) { i++; continue; }
    n++;
    i = wordEnd(label, i);
  }
  return n;
}

/** Whether every word of a label is capitalised or a connector (only the others are cut out, for the set). */
function capitalisedOrConnectors(label: string): boolean {
  for (let i = 0; i < label.length;) {
    if (isSpaceOrNoBreak(label.charCodeAt(i))) { i++; continue; }
    const e = wordEnd(label, i);
    if (!isUpper(label.charCodeAt(i)) && !CONNECTORS.has(label.slice(i, e))) return false;
    i = e;
  }
  return true;
}

/** Whether a word of an all-capital label is a function word (`OF`, `THE`). */
function hasCapsFunctionWord(label: string): boolean {
  for (let i = 0; i < label.length;) {
    if (isSpaceOrNoBreak(label.charCodeAt(i))) { i++; continue; }
    const e = wordEnd(label, i);
    if (CAPS_FUNCTION_WORDS.has(label.slice(i, e))) return true;
    i = e;
  }
  return false;
}

/** Space, tab or no-break space: what may stand between a label and its colon. */
export function isLabelSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** `isAllCaps` of the ASCII and Cyrillic letters of `s` (other characters are left out), without cutting them out. */
function lettersAllCaps(s: string): boolean {
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0x400 && c <= 0x4ff))) continue;
    if (isLower(c)) return false;
    if (isUpper(c)) letters++;
  }
  return letters >= 2;
}

/** Whether position `pos` starts a paragraph (beginning of text or after a blank line or a line break). */
export function atLineStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && isHSpace(text.charCodeAt(i))) i--;
  return i < 0 || text.charCodeAt(i) === 0x0a;
}
