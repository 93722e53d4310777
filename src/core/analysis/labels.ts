import { isAllCaps } from './tokens';
import { CONNECTORS, HONORIFICS, NOT_NAME_WORDS, TITLE_WORDS } from './lexicon';
import { isHSpace, isUpper } from './text';

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
const LABEL = /^[ \t]*([A-Z\u0400-\u042F][^\n:"“”«»(),;!?]{0,80}?)[ \t\u00a0]*:[ \t\u00a0\u2003]*(?=[^ \t\u00a0\r\n])/gm;
const Q_LABEL = /^(Q|QUESTION|Question)(?:[ \t\u00a0]{2,}|\t|[ \t\u00a0]*:[ \t\u00a0]*)(?=[^ \t\u00a0\r\n])/gm;

const CAPS_FUNCTION_WORDS: ReadonlySet<string> = new Set(['OF', 'THE', 'AND', 'FOR', 'TO', 'IN', 'ON', 'A', 'AN', 'IS', 'ARE', 'WITH', 'AT', 'BY']);

function hasTitle(words: readonly string[]): boolean {
  return words.some((w) => HONORIFICS.has(w) || TITLE_WORDS.has(w.charAt(0) + w.slice(1).toLowerCase()));
}

/** Whether a label occurs at least twice at line starts (cheap: stops at the second hit). */
function repeats(text: string, label: string): boolean {
  const needle = `\n${label}:`;
  const first = text.indexOf(needle);
  return first >= 0 && text.indexOf(needle, first + 1) >= 0;
}

/**
 * Finds transcript labels by form alone: all-capital labels, `Q`, and capitalised labels of at most eight words
 * without lower-case content words. `isPersonLike` decides mixed-case labels (a title or a name the text supports).
 */
export function findLabels(text: string, isPersonLike: (label: string) => boolean): Label[] {
  const out: Label[] = [];
  LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL.exec(text)) !== null) {
    const raw = m[1];
    const start = m.index + m[0].indexOf(raw);
    const label = raw.replace(/[ \t\u00a0]+$/, '');
    const words = label.split(/[ \u00a0]+/);
    if (words.length > 8 || words.length === 0) continue;
    const caps = isAllCaps(label.replace(/[^A-Za-z\u0400-\u04FF]/g, ''));
    const question = /^(?:Q|QUESTION|Question)$/.test(label);
    let ok = true;
    if (/\d/.test(label)) ok = false;
    else if (caps) {
      // Capitals also write headings (`ART OF THE DEAL:`): a label needs a title, a repeat, or to be short and plain.
      ok = question || (words.length <= 4 && !words.some((w) => CAPS_FUNCTION_WORDS.has(w)) && (hasTitle(words) || repeats(text, label)));
    }
    else {
      for (const w of words) {
        if (!w) { ok = false; break; }
        if (CONNECTORS.has(w)) continue;
        if (!isUpper(w.charCodeAt(0))) { ok = false; break; }
      }
      if (ok && !question) ok = !NOT_NAME_WORDS.has(words[0]) && isPersonLike(label);
    }
    if (!ok) continue;
    out.push({ start, end: start + label.length, text: label, body: m.index + m[0].length, allCaps: caps, question });
  }
  const seen = new Set(out.map((l) => l.start));
  Q_LABEL.lastIndex = 0;
  while ((m = Q_LABEL.exec(text)) !== null) {
    const start = m.index;
    if (seen.has(start)) continue;
    out.push({ start, end: start + m[1].length, text: m[1], body: m.index + m[0].length, allCaps: true, question: true });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Whether position `pos` starts a paragraph (beginning of text or after a blank line or a line break). */
export function atLineStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && isHSpace(text.charCodeAt(i))) i--;
  return i < 0 || text.charCodeAt(i) === 0x0a;
}
