import type { TextChange } from '../../../src/core/annotations/types';

/** Applies non-overlapping `changes` (UTF-16 offsets into `text`, in any order) as VS Code does: the reference the
 * anchoring tests compare `applyChanges` against. */
export function applyTextChanges(text: string, changes: readonly TextChange[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const c of [...changes].sort((a, b) => a.start - b.start || a.end - b.end)) {
    parts.push(text.slice(at, c.start), c.text);
    at = c.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
