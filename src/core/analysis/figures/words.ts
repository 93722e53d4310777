/**
 * A fixed vocabulary of lower-case ASCII words, looked up by a range of the text in any letter case.
 *
 * The parsers compare the words around a number with word lists (`than`, `percent`, `million`, `the` …). Cutting each
 * word out of the text and lower-casing it allocates two strings, and every lookup of a fresh string hashes it again.
 * `lower` instead hashes the code units in place and returns the vocabulary's own string, whose hash the word lists
 * have already computed; only words outside the vocabulary are cut and lower-cased as before.
 */
export class Vocabulary {
  /** Open-addressing hash table: index + 1 into `words`, 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly words: string[] = [];
  private readonly mask: number;

  constructor(words: Iterable<string>) {
    const unique = [...new Set(words)].filter((w) => /^[a-z]+$/.test(w));
    let size = 16;
    while (size < unique.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (const w of unique) {
      let slot = hash(w, 0, w.length) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.words.push(w);
      this.slots[slot] = this.words.length;
    }
  }

  /** `text.slice(start, end).toLowerCase()`, without cutting a new string when the word is in the vocabulary. */
  lower(text: string, start: number, end: number): string {
    return this.find(text, start, end) ?? text.slice(start, end).toLowerCase();
  }

  /** The vocabulary word that `text.slice(start, end)` spells in any ASCII letter case, or undefined. */
  find(text: string, start: number, end: number): string | undefined {
    const length = end - start;
    for (let slot = hash(text, start, end) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot];
      if (entry === 0) return undefined;
      const word = this.words[entry - 1];
      if (word.length === length && spells(word, text, start)) return word;
    }
  }
}

/** A code unit with ASCII capitals made small, all else unchanged. */
function asciiLower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/** Hash of the code units start..end, ASCII capitals read as small letters. */
function hash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let k = start; k < end; k++) h = Math.imul(h ^ asciiLower(text.charCodeAt(k)), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Whether the text at `start` spells the lower-case `word`, ASCII capitals read as small letters. */
function spells(word: string, text: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) {
    if (asciiLower(text.charCodeAt(start + k)) !== word.charCodeAt(k)) return false;
  }
  return true;
}
