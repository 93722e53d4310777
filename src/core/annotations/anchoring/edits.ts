/**
 * Mapping offsets through one editor edit: a set of non-overlapping changes to the old text, given in any order.
 * Changes are sorted once (O(c log c)); each offset is then mapped by binary search (O(log c)), so an event of 10,000
 * multi-cursor changes over hundreds of annotations stays fast. Offsets are UTF-16 code units.
 *
 * Conventions (the usual "exclusive" ones): text inserted exactly at a passage's start goes before it, at its end
 * after it; a change inside a passage (replacing part of it, or inserting strictly inside) grows or shrinks it; a
 * change that straddles a boundary trims the passage to its surviving units and leaves its new text outside.
 */
import type { TextChange } from '../types';

export interface PreparedChanges {
  /** The changes sorted by start (then end), non-overlapping. */
  readonly sorted: readonly TextChange[];
  /** `shift[i]`: total length change of `sorted[0..i)`. */
  readonly shift: Float64Array;
  /** Length of the text before the edit. */
  readonly oldLength: number;
}

/**
 * Sorts and checks `changes` against the text after them (`newLength` units). Returns null when they cannot be one
 * edit of some text: a bad offset, overlapping changes, or a change beyond the old text's end.
 */
export function prepareChanges(changes: readonly TextChange[], newLength: number): PreparedChanges | null {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  const shift = new Float64Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++) {
    const change = sorted[i];
    if (!Number.isInteger(change.start) || !Number.isInteger(change.end) || change.start < 0 || change.end < change.start) return null;
    if (i > 0 && sorted[i - 1].end > change.start) return null;
    shift[i + 1] = shift[i] + change.text.length - (change.end - change.start);
  }
  const oldLength = newLength - shift[sorted.length];
  const last = sorted[sorted.length - 1];
  if (oldLength < 0 || (last !== undefined && last.end > oldLength)) return null;
  return { sorted, shift, oldLength };
}

/** Index of the first change ending after `offset` (every earlier change lies entirely at or before it). */
function firstEndingAfter(prepared: PreparedChanges, offset: number): number {
  const { sorted } = prepared;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first change starting at or after `offset` (every earlier change starts before it). */
function firstStartingFrom(prepared: PreparedChanges, offset: number): number {
  const { sorted } = prepared;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A mapped offset, and whether a change removed the unit on both sides of it (it then lands after the change). */
export interface MappedOffset {
  readonly offset: number;
  readonly straddled: boolean;
}

/**
 * Maps a start offset (or a zero-width point): insertions exactly at it go before it; inside a deleted or replaced
 * range it lands just after the replacement text.
 */
export function mapStart(prepared: PreparedChanges, offset: number): MappedOffset {
  const k = firstEndingAfter(prepared, offset);
  const change = prepared.sorted[k];
  if (change !== undefined && change.start < offset) {
    return { offset: change.start + prepared.shift[k] + change.text.length, straddled: true };
  }
  return { offset: offset + prepared.shift[k], straddled: false };
}

/**
 * Maps an end offset: insertions exactly at it go after it; inside a deleted or replaced range it lands just before
 * the replacement text.
 */
export function mapEnd(prepared: PreparedChanges, offset: number): MappedOffset {
  const m = firstStartingFrom(prepared, offset);
  const change = prepared.sorted[m - 1];
  if (change !== undefined && change.end > offset) {
    return { offset: change.start + prepared.shift[m - 1], straddled: true };
  }
  return { offset: offset + prepared.shift[m], straddled: false };
}

/** Where a passage `[start, end)` (start < end) of the old text is after the edit, and its expected text there. */
export type MappedRange =
  | { readonly kind: 'kept'; readonly start: number; readonly end: number; readonly text: string }
  /** Every unit of the passage was deleted or replaced; `at` is where it was. */
  | { readonly kind: 'deleted'; readonly at: number };

/**
 * Maps the passage `[start, end)` whose old text is `exact` (non-empty, `end - start === exact.length`). The
 * returned `text` is `exact` with the changes inside it applied, for the caller to check against the new text.
 */
export function mapRange(prepared: PreparedChanges, start: number, end: number, exact: string): MappedRange {
  const { sorted } = prepared;
  const first = firstEndingAfter(prepared, start);
  const last = firstStartingFrom(prepared, end);
  const mappedStart = mapStart(prepared, start).offset;
  let survivors = end - start;
  let text = '';
  let pos = start;
  for (let i = first; i < last; i++) {
    const change = sorted[i];
    const from = Math.max(change.start, start);
    const to = Math.min(change.end, end);
    survivors -= to - from;
    text += exact.slice(pos - start, from - start);
    if (change.start >= start && change.end <= end) text += change.text;
    pos = to;
  }
  if (survivors === 0) return { kind: 'deleted', at: mappedStart };
  text += exact.slice(pos - start);
  return { kind: 'kept', start: mappedStart, end: mapEnd(prepared, end).offset, text };
}
