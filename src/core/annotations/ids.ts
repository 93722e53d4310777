/**
 * Annotation ids. An id must stay unique when two people annotate the same text on two git branches that are later
 * merged, and must never come back for another annotation after one is deleted, so a counter (which both branches
 * would advance to the same values, and which restarts after deleting the last annotation) will not do.
 *
 * Format: `TTTTTTTTT-RRRRRRRR` (18 characters, lowercase base 36):
 * - `T`: milliseconds since 1970 in base 36, zero-padded to 9 digits (enough until the year 5188), so ids sort by
 *   creation time and a person can tell old from new;
 * - `R`: 8 random base-36 digits (about 41 bits), so two ids made in the same millisecond on two machines collide
 *   with a probability of about 1 in 2 × 10¹²; a collision within one sidecar is also checked and retried.
 * The dash keeps YAML from reading an id as a number, so it is never quoted.
 */

/** Pattern of the ids Diplomat makes. Ids written by hand need only be non-empty strings; this is not enforced. */
export const ANNOTATION_ID_PATTERN = /^[0-9a-z]{9}-[0-9a-z]{8}$/;

const timeDigits = 9;
const randomDigits = 8;

/** A source of random numbers in [0, 1): `Math.random` by default; tests pass a seeded one. */
export type RandomSource = () => number;

/**
 * Web Crypto where the runtime has it (Node ≥ 19, browsers, VS Code's extension hosts); `Math.random` otherwise.
 * Read from `globalThis` so that core imports nothing from Node.
 */
function defaultRandom(): RandomSource {
  const cryptoObject = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  const getRandomValues = cryptoObject?.getRandomValues?.bind(cryptoObject);
  if (!getRandomValues) return Math.random;
  return () => getRandomValues(new Uint32Array(1))[0] / 2 ** 32;
}

/**
 * A fresh annotation id (see the module comment for its format) that is not in `taken`.
 * @param now milliseconds since 1970 (defaults to `Date.now()`); negative or non-finite values count as 0.
 * @param random numbers in [0, 1); defaults to Web Crypto, else `Math.random`.
 */
export function newAnnotationId(taken: ReadonlySet<string> = new Set(), now: number = Date.now(), random: RandomSource = defaultRandom()): string {
  const time = Math.max(0, Math.floor(Number.isFinite(now) ? now : 0)).toString(36).padStart(timeDigits, '0').slice(-timeDigits);
  // A bounded loop: with 36⁸ suffixes a repeat is vanishingly rare, but a broken `random` must not hang the editor.
  for (let attempt = 0; attempt < 100; attempt++) {
    let suffix = '';
    for (let i = 0; i < randomDigits; i++) suffix += Math.floor(random() * 36).toString(36).slice(-1);
    const id = `${time}-${suffix}`;
    if (!taken.has(id)) return id;
  }
  throw new Error('could not make a unique annotation id: the random source repeats itself');
}
