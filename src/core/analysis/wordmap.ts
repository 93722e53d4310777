import { fnv1a } from './tokens';

/**
 * A fixed map from words to values, looked up by the words' FNV-1a hash (`fnv1a`, the hash `Tokens.hash` keeps for
 * every distinct word of a text). Most words of a text are in no word list: their lookup reads one slot of a small
 * table and stops, without hashing or reading the word's string again.
 */
export class HashedWordMap<T> {
  /** Open addressing: entry index + 1 (0 = empty), kept at most half full. */
  private readonly slots: Int32Array;
  private readonly words: string[] = [];
  private readonly hashes: number[] = [];
  private readonly values: T[] = [];

  constructor(entries: ReadonlyMap<string, T>) {
    let size = 16;
    while (size < entries.size * 2) size *= 2;
    this.slots = new Int32Array(size);
    const mask = size - 1;
    for (const [word, value] of entries) {
      const h = fnv1a(word, 0, word.length);
      let slot = h & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.words.push(word);
      this.hashes.push(h);
      this.values.push(value);
      this.slots[slot] = this.words.length;
    }
  }

  /** The value of `word`, whose FNV-1a hash is `hash`; undefined if it has none. */
  get(word: string, hash: number): T | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const v = this.slots[slot];
      if (v === 0) return undefined;
      if (this.hashes[v - 1] === hash && this.words[v - 1] === word) return this.values[v - 1];
    }
  }
}
