/**
 * Index of spans sorted by start: which one (if any) contains a position. Positions may be asked in any order; they
 * mostly come in text order, so the answer is looked for a few spans on from the last one before a binary search.
 */
export class SpanIndex<T extends { start: number; end: number }> {
  private readonly starts: Int32Array;
  /** The number of spans starting at or before the last position asked. */
  private last = 0;

  constructor(private readonly spans: readonly T[]) {
    this.starts = new Int32Array(spans.length);
    for (let k = 0; k < spans.length; k++) this.starts[k] = spans[k].start;
  }

  /** The span containing `pos`, or null. */
  at(pos: number): T | null {
    const starts = this.starts;
    let k = this.last;
    if (k === 0 || starts[k - 1] <= pos) {
      const stop = Math.min(starts.length, k + 8);
      while (k < stop && starts[k] <= pos) k++;
    }
    if (!((k === 0 || starts[k - 1] <= pos) && (k === starts.length || starts[k] > pos))) {
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] <= pos) lo = mid + 1; else hi = mid; }
      k = lo;
    }
    this.last = k;
    const s = k > 0 ? this.spans[k - 1] : undefined;
    return s !== undefined && pos < s.end ? s : null;
  }
}
