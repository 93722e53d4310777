/**
 * The anchoring engine: making targets, finding them again after the text changed outside the editor, and
 * following live edits. Every offset is a UTF-16 code unit index (JavaScript string index, VS Code offset).
 *
 * The rule above all: never point an annotation at the wrong text. An annotation that is not orphaned always covers
 * exactly its `target.exact`; when the evidence that a place is the annotated passage is too thin, it becomes
 * orphaned (kept, listed, re-attachable) rather than a guess.
 *
 * Paragraph edges for the context are blank lines, not single line breaks: see `anchoring/context.ts`.
 */
import { contextEnd, contextStart } from './anchoring/context';
import type { PreparedChanges } from './anchoring/edits';
import { mapEnd, mapRange, mapStart, prepareChanges } from './anchoring/edits';
import type { Candidate, ScoredCandidate } from './anchoring/search';
import { exactCandidates, fuzzyCandidates, scoreCandidate } from './anchoring/search';
import type { AnchorState, Annotation, Target, TextChange } from './types';

/** Where an annotation was found in a text (UTF-16 offsets), and how. */
export interface AnchorResult {
  readonly start: number;
  readonly end: number;
  readonly state: AnchorState;
}

/**
 * From this length up (UTF-16 units), the passage found unchanged at its old offsets is trusted without looking at
 * its context. Below it ("US", "Q", "the"), finding the same letters at the same offset after a rewrite is a
 * plausible coincidence, so at least {@link MIN_CONTEXT} of the context must agree as well.
 */
export const SELF_EVIDENT_LENGTH = 8;

/**
 * Least context agreement (mean of prefix and suffix, each 1 − edit distance / length) for accepting a place where
 * the passage is not at its old offsets: 0.5 means one side intact, or both sides mostly so. Random text of the
 * same genre scores about 0.2–0.35 against a 32-unit context.
 */
export const MIN_CONTEXT = 0.5;

/**
 * Least context agreement for moving a passage shorter than {@link SELF_EVIDENT_LENGTH} units, or a zero-width one,
 * to another place: three quarters. A speaker label (`Q    `) or a word occurs in many places, and most paragraphs
 * start like some other paragraph, so the context must say nearly all of where it is.
 */
export const SHORT_MIN_CONTEXT = 0.75;

/**
 * A passage of at least this many units that is unique in the text, or nearly intact (see {@link LONG_MIN_QUALITY}),
 * needs only {@link LONG_MIN_CONTEXT}: 32 identical or nearly identical units are not a coincidence, even when the
 * sentences around them were rewritten.
 */
export const LONG_PASSAGE = 32;
/** Context agreement still required of a long passage whose context changed (a quarter: a few words survive). */
export const LONG_MIN_CONTEXT = 0.25;
/** Quality (1 − errors / length) for the long-passage allowance in the approximate step: at most 10 % edited. */
export const LONG_MIN_QUALITY = 0.9;

/**
 * Largest share of a passage that may be edited for an approximate match: a quarter. Three quarters of the units
 * still in place keep a passage recognisable; beyond that, approximate matches of a sentence are mostly other
 * sentences built from the same words. Hypothesis allows half, but shows its guesses in the margin; Diplomat writes
 * them to a sidecar, so it is stricter.
 */
export const MAX_ERROR_RATIO = 1 / 4;

/**
 * Shortest passage searched approximately: 4 units, the first length for which a quarter allows one edit. Shorter
 * passages are found exactly or not at all.
 */
export const MIN_FUZZY_LENGTH = 4;

/**
 * The target for `[start, end)` of `text`: `exact` is `text.slice(start, end)`; `prefix` and `suffix` are the
 * 32 UTF-16 units before and after it, or fewer when the paragraph (blank-line separated) or the text ends sooner.
 * A context edge never cuts a surrogate pair: the context then takes one more unit. Offsets are UTF-16 code units.
 * @throws RangeError when `start`/`end` are not integers with 0 ≤ start ≤ end ≤ text.length.
 */
export function createTarget(text: string, start: number, end: number): Target {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new RangeError(`Invalid range [${start}, ${end}) for a text of ${text.length} UTF-16 units`);
  }
  return {
    exact: text.slice(start, end),
    prefix: text.slice(contextStart(text, start), start),
    suffix: text.slice(end, contextEnd(text, end)),
    start,
    end,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;
}

/** Whether the best evidence for an exact occurrence (not at the old offsets) is enough to move the annotation there. */
function acceptsExact(candidate: ScoredCandidate, target: Target, occurrences: number): boolean {
  if (target.exact.length < SELF_EVIDENT_LENGTH) return candidate.context >= SHORT_MIN_CONTEXT;
  if (candidate.context >= MIN_CONTEXT) return true;
  return target.exact.length >= LONG_PASSAGE && (occurrences === 1 || candidate.context >= LONG_MIN_CONTEXT);
}

/** Whether an approximate match is good enough to call the annotation found (state `fuzzy`). */
function acceptsFuzzy(candidate: ScoredCandidate, target: Target): boolean {
  if (target.exact.length < SELF_EVIDENT_LENGTH) return candidate.context >= SHORT_MIN_CONTEXT;
  if (candidate.context >= MIN_CONTEXT) return true;
  return target.exact.length >= LONG_PASSAGE && candidate.quality >= LONG_MIN_QUALITY && candidate.context >= LONG_MIN_CONTEXT;
}

/** The highest-ranked candidate that `accepts`, if any. */
function bestAccepted(
  text: string,
  target: Target,
  candidates: readonly Candidate[],
  hint: number,
  accepts: (candidate: ScoredCandidate) => boolean,
): ScoredCandidate | undefined {
  let best: ScoredCandidate | undefined;
  for (const candidate of candidates) {
    const scored = scoreCandidate(text, target, candidate, hint);
    if (accepts(scored) && (best === undefined || scored.rank > best.rank)) best = scored;
  }
  return best;
}

/**
 * Finds `target` in `text` (UTF-16 offsets), in this order:
 * 1. its old offsets, if they still hold exactly `target.exact` → `anchored` (a passage shorter than
 *    {@link SELF_EVIDENT_LENGTH} units must also keep ≥ {@link MIN_CONTEXT} of its context there, a zero-width one
 *    ≥ {@link SHORT_MIN_CONTEXT}); when the context there is not intact, an exact occurrence elsewhere whose context
 *    agrees better wins (an identical sentence may have moved into the old offsets);
 * 2. an exact occurrence elsewhere, chosen by context agreement, then nearness to the old offsets → `moved`,
 *    accepted with context agreement ≥ {@link MIN_CONTEXT} (≥ {@link SHORT_MIN_CONTEXT} for a passage under
 *    {@link SELF_EVIDENT_LENGTH} units), or for a passage of ≥ {@link LONG_PASSAGE} units that is unique in the
 *    text or keeps ≥ {@link LONG_MIN_CONTEXT};
 * 3. an approximate match (approx-string-match, up to {@link MAX_ERROR_RATIO} of the passage edited; passages over
 *    64 units are located by head and tail first), ranked by edits, context and nearness → `fuzzy` when the context
 *    agrees as in step 2, or ≥ {@link LONG_MIN_CONTEXT} for a passage of ≥ {@link LONG_PASSAGE} units with at most
 *    10 % edited ({@link LONG_MIN_QUALITY});
 * 4. otherwise `orphaned`, at its old offsets clamped to the text.
 *
 * A zero-width target (empty `exact`, a point) is found by its context only: steps 1 and 2 (places right after its
 * prefix or right before its suffix) with {@link SHORT_MIN_CONTEXT}, no approximate step. Malformed offsets (not
 * integers, reversed) only spoil the position hint. Returned offsets satisfy 0 ≤ start ≤ end ≤ text.length, and for
 * any state but `orphaned` `text.slice(start, end)` is the found passage (`=== target.exact` unless `fuzzy`).
 */
export function anchorTarget(text: string, target: Target): AnchorResult {
  const { exact } = target;
  const hint = clamp(target.start, 0, text.length);

  // Step 1. The old place holds the passage: trusted at once when its context agrees entirely; otherwise kept unless an
  // occurrence elsewhere has a better context (an identical sentence moved into the old offsets, the real one further).
  let self: ScoredCandidate | undefined;
  if (target.start === hint && target.end - target.start === exact.length && text.startsWith(exact, hint)) {
    self = scoreCandidate(text, target, { start: hint, end: target.end, errors: 0 }, hint);
    const needed = exact.length === 0 ? SHORT_MIN_CONTEXT : exact.length < SELF_EVIDENT_LENGTH ? MIN_CONTEXT : 0;
    if (self.context < needed) self = undefined;
    else if (self.context === 1) return { start: hint, end: target.end, state: 'anchored' };
  }

  const { candidates, count } = exactCandidates(text, target, hint);
  const moved = bestAccepted(text, target, candidates, hint, (c) => acceptsExact(c, target, count));
  if (self && (!moved || moved.rank <= self.rank)) return { start: hint, end: target.end, state: 'anchored' };
  if (moved) {
    const same = moved.start === target.start && moved.end === target.end;
    return { start: moved.start, end: moved.end, state: same ? 'anchored' : 'moved' };
  }

  if (exact.length >= MIN_FUZZY_LENGTH) {
    const maxErrors = Math.floor(exact.length * MAX_ERROR_RATIO);
    const fuzzy = bestAccepted(text, target, fuzzyCandidates(text, exact, maxErrors, hint), hint, (c) => acceptsFuzzy(c, target));
    if (fuzzy) return { start: fuzzy.start, end: fuzzy.end, state: 'fuzzy' };
  }

  const start = hint;
  return { start, end: clamp(target.end, start, text.length), state: 'orphaned' };
}

function sameTarget(a: Target, b: Target): boolean {
  return a.start === b.start && a.end === b.end && a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
}

/** `annotation` with `target` and `state`, or `annotation` itself (`===`) when neither changes. */
function withTarget(annotation: Annotation, target: Target, state: AnchorState): Annotation {
  if (annotation.state === state && sameTarget(annotation.target, target)) return annotation;
  return { ...annotation, target: sameTarget(annotation.target, target) ? annotation.target : target, state };
}

/** `annotation` orphaned at `[start, end)`, its last `exact`, `prefix` and `suffix` kept. */
function orphan(annotation: Annotation, start: number, end: number): Annotation {
  return withTarget(annotation, { ...annotation.target, start, end }, 'orphaned');
}

/** Re-anchors one annotation (see {@link anchorTarget}). */
function reanchor(annotation: Annotation, text: string, hint: Target = annotation.target): Annotation {
  const found = anchorTarget(text, hint);
  if (found.state === 'orphaned') return orphan(annotation, found.start, found.end);
  return withTarget(annotation, createTarget(text, found.start, found.end), found.state);
}

/**
 * Re-anchors every annotation against `text` (after a change made outside the editor: another program, git
 * checkout, a re-issued release) with {@link anchorTarget}. One result per annotation, in the same order. An
 * annotation found gets a fresh target (exact, prefix and suffix at its new place) and the state of the step that
 * found it; one not found (previously orphaned or not) is orphaned with its last exact/prefix/suffix and its old
 * offsets clamped to `text`. An annotation whose target and state do not change is returned as is (`===`).
 * Offsets are UTF-16 code units.
 */
export function reanchorAnnotations(annotations: readonly Annotation[], text: string): Annotation[] {
  return annotations.map((annotation) => reanchor(annotation, text));
}

/** Follows one edit for an annotation that is not orphaned (see {@link applyChanges}). */
function follow(annotation: Annotation, prepared: PreparedChanges, newText: string): Annotation {
  const { target } = annotation;
  const inSync = Number.isInteger(target.start) && target.start >= 0 && target.end - target.start === target.exact.length && target.end <= prepared.oldLength;
  if (!inSync) return reanchor(annotation, newText);
  if (target.start === target.end) {
    const point = mapStart(prepared, target.start);
    if (point.straddled) return orphan(annotation, point.offset, point.offset);
    return withTarget(annotation, createTarget(newText, point.offset, point.offset), 'anchored');
  }
  const mapped = mapRange(prepared, target.start, target.end, target.exact);
  if (mapped.kind === 'deleted') return orphan(annotation, mapped.at, mapped.at);
  if (newText.slice(mapped.start, mapped.end) !== mapped.text) {
    // The stored passage did not match the text this edit was made to (an edit event was missed, or the changes do
    // not describe this text): find it again instead of trusting offsets that may now point at other words.
    return reanchor(annotation, newText, { ...target, start: mapped.start, end: mapped.start + target.exact.length });
  }
  return withTarget(annotation, createTarget(newText, mapped.start, mapped.end), 'anchored');
}

/**
 * Follows one live edit. `changes` are VS Code's content changes of one `onDidChangeTextDocument` event as UTF-16
 * offsets `[start, end)` into the text BEFORE the edit, non-overlapping, in any order; `newText` is the whole text
 * after it. One result per annotation, in the same order; O(c log c + a log c) plus the annotations' lengths.
 *
 * - An edit before a passage shifts it; one after it leaves it alone.
 * - Text inserted exactly at a passage's start goes before it, at its end after it (neither joins the passage).
 * - A change inside a passage (inserting strictly inside it, or replacing part of it) grows or shrinks it.
 * - A change that straddles a boundary trims the passage to its surviving units; its new text stays outside.
 * - A passage whose every unit is deleted or replaced (by one change or several) becomes `orphaned` at the place it
 *   was (a zero-width range), keeping its last `exact`, `prefix` and `suffix` so it can be shown and re-attached.
 *   A zero-width annotation (a point) moves like a start and is orphaned when a change removes text on both sides
 *   of it.
 * - Any other annotation gets a target refreshed against `newText` (`exact === newText.slice(start, end)`, new
 *   context) and the state `anchored`: an edit that was followed is not a guess.
 * - Orphans stay orphaned (never resurrected here); their offsets follow the edit so that they keep pointing near
 *   where their text was.
 *
 * Safety net: the passage each edit leaves is computed from the old `exact` and the changes inside it and compared
 * with `newText`; on a mismatch (a missed event, changes that do not describe `newText`) the annotation is
 * re-anchored with {@link anchorTarget} instead, as are all of them when the changes are malformed (overlapping,
 * negative, beyond the old text).
 */
export function applyChanges(annotations: readonly Annotation[], changes: readonly TextChange[], newText: string): Annotation[] {
  const prepared = prepareChanges(changes, newText.length);
  if (prepared === null) {
    return annotations.map((annotation) => {
      if (annotation.state !== 'orphaned') return reanchor(annotation, newText);
      const start = clamp(annotation.target.start, 0, newText.length);
      return orphan(annotation, start, clamp(annotation.target.end, start, newText.length));
    });
  }
  return annotations.map((annotation) => {
    if (annotation.state !== 'orphaned') return follow(annotation, prepared, newText);
    const oldStart = clamp(annotation.target.start, 0, prepared.oldLength);
    const oldEnd = clamp(annotation.target.end, oldStart, prepared.oldLength);
    const start = mapStart(prepared, oldStart).offset;
    const end = oldEnd === oldStart ? start : Math.max(start, mapEnd(prepared, oldEnd).offset);
    return orphan(annotation, start, end);
  });
}
