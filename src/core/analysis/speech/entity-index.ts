import type { Entity, EntityType } from '../types';

/**
 * The entities of a text (in text order, as `findEntities` returns them) looked up by position, over their starts,
 * without a closure, or an array per question where one entity answers it.
 */
/** How many entities `from` walks over before it searches: a constant bound keeps every question cheap. */
const WALK = 256;

export class EntityIndex {
  readonly entities: readonly Entity[];
  private readonly starts: Int32Array;
  /** The last answer of `from`. */
  private last = 0;

  constructor(entities: readonly Entity[]) {
    this.entities = entities;
    this.starts = new Int32Array(entities.length);
    for (let k = 0; k < entities.length; k++) this.starts[k] = entities[k].start;
  }

  /**
   * Index of the first entity starting at or after `pos` (the number of entities if none does). Questions mostly come
   * in text order: the answer is looked for on from the last one (a walk over consecutive starts, which the processor
   * reads ahead) before a binary search, whose steps land far apart in an array too large to stay in its cache.
   */
  from(pos: number): number {
    const starts = this.starts;
    let k = this.last;
    if (k === 0 || starts[k - 1] < pos) {
      const stop = Math.min(starts.length, k + WALK);
      while (k < stop && starts[k] < pos) k++;
      if (k === starts.length || starts[k] >= pos) return (this.last = k);
    }
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return (this.last = lo);
  }

  /** The entities lying wholly within [a, b), in text order. */
  within(a: number, b: number): Entity[] {
    const out: Entity[] = [];
    const entities = this.entities;
    for (let k = this.from(a); k < entities.length && entities[k].start < b; k++) if (entities[k].end <= b) out.push(entities[k]);
    return out;
  }

  /** The first entity lying wholly within [a, b): `within(a, b)[0]`, or null. */
  firstWithin(a: number, b: number): Entity | null {
    const entities = this.entities;
    for (let k = this.from(a); k < entities.length && entities[k].start < b; k++) if (entities[k].end <= b) return entities[k];
    return null;
  }

  /** The last entity of a type lying wholly within [a, b), or null. */
  lastWithin(a: number, b: number, type: EntityType): Entity | null {
    const entities = this.entities;
    let found: Entity | null = null;
    for (let k = this.from(a); k < entities.length && entities[k].start < b; k++) {
      const e = entities[k];
      if (e.end <= b && e.type === type) found = e;
    }
    return found;
  }
}
