/**
 * Editing the annotations of a sidecar: pure functions that return a new `Sidecar` and never mutate their input.
 * Offsets are UTF-16 code units. `sha256` and `length` of the sidecar are left to the caller, who has the bytes
 * (core does no hashing).
 */
import { createTarget } from './anchoring';
import { newAnnotationId } from './ids';
import { compareAnnotations, sameAnnotation } from './sidecar';
import type { Annotation, Sidecar, Target } from './types';

/** What {@link addAnnotation} needs to make an annotation: the passage `[start, end)` (UTF-16) and its content. */
export interface NewAnnotation {
  readonly start: number;
  readonly end: number;
  readonly tags: readonly string[];
  readonly note?: string;
  readonly author: string | null;
  /** ISO 8601; defaults to now. */
  readonly now?: string;
}

function sorted(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort(compareAnnotations);
}

/**
 * Checks that `[start, end)` is a non-empty range of `text` that does not cut a character in two (a surrogate pair).
 * @throws RangeError naming the problem, in UTF-16 code units.
 */
export function checkRange(text: string, start: number, end: number): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) throw new RangeError(`offsets must be whole numbers (start ${start}, end ${end})`);
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(`offsets must satisfy 0 ≤ start < end ≤ ${text.length} (the text's length in UTF-16 code units); got start ${start}, end ${end}`);
  }
  const splits = (i: number): boolean => i > 0 && i < text.length
    && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(i) & 0xfc00) === 0xdc00;
  if (splits(start)) throw new RangeError(`start ${start} falls inside a character (between the two UTF-16 code units of a surrogate pair)`);
  if (splits(end)) throw new RangeError(`end ${end} falls inside a character (between the two UTF-16 code units of a surrogate pair)`);
}

/**
 * Adds an annotation on `[start, end)` of `text` (UTF-16) with a fresh id (see `ids.ts`: unique in the sidecar and
 * never a former one); the result stays sorted by position. Tags are kept in the given order without duplicates.
 * @throws RangeError when the range is empty, outside the text, or cuts a surrogate pair ({@link checkRange}).
 */
export function addAnnotation(sidecar: Sidecar, text: string, annotation: NewAnnotation): { sidecar: Sidecar; annotation: Annotation } {
  checkRange(text, annotation.start, annotation.end);
  const now = annotation.now ?? new Date().toISOString();
  const added: Annotation = {
    id: newAnnotationId(new Set(sidecar.annotations.map((a) => a.id)), Date.parse(now)),
    tags: [...new Set(annotation.tags)],
    note: annotation.note ?? '',
    target: createTarget(text, annotation.start, annotation.end),
    state: 'anchored',
    created: now,
    modified: now,
    author: annotation.author,
  };
  return { sidecar: { ...sidecar, annotations: sorted([...sidecar.annotations, added]) }, annotation: added };
}

/**
 * Changes tags and/or note of annotation `id`, updating `modified` (ISO 8601, default now). Returns `sidecar`
 * itself (`===`) when `id` is unknown or the patch changes nothing, so callers can skip a write.
 */
export function updateAnnotation(sidecar: Sidecar, id: string, patch: { tags?: readonly string[]; note?: string }, now?: string): Sidecar {
  const index = sidecar.annotations.findIndex((a) => a.id === id);
  const old = sidecar.annotations[index];
  if (!old) return sidecar;
  const candidate: Annotation = {
    ...old,
    tags: patch.tags ? [...new Set(patch.tags)] : old.tags,
    note: patch.note ?? old.note,
  };
  if (sameAnnotation(candidate, old)) return sidecar;
  const annotations = [...sidecar.annotations];
  annotations[index] = { ...candidate, modified: now ?? new Date().toISOString() };
  return { ...sidecar, annotations };
}

/** Removes annotation `id`; returns `sidecar` itself (`===`) when there is none. Its id is never handed out again
 * (ids are time-based and random, see `ids.ts`). */
export function removeAnnotation(sidecar: Sidecar, id: string): Sidecar {
  const annotations = sidecar.annotations.filter((a) => a.id !== id);
  return annotations.length === sidecar.annotations.length ? sidecar : { ...sidecar, annotations };
}

/**
 * Points annotation `id` at `[start, end)` of `text` again (an orphan re-attached to a selection): new target, state
 * `anchored`, `modified` updated, re-sorted. Returns `sidecar` itself when `id` is unknown.
 * @throws RangeError for a bad range, as {@link addAnnotation}.
 */
export function reattachAnnotation(sidecar: Sidecar, id: string, text: string, start: number, end: number, now?: string): Sidecar {
  const old = sidecar.annotations.find((a) => a.id === id);
  if (!old) return sidecar;
  checkRange(text, start, end);
  const target = createTarget(text, start, end);
  const updated: Annotation = { ...old, target, state: 'anchored', modified: now ?? new Date().toISOString() };
  return { ...sidecar, annotations: sorted(sidecar.annotations.map((a) => (a.id === id ? updated : a))) };
}

/**
 * Annotations whose target contains `offset` (start ≤ offset ≤ end, so a cursor just after a passage still finds
 * it), innermost (shortest) first, then by position; orphans excluded, as their offsets mean nothing in the text.
 */
export function annotationsAt(sidecar: Sidecar, offset: number): Annotation[] {
  const length = (t: Target): number => t.end - t.start;
  return sidecar.annotations
    .filter((a) => a.state !== 'orphaned' && a.target.start <= offset && offset <= a.target.end)
    .sort((a, b) => length(a.target) - length(b.target) || compareAnnotations(a, b));
}

function sameContent(a: Annotation, b: Annotation): boolean {
  return a.note === b.note && a.author === b.author && a.created === b.created
    && a.tags.length === b.tags.length && a.tags.every((t, i) => t === b.tags[i]);
}

function samePlace(a: Annotation, b: Annotation): boolean {
  const x = a.target;
  const y = b.target;
  return a.state === b.state && x.exact === y.exact && x.prefix === y.prefix && x.suffix === y.suffix && x.start === y.start && x.end === y.end;
}

/** The later of two ISO 8601 times (by instant, not by spelling); `a` on a tie. */
function later(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** Merges one annotation present on both sides; `base` is its last-read version when there was one. */
function mergeOne(base: Annotation | undefined, local: Annotation, disk: Annotation): Annotation {
  if (sameAnnotation(local, disk)) return local;
  const localIsNewer = Date.parse(local.modified) >= Date.parse(disk.modified);
  // What a person sees (tags, note, author) and where it is (target, state) merge separately: the extension moves
  // targets as the text is typed without touching `modified`, and that must not lose a note edited elsewhere.
  const contentFrom = base && sameContent(local, base) ? disk
    : base && sameContent(disk, base) ? local
      : localIsNewer ? local : disk;
  // Both moved it: the local target follows the text as it is in memory, which is what the editor shows; the caller
  // re-anchors against the text anyway.
  const placeFrom = base && samePlace(local, base) ? disk : local;
  return {
    id: local.id,
    tags: contentFrom.tags,
    note: contentFrom.note,
    author: contentFrom.author,
    created: contentFrom.created,
    target: placeFrom.target,
    state: placeFrom.state,
    modified: later(local.modified, disk.modified),
  };
}

/**
 * Three-way merge by id after the sidecar changed on disk (a git pull, another editor): `base` is what was last read
 * from disk, `local` the in-memory state (possibly with unsaved changes), `disk` the new file. Rules, per id:
 * - changed on one side only: that side's version;
 * - changed on both: tags, note and author from the side with the later `modified` (local on a tie), target and
 *   state from the side that moved it, the local one when both did;
 * - added on one side: kept; added on both with one id (the same annotation saved twice): merged as above;
 * - deleted on one side and unchanged on the other: deleted;
 * - deleted on one side but changed on the other: the changed version is kept, because losing a person's work is
 *   worse than an annotation coming back (it can be deleted again).
 * `sha256` and `length` come from `disk` when local still has those of `base` (the text was anchored again on disk),
 * else from local. The result is sorted; no input is mutated.
 */
export function mergeSidecars(base: Sidecar, local: Sidecar, disk: Sidecar): Sidecar {
  const byId = (s: Sidecar): Map<string, Annotation> => new Map(s.annotations.map((a) => [a.id, a]));
  const b = byId(base);
  const l = byId(local);
  const d = byId(disk);
  const merged: Annotation[] = [];
  for (const id of new Set([...l.keys(), ...d.keys()])) {
    const was = b.get(id);
    const mine = l.get(id);
    const theirs = d.get(id);
    if (mine && theirs) merged.push(mergeOne(was, mine, theirs));
    else if (mine) {
      // Missing on disk: new locally (keep), or deleted on disk (keep only if changed locally since).
      if (!was || !sameAnnotation(mine, was)) merged.push(mine);
    } else if (theirs) {
      if (!was || !sameAnnotation(theirs, was)) merged.push(theirs);
    }
  }
  const hashFromDisk = local.sha256 === base.sha256 && local.length === base.length;
  return {
    version: 1,
    source: local.source,
    sha256: hashFromDisk ? disk.sha256 : local.sha256,
    length: hashFromDisk ? disk.length : local.length,
    annotations: sorted(merged),
  };
}
