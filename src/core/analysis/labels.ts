import { CONNECTORS, HONORIFICS, NOT_NAME_WORDS, TITLE_WORDS } from './lexicon';
import { isHSpace, isLower, isUpper } from './text';

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
 * (a title or a name the text supports). One pass over line starts.
 */
export function findLabels(text: string, isPersonLike: (label: string) => boolean): Label[] {
  const found: Label[] = [];
  const capsCount = new Map<string, number>();
  // The first colon at or after the line start: a line without one has no LABEL, so that regex is not tried there.
  // The colon is searched again only once the lines have passed it, so the searches cover the text once.
  let colon = -1;
  const none = text.length;
  for (let ls = 0; ls < text.length;) {
    const nl = text.indexOf('\n', ls);
    const next = nl < 0 ? text.length : nl + 1;
    const c = text.charCodeAt(ls);
    if (colon < ls) {
      colon = text.indexOf(':', ls);
      if (colon < 0) colon = none;
    }
    if (c === 0x51) {
      Q_LABEL.lastIndex = ls;
      const q = Q_LABEL.exec(text);
      if (q) {
        found.push({ start: ls, end: ls + q[1].length, text: q[1], body: ls + q[0].length, allCaps: true, question: true });
        ls = next;
        continue;
      }
    }
    if ((isUpper(c) || c === 0x20 || c === 0x09) && colon < next) {
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
    ls = next;
  }
  // Capitals also write headings (`ART OF THE DEAL:`): an all-capital label needs a title or a repeat.
  return found.filter((l) => !l.allCaps || l.question || hasTitle(l.text.split(/[ \u00a0]+/)) || (capsCount.get(l.text) ?? 0) >= 2);
}

function candidate(m: RegExpExecArray, ls: number, isPersonLike: (label: string) => boolean): Label | null {
  const raw = m[1];
  const start = ls + m[0].indexOf(raw);
  // Every line that may be a label comes here (ten thousand in a long transcript): code-unit loops rather than
  // regexes and throw-away strings.
  let length = raw.length;
  while (length > 0 && isLabelSpace(raw.charCodeAt(length - 1))) length--;
  const label = length === raw.length ? raw : raw.slice(0, length);
  const words = label.split(/[ \u00a0]+/);
  if (words.length > 8 || words.length === 0 || hasDigit(label)) return null;
  const caps = lettersAllCaps(label);
  const question = label === 'Q' || label === 'QUESTION' || label === 'Question';
  if (caps) {
    if (!question && (words.length > 4 || words.some((w) => CAPS_FUNCTION_WORDS.has(w)))) return null;
  } else if (!question) {
    for (const w of words) {
      if (!w) return null;
      if (CONNECTORS.has(w)) continue;
      if (!isUpper(w.charCodeAt(0))) return null;
    }
    if (NOT_NAME_WORDS.has(words[0]) || !isPersonLike(label)) return null;
  }
  return { start, end: start + label.length, text: label, body: ls + m[0].length, allCaps: caps, question };
}

/** Space, tab or no-break space: what may stand between a label and its colon. */
function isLabelSpace(c: number): boolean {
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
