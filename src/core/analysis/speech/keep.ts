/**
 * The latest object of each helper class, kept alive until the next one replaces it.
 *
 * V8 compiles code against the layout (the "map") of the objects it meets, and a full garbage collection that finds no
 * live object of a layout drops it, together with the code compiled for it. The speech helpers live for one analysis;
 * between two analyses none would be alive, so every analysis after a full collection (an editor idle between edits
 * makes them) would run its passes unoptimised while V8 compiled them again, two to four times slower. One live object
 * per class keeps its layout; the cost is that the latest analysis's helpers stay in memory until the next.
 */
const latest = new Map<unknown, object>();

/** Keeps `o` as the latest object of its class, and returns it. */
export function keep<T extends object>(o: T): T {
  latest.set(o.constructor, o);
  return o;
}
