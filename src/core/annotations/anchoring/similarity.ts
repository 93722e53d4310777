/**
 * How well the stored context of a target agrees with the context at a candidate place. Contexts are at most a few
 * dozen UTF-16 units, so a plain edit-distance table (≈ 33 × 41 cells) is cheap enough to run on every candidate that
 * survives the prefilter in `search.ts`.
 */
import { CONTEXT_LENGTH, contextEnd, contextStart } from './context';

/**
 * Extra units of actual context compared beyond the stored context's length, so that a few characters inserted
 * next to the passage cost their own number of edits instead of also pushing stored characters out of the window.
 */
const CONTEXT_SLACK = 8;

/**
 * Most stored context units compared (twice the usual length): a hand-edited sidecar may hold a long prefix, and the
 * units nearest the passage are the ones that identify it.
 */
const MAX_COMPARED = 2 * CONTEXT_LENGTH;

/**
 * Edit distance between `stored` and the best-aligned stretch of `actual` starting at the same end, both read
 * outward from the passage: `at(k)` gives the k-th unit away from the passage. Every unit of `stored` must be
 * accounted for, but `actual` may go on beyond the alignment for free, since contexts are cut at a fixed length.
 */
function anchoredDistance(storedLength: number, storedAt: (k: number) => number, actualLength: number, actualAt: (k: number) => number): number {
  let previous = new Int32Array(actualLength + 1);
  let current = new Int32Array(actualLength + 1);
  for (let j = 0; j <= actualLength; j++) previous[j] = j;
  for (let i = 1; i <= storedLength; i++) {
    current[0] = i;
    const code = storedAt(i - 1);
    for (let j = 1; j <= actualLength; j++) {
      const substitution = previous[j - 1] + (code === actualAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  let best = storedLength;
  for (let j = 0; j <= actualLength; j++) best = Math.min(best, previous[j]);
  return best;
}

/** Stands for a paragraph (or text) edge at the far end of a context, so that the edge itself is compared. */
const EDGE = -1;

/**
 * 1 − distance / stored length, in [0, 1]. A context shorter than {@link CONTEXT_LENGTH} was cut at a paragraph or
 * text edge, and that edge is evidence too (this passage opens or closes a paragraph), so it takes part as one more
 * unit, {@link EDGE}, on both sides: an empty stored context matches only another edge, and a stored prefix that
 * opened a paragraph no longer matches perfectly once the words before the edge are joined to it.
 */
function compare(stored: string, storedAt: (k: number) => number, actualLength: number, window: number, actualAt: (k: number) => number): number {
  const storedEdge = stored.length < CONTEXT_LENGTH;
  const actualEdge = actualLength < window;
  const storedTotal = stored.length + (storedEdge ? 1 : 0);
  const distance = anchoredDistance(
    storedTotal,
    (k) => (k < stored.length ? storedAt(k) : EDGE),
    actualLength + (actualEdge ? 1 : 0),
    (k) => (k < actualLength ? actualAt(k) : EDGE),
  );
  return Math.max(0, 1 - distance / storedTotal);
}

/** Agreement in [0, 1] of a stored `prefix` with the text before `pos` (cut at the paragraph edge like the prefix). */
export function prefixSimilarity(text: string, pos: number, storedPrefix: string): number {
  const prefix = storedPrefix.length > MAX_COMPARED ? storedPrefix.slice(-MAX_COMPARED) : storedPrefix;
  const window = Math.max(prefix.length, CONTEXT_LENGTH) + CONTEXT_SLACK;
  const actualLength = pos - contextStart(text, pos, window);
  return compare(prefix, (k) => prefix.charCodeAt(prefix.length - 1 - k), actualLength, window, (k) => text.charCodeAt(pos - 1 - k));
}

/** Agreement in [0, 1] of a stored `suffix` with the text after `pos` (cut at the paragraph edge like the suffix). */
export function suffixSimilarity(text: string, pos: number, storedSuffix: string): number {
  const suffix = storedSuffix.slice(0, MAX_COMPARED);
  const window = Math.max(suffix.length, CONTEXT_LENGTH) + CONTEXT_SLACK;
  const actualLength = contextEnd(text, pos, window) - pos;
  return compare(suffix, (k) => suffix.charCodeAt(k), actualLength, window, (k) => text.charCodeAt(pos + k));
}

/**
 * Cheap agreement used to shortlist many exact occurrences: how many units next to the passage are identical to the
 * stored context (common suffix of prefix and text before, common prefix of suffix and text after).
 */
export function adjacentAgreement(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let before = 0;
  while (before < prefix.length && start - 1 - before >= 0 && text.charCodeAt(start - 1 - before) === prefix.charCodeAt(prefix.length - 1 - before)) before++;
  let after = 0;
  while (after < suffix.length && end + after < text.length && text.charCodeAt(end + after) === suffix.charCodeAt(after)) after++;
  return before + after;
}
