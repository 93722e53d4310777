import { keep } from './keep';
import { RoleReader, type RoleSite } from './roles';

/**
 * The places of a text the speech detectors start from, found in one pass: quotation marks, `<` (HTML tags), lines
 * led by a dash, and the head-of-state roles (read where their first words `President`, `Head`, `Prime` occur).
 *
 * One regex finds them all. A regex scan costs about the same per character whatever it looks for, and the pattern's
 * rarer branches (a line feed followed by spaces and a dash, a role word) are settled inside the regex engine, so the
 * one pass costs little more than the search for quotation marks alone, where separate searches for each kind (and a
 * loop over every line) cost half as much again.
 */
export interface Landmarks {
  /** Offsets of the quotation marks `“”"«»„`, in text order. */
  readonly marks: number[];
  /** Offsets of every `<`, in text order. */
  readonly lessThans: number[];
  /** Starts of the lines whose first character after horizontal spaces is `-`, `–` or `—`, in text order. */
  readonly dashLines: number[];
  /** The head-of-state roles (`President`, `Head of State`, `Prime Minister`), in text order. */
  readonly roles: RoleSite[];
}

/** The spaces before a line's dash are those of `isHSpace` (text.ts), which reads the line again: keep them alike. */
const LANDMARK = /[“”"«»„<]|\n[ \t\u00a0\u2000-\u200a\u202f\u3000]*[-\u2013\u2014]|President|Head|Prime/g;

/**
 * Finds the landmarks of `text`. A match is told by its last character (read as a code unit, no match array is
 * built): a mark or `<` is the match itself, a dash ends a line start, a role word's last letter ends the word.
 * Line starts found here are those after a line feed; the text's first line is left to the caller.
 */
export function findLandmarks(text: string): Landmarks {
  // The result is built before the loop: V8 compiles the loop while it runs (on-stack replacement), before any code
  // after it has run, and an object built after it would throw that compiled code away on every call.
  const roles = keep(new RoleReader(text));
  const found: Landmarks = { marks: [], lessThans: [], dashLines: [], roles: roles.sites };
  const { marks, lessThans, dashLines } = found;
  LANDMARK.lastIndex = 0;
  while (LANDMARK.test(text)) {
    const end = LANDMARK.lastIndex;
    const c = text.charCodeAt(end - 1);
    if (c === 0x74) roles.read(end - 9); // President
    else if (c === 0x64) roles.read(end - 4); // Head
    else if (c === 0x65) roles.read(end - 5); // Prime
    else if (c === 0x3c) lessThans.push(end - 1);
    else if (c === 0x2d || c === 0x2013 || c === 0x2014) {
      // Back over the spaces to the line feed: the line starts after it.
      let nl = end - 2;
      while (text.charCodeAt(nl) !== 0x0a) nl--;
      dashLines.push(nl + 1);
    } else marks.push(end - 1);
  }
  return found;
}
