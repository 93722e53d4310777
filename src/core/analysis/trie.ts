import type { EntityType } from './types';
import { Gap, isAllCaps, titleCase, type Tokens } from './tokens';

export interface Term {
  readonly type: EntityType;
  readonly canonical: string;
  readonly rule: string;
}

/** A word trie over name tokens; connector words (`of`) and `,` are words of their own. */
export class NameTrie {
  private readonly root = new Map<string, TrieNode>();

  /** Adds `surface` (words split on spaces and hyphens). A later add of the same surface replaces the term. */
  add(surface: string, term: Term): void {
    const words = splitWords(surface);
    if (words.length === 0) return;
    let map = this.root;
    let node: TrieNode | undefined;
    for (let k = 0; k < words.length; k++) {
      const w = words[k];
      let nd = map.get(w);
      if (!nd) {
        nd = { next: null, term: null };
        map.set(w, nd);
      }
      node = nd;
      if (k < words.length - 1) map = nd.next ??= new Map();
    }
    if (node) node.term = term;
  }

  has(word: string): boolean {
    return this.root.has(word);
  }

  /** Whether some entry starts with `word` (as `match` reads it: all capitals also in title case). */
  canStart(word: string): boolean {
    return lookup(this.root, word) !== undefined;
  }

  /**
   * Longest match starting at token i: the index of its last token and the term, or null. All-capital tokens also
   * match their title-case form (`AMERICA`, `BLINKEN`).
   */
  match(t: Tokens, i: number): { last: number; term: Term } | null {
    // The best match so far is kept in two variables: one result object per call, not one per term passed.
    let bestLast = -1;
    let bestTerm: Term | null = null;
    let node = lookup(this.root, t.vocab[t.id[i]]);
    let j = i;
    while (node) {
      if (node.term) { bestLast = j; bestTerm = node.term; }
      if (!node.next || t.possessive[j] || j + 1 >= t.n) break;
      const g = t.gap[j + 1];
      if (g === Gap.Break) break;
      let map: Map<string, TrieNode> | undefined = node.next;
      if (g === Gap.Connector) {
        for (const c of (t.conn.get(j + 1) ?? '').split(' ')) {
          const nn: TrieNode | undefined = map?.get(c);
          map = nn?.next ?? undefined;
          if (!map) break;
        }
      } else if (g === Gap.Comma) {
        map = map.get(',')?.next ?? undefined;
      }
      if (!map) break;
      j++;
      node = lookup(map, t.vocab[t.id[j]]);
    }
    return bestTerm ? { last: bestLast, term: bestTerm } : null;
  }
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  term: Term | null;
}

function lookup(map: Map<string, TrieNode>, w: string): TrieNode | undefined {
  const n = map.get(w);
  if (n || w.length < 4 || !isAllCaps(w)) return n;
  return map.get(titleCase(w));
}

/** `Washington, DC` → `Washington`, `,`, `DC`; `Kassym-Jomart` → `Kassym`, `Jomart`. */
export function splitWords(s: string): string[] {
  const out: string[] = [];
  for (const part of s.split(/[ \u00a0-]+/)) {
    if (!part) continue;
    if (part.endsWith(',') && part.length > 1) {
      out.push(part.slice(0, -1), ',');
    } else out.push(part);
  }
  return out;
}
