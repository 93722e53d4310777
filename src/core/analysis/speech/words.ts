/**
 * The words and punctuation marks of a window of the text, read around quotation marks to find who speaks.
 *
 * A word starts with a letter (Latin, Latin-1 to Latin Extended-B, Cyrillic) or a digit and runs over those and
 * `.'’&-`; `,;:!?“”"«»` and line feeds are one-mark words. A word's final full stop is sentence punctuation unless the
 * word is an abbreviation (`U.S.`). Characters of neither kind separate words and are skipped.
 *
 * Words are read on demand: an attribution is decided within its first dozen words, so the rest of the window (up to
 * a line) is never read or cut into strings. The word list is reused from one window to the next, so reading a
 * window allocates only the words' strings.
 */
export class Words {
  /** The words read so far, with their start and end offsets. */
  readonly w: string[] = [];
  readonly s: number[] = [];
  readonly e: number[] = [];
  private text = '';
  private pos = 0;
  private to = 0;

  /** Starts reading the window text[from, to): no word is read yet. */
  reset(text: string, from: number, to: number): this {
    this.text = text;
    this.pos = from;
    this.to = to;
    this.w.length = 0;
    this.s.length = 0;
    this.e.length = 0;
    return this;
  }

  /**
   * Starts reading the window text[from, to) at its `n`-th last word, or at `from` if it holds fewer: the words read
   * are then its last `n`, as reading it whole would give them. The start is found backwards: a mark is a word of its
   * own, and a run of word characters holds one word, from its first word-start character to its end.
   */
  resetToLast(text: string, from: number, to: number, n: number): this {
    let start = from;
    let found = 0;
    for (let i = to - 1; i >= from;) {
      const c = text.charCodeAt(i);
      if (isMarkWord(c)) {
        if (++found === n) { start = i; break; }
        i--;
        continue;
      }
      if (!isSpeechWordChar(c)) { i--; continue; }
      let r = i;
      while (r > from && isSpeechWordChar(text.charCodeAt(r - 1))) r--;
      let f = r;
      while (f <= i && !isSpeechWordStart(text.charCodeAt(f))) f++;
      if (f <= i && ++found === n) { start = f; break; }
      i = r - 1;
    }
    return this.reset(text, start, to);
  }

  /** Whether the window holds a word number `k` (0-based), reading up to it. */
  has(k: number): boolean {
    while (this.w.length <= k && this.pos < this.to) this.readOne();
    return k < this.w.length;
  }

  /** The number of words in the whole window, read to its end. */
  count(): number {
    while (this.pos < this.to) this.readOne();
    return this.w.length;
  }

  /** Whether word `k` (read already) is one of the one-character marks. */
  isMark(k: number): boolean {
    return this.e[k] - this.s[k] === 1 && isMarkWord(this.text.charCodeAt(this.s[k]));
  }

  /** Reads the next word or mark, if the window holds one. */
  private readOne(): void {
    const text = this.text;
    const to = this.to;
    let i = this.pos;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (isSpeechWordStart(c)) {
        let e = i + 1;
        while (e < to && isSpeechWordChar(text.charCodeAt(e))) e++;
        const end = e - i > 2 && text.charCodeAt(e - 1) === 0x2e && !isDottedCapitals(text, i, e) ? e - 1 : e;
        this.push(text.slice(i, end), i, end);
        this.pos = e;
        return;
      }
      i++;
      if (isMarkWord(c)) {
        this.push(text.charAt(i - 1), i - 1, i);
        this.pos = i;
        return;
      }
    }
    this.pos = to;
  }

  private push(w: string, s: number, e: number): void {
    this.w.push(w);
    this.s.push(s);
    this.e.push(e);
  }
}

/** First character of a word: an ASCII letter or digit, U+00C0–U+024F, or Cyrillic U+0400–U+04FF. */
function isSpeechWordStart(c: number): boolean {
  return c < 0x80 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
    : (c >= 0xc0 && c <= 0x24f) || (c >= 0x400 && c <= 0x4ff);
}

/** Later characters of a word: the first ones and `.'’&-`. */
function isSpeechWordChar(c: number): boolean {
  return isSpeechWordStart(c) || c === 0x2e || c === 0x27 || c === 0x2019 || c === 0x26 || c === 0x2d;
}

/** The marks read as one-character words: `,;:!?“”"«»` and the line feed. */
function isMarkWord(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x22 || c === 0x0a
    || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb;
}

/** Whether text[s, e) is capitals each followed by a full stop (`U.S.`). */
function isDottedCapitals(text: string, s: number, e: number): boolean {
  if ((e - s) % 2 !== 0) return false;
  for (let k = s; k < e; k += 2) {
    const c = text.charCodeAt(k);
    if (c < 65 || c > 90 || text.charCodeAt(k + 1) !== 0x2e) return false;
  }
  return true;
}

/**
 * The last word or mark of text[from, to) as `words` reads it, without reading the window: the last character that
 * starts a word or is a mark decides, since a word's later characters (`.'’&-`) never start a word or a mark. The mark's
 * code, -1 for a word, or 0 when the window holds neither.
 */
export function lastMarkBefore(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (isMarkWord(c)) return c;
    if (isSpeechWordStart(c)) return -1;
  }
  return 0;
}
