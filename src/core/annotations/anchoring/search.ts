/**
 * Finding where a target's passage may be now: candidate places (exact occurrences, approximate matches), each
 * scored against the stored context and the old position. Deciding which candidate to accept is `anchoring.ts`'s job.
 * Offsets are UTF-16 code units.
 */
import search from 'approx-string-match';
import type { Target } from '../types';
import { CONTEXT_LENGTH, isHighSurrogate, isLowSurrogate } from './context';
import { adjacentAgreement, prefixSimilarity, suffixSimilarity } from './similarity';

/** A place `[start, end)` where the passage may be, with the edit distance between it and the stored passage. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
}

export interface ScoredCandidate extends Candidate {
  /** 1 − errors / passage length: 1 for an exact occurrence. */
  readonly quality: number;
  /** Agreement of prefix and suffix with the text around the candidate, in [0, 1], each side weighted by its length. */
  readonly context: number;
  /** Ranking score, higher is better (see {@link scoreCandidate}). */
  readonly rank: number;
}

/**
 * Ranking weights, after Hypothesis' match-quote (50/20/20/2): the passage itself counts most, each side of the
 * context less. Nearness to the old position only breaks ties: at 0.1 it can never outweigh one differing unit of a
 * 32-unit context (20 / 32 ≈ 0.6), so an untouched copy of the whole context wins over a nearer, slightly different
 * one (repeated boilerplate is common in these texts). The weights order candidates; whether the best one is good
 * enough is decided by thresholds, not by this sum.
 */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 0.1;

/**
 * How many exact occurrences get the full context comparison. A very common passage ("the", "Thank you.") can occur
 * thousands of times in a 13 MB text; all are shortlisted by the cheap adjacent-agreement count first.
 */
const SHORTLIST = 64;
/** Occurrences nearest the old position always kept on the shortlist, whatever their context. */
const SHORTLIST_NEAREST = 8;

/**
 * Approximate search works on chunks of this many units, so that each chunk reports its own best matches:
 * approx-string-match returns only the matches with the lowest error count in the whole text it is given, and one
 * exact duplicate far away would otherwise hide the edited passage.
 */
const APPROX_CHUNK = 32_768;
/** Most approximate matches scored (fewest errors first, then nearest the old position). */
const MAX_APPROX_CANDIDATES = 256;

/** Passages longer than this are searched by their head and tail instead of whole (see {@link longQuoteCandidates}). */
export const LONG_QUOTE = 64;
/** Length of the head and tail searched for a long passage: one 32-bit word of the bit-parallel matcher. */
const ANCHOR_LENGTH = 32;
/**
 * Budget for verifying long-passage regions, in matcher block steps (passage length / 32 × region length); about
 * 0.1 s. A 10,000-unit passage gets some six regions checked, a 50,000-unit one only the region at its old place.
 */
const VERIFY_BUDGET = 20_000_000;

/** Evidence a stored context carries: its units (as compared, at most 64) and one for a paragraph edge. */
function weight(context: string): number {
  return Math.min(context.length, 2 * CONTEXT_LENGTH) + (context.length < CONTEXT_LENGTH ? 1 : 0);
}

/** Scores `candidate` against `target`'s passage and context; `hint` is the old start offset. */
export function scoreCandidate(text: string, target: Target, candidate: Candidate, hint: number): ScoredCandidate {
  const length = target.exact.length;
  const quality = length === 0 ? 1 : 1 - candidate.errors / length;
  const prefix = prefixSimilarity(text, candidate.start, target.prefix);
  const suffix = suffixSimilarity(text, candidate.end, target.suffix);
  const nearness = text.length === 0 ? 1 : 1 - Math.abs(candidate.start - hint) / text.length;
  const rank = QUOTE_WEIGHT * quality + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * nearness;
  // Each side weighs what it holds (its units, plus one for a paragraph edge): an empty prefix at a paragraph start
  // says little, as most paragraphs start somewhere, while 32 agreeing units say much.
  const prefixWeight = weight(target.prefix);
  const suffixWeight = weight(target.suffix);
  const context = (prefix * prefixWeight + suffix * suffixWeight) / (prefixWeight + suffixWeight);
  return { ...candidate, quality, context, rank };
}

/** Every offset where `needle` (non-empty) occurs in `text`, overlapping occurrences included, ascending. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Index of the first element of ascending `values` that is ≥ `value`. */
function lowerBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Exact candidates for `target`: the occurrences of its passage or, for a zero-width target, the places right after
 * an occurrence of its prefix and right before one of its suffix. Returns the shortlist and how many there were.
 */
export function exactCandidates(text: string, target: Target, hint: number): { candidates: Candidate[]; count: number } {
  const { exact, prefix, suffix } = target;
  let starts: number[];
  if (exact.length > 0) {
    starts = occurrences(text, exact);
  } else {
    const points = new Set<number>();
    if (prefix.length > 0) for (const at of occurrences(text, prefix)) points.add(at + prefix.length);
    if (suffix.length > 0) for (const at of occurrences(text, suffix)) points.add(at);
    starts = [...points].sort((a, b) => a - b);
  }
  const count = starts.length;
  if (count > SHORTLIST) {
    const agreement = starts.map((at) => adjacentAgreement(text, at, at + exact.length, prefix, suffix));
    const order = starts.map((_, i) => i);
    order.sort((a, b) => agreement[b] - agreement[a] || Math.abs(starts[a] - hint) - Math.abs(starts[b] - hint));
    const kept = new Set(order.slice(0, SHORTLIST));
    const near = lowerBound(starts, hint);
    for (let i = Math.max(0, near - SHORTLIST_NEAREST / 2); i < Math.min(count, near + SHORTLIST_NEAREST / 2); i++) kept.add(i);
    starts = [...kept].sort((a, b) => a - b).map((i) => starts[i]);
  }
  return { candidates: starts.map((start) => ({ start, end: start + exact.length, errors: 0 })), count };
}

/** Widens `[start, end)` by one unit at an end that would cut a surrogate pair (a match may start on a low half). */
function wholeCharacters(text: string, candidate: Candidate): Candidate {
  let { start, end } = candidate;
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  if (end < text.length && end > 0 && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  return start === candidate.start && end === candidate.end ? candidate : { start, end, errors: candidate.errors };
}

/** Approximate matches of `pattern` (≤ `maxErrors` edits) in `text[from, to)`, as offsets into `text`. */
function searchIn(text: string, from: number, to: number, pattern: string, maxErrors: number, into: Candidate[]): void {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi - lo < pattern.length - maxErrors) return;
  for (const match of search(text.slice(lo, hi), pattern, maxErrors)) {
    into.push({ start: match.start + lo, end: match.end + lo, errors: match.errors });
  }
}

/** Keeps one candidate per range, the fewest errors first then nearest `hint`, at most `limit`. */
function bestDistinct(candidates: readonly Candidate[], hint: number, limit: number): Candidate[] {
  const seen = new Set<string>();
  const distinct: Candidate[] = [];
  for (const candidate of [...candidates].sort((a, b) => a.errors - b.errors || Math.abs(a.start - hint) - Math.abs(b.start - hint))) {
    const key = `${candidate.start}:${candidate.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(candidate);
    if (distinct.length === limit) break;
  }
  return distinct;
}

/**
 * Approximate matches of `pattern` in the whole text (chunk by chunk, each chunk's best) and in a window around the
 * old position `hint` (the best there even when another chunk's match is better).
 */
function approximateMatches(text: string, pattern: string, maxErrors: number, hint: number): Candidate[] {
  const found: Candidate[] = [];
  const overlap = pattern.length + maxErrors;
  for (let from = 0; from < text.length; from += APPROX_CHUNK) {
    const to = from + APPROX_CHUNK + overlap;
    searchIn(text, from, to, pattern, maxErrors, found);
    if (to >= text.length) break;
  }
  const window = Math.max(4 * pattern.length, 256);
  searchIn(text, hint - window, hint + pattern.length + window, pattern, maxErrors, found);
  return bestDistinct(found, hint, MAX_APPROX_CANDIDATES);
}

/**
 * Approximate candidates for a long passage. Searching a pattern of thousands of units over a whole text costs
 * (length / 32) block steps per text unit, so the head and the tail (32 units each, up to a quarter of them edited)
 * are searched instead; each match, and the old position, proposes a region about the passage's length, and the
 * whole passage is matched (up to `maxErrors` edits) only inside the most promising regions, within a fixed budget.
 */
function longQuoteCandidates(text: string, exact: string, maxErrors: number, hint: number): Candidate[] {
  const length = exact.length;
  const anchorErrors = Math.floor(ANCHOR_LENGTH / 4);
  const regions: [number, number][] = [[hint - maxErrors, hint + length + maxErrors]];
  const heads = approximateMatches(text, exact.slice(0, ANCHOR_LENGTH), anchorErrors, hint);
  const tails = approximateMatches(text, exact.slice(-ANCHOR_LENGTH), anchorErrors, hint + length);
  const anchors = [
    ...heads.map((m) => ({ errors: m.errors, distance: Math.abs(m.start - hint), region: [m.start - anchorErrors, m.start + length + maxErrors] as [number, number] })),
    ...tails.map((m) => ({ errors: m.errors, distance: Math.abs(m.end - hint - length), region: [m.end - length - maxErrors, m.end + anchorErrors] as [number, number] })),
  ].sort((a, b) => a.errors - b.errors || a.distance - b.distance);
  for (const anchor of anchors) {
    const [from, to] = anchor.region;
    const overlapping = regions.some(([f, t]) => Math.min(t, to) - Math.max(f, from) > length / 2);
    if (!overlapping) regions.push(anchor.region);
  }
  const blocks = Math.ceil(length / 32);
  const found: Candidate[] = [];
  let spent = 0;
  for (const [from, to] of regions) {
    const cost = blocks * (to - from);
    if (found.length > 0 && spent + cost > VERIFY_BUDGET) break;
    spent += cost;
    searchIn(text, from, to, exact, maxErrors, found);
  }
  return bestDistinct(found, hint, MAX_APPROX_CANDIDATES);
}

/**
 * Approximate candidates for `exact` with at most `maxErrors` edits (insertions, deletions, substitutions of UTF-16
 * units), never cutting a surrogate pair.
 */
export function fuzzyCandidates(text: string, exact: string, maxErrors: number, hint: number): Candidate[] {
  const found = exact.length > LONG_QUOTE ? longQuoteCandidates(text, exact, maxErrors, hint) : approximateMatches(text, exact, maxErrors, hint);
  return found.map((candidate) => wholeCharacters(text, candidate));
}
