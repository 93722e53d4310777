import type { EntityType } from './types';
import { connectorPhraseWords, Gap, isAllCaps, titleCase, type Tokens } from './tokens';

export interface Term {
  readonly type: EntityType;
  readonly canonical: string;
  readonly rule: string;
}

/**
 * A word trie over name tokens; connector words (`of`) and `,` are words of their own. Words are numbered as they are
 * added and nodes are numbers too (the root is node 0): a node's child for a word is found in one hash table of
 * integer pairs, so a `TrieView` over a text's tokens looks each distinct word up once and then walks the trie
 * without strings or maps.
 */
export class NameTrie {
  /** Number of every word of the entries. */
  private readonly words = new Map<string, number>();
  /**
   * Per node: the term of the entry ending there, null without one. The constructor gives it the root's null, so its
   * elements are never small integers once `add` runs: a trie made after `add` was compiled (the people's, after the
   * name table's) would otherwise bring an array of another hidden class and send the optimised `add` back to the
   * interpreter.
   */
  private readonly termOf: (Term | null)[] = [];
  /** Per node: how many children it has. */
  private readonly childCount: number[] = [0];
  /** Open addressing over (node, word) → child: node, word and child + 1 (0 = empty slot); at most half full. */
  private edgeNode: Int32Array;
  private edgeWord: Int32Array;
  private edgeChild: Int32Array;
  private edges = 0;
  /** Per word number: 1 if an entry starts with the word (`has`). */
  private readonly rootWord: number[] = [];

  /** `expectedWords`: about how many words the entries will hold, so the tables need not grow while they are added. */
  constructor(expectedWords = 32) {
    let size = 64;
    while (size < expectedWords * 2) size *= 2;
    this.edgeNode = new Int32Array(size);
    this.edgeWord = new Int32Array(size);
    this.edgeChild = new Int32Array(size);
    this.termOf.push(null);
  }

  /** Adds `surface` (words split on spaces and hyphens). A later add of the same surface replaces the term. */
  add(surface: string, term: Term): void {
    const words = splitWords(surface);
    if (words.length === 0) return;
    let node = 0;
    for (const word of words) {
      const w = this.wordNumber(word);
      let c = this.child(node, w);
      if (c < 0) {
        c = this.termOf.length;
        this.termOf.push(null);
        this.childCount.push(0);
        this.childCount[node]++;
        this.insertEdge(node, w, c);
        if (node === 0) this.rootWord[w] = 1;
      }
      node = c;
    }
    this.termOf[node] = term;
  }

  private wordNumber(word: string): number {
    let w = this.words.get(word);
    if (w === undefined) {
      w = this.words.size;
      this.words.set(word, w);
      this.rootWord.push(0);
    }
    return w;
  }

  /** The words of the entries with their numbers. */
  wordNumbers(): IterableIterator<[string, number]> {
    return this.words.entries();
  }

  /** Whether an entry starts with word number `w` (`has`). */
  startsWithNumber(w: number): boolean {
    return this.rootWord[w] === 1;
  }

  /** Number of `word` in this trie, or -1 if no entry holds it. */
  numberOf(word: string): number {
    return this.words.get(word) ?? -1;
  }

  /** The child of `node` for word number `word`, or -1. */
  child(node: number, word: number): number {
    if (word < 0) return -1;
    const mask = this.edgeChild.length - 1;
    for (let slot = edgeHash(node, word) & mask; ; slot = (slot + 1) & mask) {
      const c = this.edgeChild[slot];
      if (c === 0) return -1;
      if (this.edgeNode[slot] === node && this.edgeWord[slot] === word) return c - 1;
    }
  }

  /** Whether any entry goes on past `node`. */
  hasChildren(node: number): boolean {
    return this.childCount[node] > 0;
  }

  /** The term ending at `node`, null if none does. */
  termAt(node: number): Term | null {
    return this.termOf[node];
  }

  has(word: string): boolean {
    return this.startsWithNumber(this.numberOf(word));
  }

  /** Whether some entry starts with `word` (as a `TrieView` reads it: all capitals also in title case). */
  canStart(word: string): boolean {
    return this.childOrCaps(0, this.numberOf(word), capsNumber(this, word)) >= 0;
  }

  /** The child of `node` for a word (`word`), else for its title-case form (`capsWord`, -1 if none), else -1. */
  childOrCaps(node: number, word: number, capsWord: number): number {
    const c = this.child(node, word);
    return c >= 0 || capsWord < 0 ? c : this.child(node, capsWord);
  }

  private insertEdge(node: number, word: number, child: number): void {
    if ((this.edges + 1) * 2 > this.edgeChild.length) this.growEdges();
    const mask = this.edgeChild.length - 1;
    let slot = edgeHash(node, word) & mask;
    while (this.edgeChild[slot] !== 0) slot = (slot + 1) & mask;
    this.edgeNode[slot] = node;
    this.edgeWord[slot] = word;
    this.edgeChild[slot] = child + 1;
    this.edges++;
  }

  /**
   * Makes room for about `expectedWords` more words, so the tables need not grow while they are added (for a trie
   * made before its size is known).
   */
  reserve(expectedWords: number): void {
    let size = this.edgeChild.length;
    while (size < (this.edges + expectedWords) * 2) size *= 2;
    if (size > this.edgeChild.length) this.resizeEdges(size);
  }

  private growEdges(): void {
    this.resizeEdges(this.edgeChild.length * 2);
  }

  private resizeEdges(size: number): void {
    const { edgeNode, edgeWord, edgeChild } = this;
    this.edgeNode = new Int32Array(size);
    this.edgeWord = new Int32Array(size);
    this.edgeChild = new Int32Array(size);
    this.edges = 0;
    for (let s = 0; s < edgeChild.length; s++) if (edgeChild[s] !== 0) this.insertEdge(edgeNode[s], edgeWord[s], edgeChild[s] - 1);
  }
}

function edgeHash(node: number, word: number): number {
  const h = Math.imul(node ^ Math.imul(word, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/** Number of the title-case form of an all-capital word of four or more letters (`AMERICA` → `America`), else -1. */
function capsNumber(trie: NameTrie, w: string): number {
  return w.length < 4 || !isAllCaps(w) ? -1 : trie.numberOf(titleCase(w));
}

/**
 * A trie read over one text's tokens: each distinct word is looked up once (its number in the trie, that of its
 * title-case form, and the entry it starts), and the longest match at each token is worked out once and kept, since
 * the detectors ask for the same tokens several times. The trie must not change while a view is in use. Views are
 * plain objects read by the functions below: per-text class instances would lose their hidden classes to each full
 * garbage collection, and the optimised code reading them with it.
 *
 * Every view is made by one object literal (`makeView`). The second object a literal makes widens what its hidden
 * class notes about the fields' types, which throws away the optimised code that relied on the narrower types: a text's
 * two views are best made together, before that code is compiled (see `pendingTrieView`).
 */
export interface TrieView {
  readonly trie: NameTrie;
  readonly t: Tokens;
  /** Trie number of each vocabulary word, -1 if none. */
  readonly word: Int32Array;
  /** Trie number of each vocabulary word's title-case form (all capitals, four letters or more), -1 otherwise. */
  readonly caps: Int32Array;
  /** Per vocabulary word: the root's child for it (`NameTrie.childOrCaps`), -1 if no entry starts with it. */
  readonly start: Int32Array;
  /**
   * Word numbers of each connector phrase met, by phrase code (-1 for a word absent from the trie); those of the
   * comma (one word) under COMMA_PATH.
   */
  readonly phrases: Map<number, Int32Array>;
  /** Per token: 0 not yet asked, 1 no match, else the last token of the longest match + 2. */
  readonly lastMemo: Int32Array;
  /** Per token with a match: the trie node where its longest match ends (its term's node). */
  readonly termMemo: Int32Array;
}

export function trieView(trie: NameTrie, t: Tokens): TrieView {
  const v = pendingTrieView(trie, t);
  completeTrieView(v);
  return v;
}

/**
 * A view over a trie whose entries are still being added: it may be read only after `completeTrieView`, once the
 * trie is complete. A caller makes it early, next to its other views (see `TrieView`).
 */
export function pendingTrieView(trie: NameTrie, t: Tokens): TrieView {
  const nv = t.vocab.length;
  return makeView(trie, t, new Int32Array(nv), new Int32Array(nv), new Int32Array(nv));
}

/** Works out the word tables of a view from `pendingTrieView`, its trie now complete. */
export function completeTrieView(v: TrieView): void {
  const { trie, word, caps } = v;
  const vocab = v.t.vocab;
  for (let k = 0; k < vocab.length; k++) {
    const w = vocab[k];
    word[k] = trie.numberOf(w);
    caps[k] = capsNumber(trie, w);
  }
  rootChildren(trie, word, caps, v.start);
}

/**
 * `trieView` for a caller that already has the trie numbers of the vocabulary words (`word`) and of their title-case
 * forms where the trie tries them (`caps`: words in capitals of four letters or more; -1 elsewhere).
 */
export function trieViewOf(trie: NameTrie, t: Tokens, word: Int32Array, caps: Int32Array): TrieView {
  const start = new Int32Array(t.vocab.length);
  rootChildren(trie, word, caps, start);
  return makeView(trie, t, word, caps, start);
}

/** Fills `TrieView.start` from the word numbers. */
function rootChildren(trie: NameTrie, word: Int32Array, caps: Int32Array, start: Int32Array): void {
  for (let k = 0; k < word.length; k++) start[k] = trie.childOrCaps(0, word[k], caps[k]);
}

/** The one object literal of every view (see `TrieView`); `phrases` and the memos start empty. */
function makeView(trie: NameTrie, t: Tokens, word: Int32Array, caps: Int32Array, start: Int32Array): TrieView {
  return { trie, t, word, caps, start, phrases: new Map(), lastMemo: new Int32Array(t.n), termMemo: new Int32Array(t.n) };
}

/** Whether some entry starts with vocabulary word `id` (`NameTrie.canStart`). */
export function viewStarts(v: TrieView, id: number): boolean {
  return v.start[id] >= 0;
}

/**
 * Whether vocabulary word `id` is an entry by itself (as the view reads it): a match then starts at each of its
 * tokens (`matchLast` is never -1 there).
 */
export function viewIsEntry(v: TrieView, id: number): boolean {
  const node = v.start[id];
  return node >= 0 && v.trie.termAt(node) !== null;
}

/** Whether an entry starts with vocabulary word `id` exactly as written (`NameTrie.has`). */
export function viewHas(v: TrieView, id: number): boolean {
  return v.trie.startsWithNumber(v.word[id]);
}

/** Last token of the longest entry starting at token i, or -1. */
export function matchLast(v: TrieView, i: number): number {
  if (v.start[v.t.id[i]] < 0) return -1;
  const m = v.lastMemo[i];
  if (m !== 0) return m - 2;
  const last = longestMatch(v, i);
  v.lastMemo[i] = last + 2;
  return last;
}

/** The term of the longest entry at token i; only after `matchLast(v, i)` found one. */
export function matchTerm(v: TrieView, i: number): Term {
  return v.trie.termAt(v.termMemo[i]) as Term;
}

function longestMatch(v: TrieView, i: number): number {
  const t = v.t;
  const trie = v.trie;
  // The best match so far is kept in two variables: no object per term passed.
  let bestLast = -1;
  let bestNode = -1;
  let node = v.start[t.id[i]];
  let j = i;
  while (node >= 0) {
    if (trie.termAt(node) !== null) { bestLast = j; bestNode = node; }
    if (!trie.hasChildren(node) || t.possessive[j] || j + 1 >= t.n) break;
    const g = t.gap[j + 1];
    if (g === Gap.Break) break;
    // `at`: the node whose children the next token is looked up in, after the connector words or the comma. The
    // comma is walked like a one-word connector phrase, by the same code: a path of its own, met late in a text,
    // would lack type feedback in the optimised code and send it back to the interpreter.
    let at = node;
    if (g === Gap.Connector || g === Gap.Comma) {
      const key = g === Gap.Comma ? COMMA_PATH : t.connCode[j + 1];
      const path = v.phrases.get(key) ?? phrasePath(v, key);
      for (let k = 0; k < path.length && at >= 0; k++) {
        at = trie.child(at, path[k]);
        if (at >= 0 && !trie.hasChildren(at)) at = -1;
      }
    }
    if (at < 0) break;
    j++;
    const id = t.id[j];
    node = trie.childOrCaps(at, v.word[id], v.caps[id]);
  }
  if (bestLast >= 0) v.termMemo[i] = bestNode;
  return bestLast;
}

/** Key of `TrieView.phrases` for the comma's path (connector phrase codes are positive). */
const COMMA_PATH = -1;

/** The trie numbers of the words of connector phrase `code` (or of the comma), worked out once per view. */
function phrasePath(v: TrieView, code: number): Int32Array {
  const path = code === COMMA_PATH
    ? Int32Array.of(v.trie.numberOf(','))
    : Int32Array.from(connectorPhraseWords(code), (w) => v.trie.numberOf(w));
  v.phrases.set(code, path);
  return path;
}

/** `Washington, DC` → `Washington`, `,`, `DC`; `Kassym-Jomart` → `Kassym`, `Jomart`. */
export function splitWords(s: string): string[] {
  const out: string[] = [];
  // Most names hold plain spaces only: a split on ' ' then gives the same words (its empty parts are skipped).
  const parts = s.indexOf('-') < 0 && s.indexOf('\u00a0') < 0 ? s.split(' ') : s.split(/[ \u00a0-]+/);
  for (const part of parts) {
    if (!part) continue;
    if (part.endsWith(',') && part.length > 1) {
      out.push(part.slice(0, -1), ',');
    } else out.push(part);
  }
  return out;
}
