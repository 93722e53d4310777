import { describe, expect, it } from 'vitest';
import type { Annotation, Sidecar } from '../../../src/core/annotations';
import { emptySidecar, mergeSidecars } from '../../../src/core/annotations';

const t0 = '2024-05-01T09:00:00.000Z';
const t1 = '2024-05-01T10:00:00.000Z';
const t2 = '2024-05-01T11:00:00.000Z';

function annotation(id: string, start: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    tags: ['praise'],
    note: '',
    target: { exact: 'abcde', prefix: 'p', suffix: 's', start, end: start + 5 },
    state: 'anchored',
    created: t0,
    modified: t0,
    author: 'Ana',
    ...extra,
  };
}

function sidecar(...annotations: Annotation[]): Sidecar {
  return { ...emptySidecar('s.statement', 'a'.repeat(64), 500), annotations };
}

const ids = (s: Sidecar): string[] => s.annotations.map((a) => a.id);
const byId = (s: Sidecar, id: string): Annotation => s.annotations.find((a) => a.id === id) as Annotation;

describe('mergeSidecars', () => {
  const a = annotation('a', 10);
  const b = annotation('b', 20);
  const c = annotation('c', 30);
  const base = sidecar(a, b, c);

  it('keeps additions from both sides, sorted by position', () => {
    const local = sidecar(a, b, c, annotation('local-new', 25));
    const disk = sidecar(annotation('disk-new', 5), a, b, c);
    expect(ids(mergeSidecars(base, local, disk))).toEqual(['disk-new', 'a', 'b', 'local-new', 'c']);
  });

  it('takes an edit made on one side only', () => {
    const local = sidecar({ ...a, note: 'local note', modified: t1 }, b, c);
    const disk = sidecar(a, { ...b, tags: ['warning'], modified: t1 }, c);
    const merged = mergeSidecars(base, local, disk);
    expect(byId(merged, 'a').note).toBe('local note');
    expect(byId(merged, 'b').tags).toEqual(['warning']);
    expect(byId(merged, 'c')).toEqual(c);
  });

  it('lets the later modification win when both sides edit the same annotation', () => {
    const localLater = mergeSidecars(base, sidecar({ ...a, note: 'local', modified: t2 }, b, c), sidecar({ ...a, note: 'disk', modified: t1 }, b, c));
    expect(byId(localLater, 'a').note).toBe('local');
    expect(byId(localLater, 'a').modified).toBe(t2);
    const diskLater = mergeSidecars(base, sidecar({ ...a, note: 'local', modified: t1 }, b, c), sidecar({ ...a, note: 'disk', modified: t2 }, b, c));
    expect(byId(diskLater, 'a').note).toBe('disk');
  });

  it('keeps a target moved locally while taking a note edited on disk', () => {
    // Typing above the passage moves it in the editor without changing `modified`; a note edited elsewhere must survive.
    const moved = { ...a, target: { ...a.target, start: 15, end: 20 }, state: 'moved' as const };
    const merged = mergeSidecars(base, sidecar(moved, b, c), sidecar({ ...a, note: 'from git', modified: t1 }, b, c));
    expect(byId(merged, 'a').target.start).toBe(15);
    expect(byId(merged, 'a').state).toBe('moved');
    expect(byId(merged, 'a').note).toBe('from git');
    expect(byId(merged, 'a').modified).toBe(t1);
  });

  it('deletes what one side deleted and the other left alone', () => {
    const merged = mergeSidecars(base, sidecar(a, c), sidecar(a, b));
    expect(ids(merged)).toEqual(['a']);
  });

  it('keeps an annotation deleted on one side but edited on the other', () => {
    const editedLocally = mergeSidecars(base, sidecar(a, { ...b, note: 'keep me', modified: t1 }, c), sidecar(a, c));
    expect(byId(editedLocally, 'b').note).toBe('keep me');
    const editedOnDisk = mergeSidecars(base, sidecar(a, c), sidecar(a, { ...b, tags: ['warning'], modified: t1 }, c));
    expect(byId(editedOnDisk, 'b').tags).toEqual(['warning']);
  });

  it('merges one annotation added on both sides (saved twice) without duplicating it', () => {
    const n = annotation('n', 40);
    const merged = mergeSidecars(base, sidecar(a, b, c, { ...n, note: 'newer', modified: t1 }), sidecar(a, b, c, n));
    expect(ids(merged)).toEqual(['a', 'b', 'c', 'n']);
    expect(byId(merged, 'n').note).toBe('newer');
  });

  it('takes the text hash from disk unless the local side re-anchored', () => {
    const disk = { ...sidecar(a, b, c), sha256: 'b'.repeat(64), length: 600 };
    expect(mergeSidecars(base, base, disk).sha256).toBe('b'.repeat(64));
    const local = { ...sidecar(a, b, c), sha256: 'c'.repeat(64), length: 700 };
    expect(mergeSidecars(base, local, disk)).toMatchObject({ sha256: 'c'.repeat(64), length: 700 });
  });

  it('returns the disk version when nothing changed locally, and does not mutate its inputs', () => {
    const disk = sidecar(a, { ...b, note: 'disk' }, annotation('d', 50));
    const frozen = JSON.stringify([base, disk]);
    expect(mergeSidecars(base, base, disk)).toEqual(disk);
    expect(JSON.stringify([base, disk])).toBe(frozen);
  });
});
