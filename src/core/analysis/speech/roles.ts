import { countryOfAdjective } from '../countries';
import type { People } from '../entities';
import { isSpaceOrNoBreak } from '../text';
import type { Entity } from '../types';
import type { EntityIndex } from './entity-index';

/**
 * Roles and the people they designate: how often the text names each person and country, which people hold which
 * office, and the head-of-state roles (`the President`, `Head of State`) found anywhere in the text.
 */

/** How many PERSON and COUNTRY entities have a canonical name. */
interface NameCount {
  persons: number;
  countries: number;
}

/** Mention counts of the text's people and countries, which decide between candidates for a role. */
export class NameCounts {
  /** The most mentioned country (the first of equals), taken for the text's own when a role names none. */
  readonly home: string | null = null;
  private readonly names = new Map<string, NameCount>();

  constructor(entities: readonly Entity[]) {
    let best = 0;
    for (const c of countNames(entities, this.names)) {
      const n = this.names.get(c)?.countries ?? 0;
      if (n > best) { best = n; this.home = c; }
    }
  }

  /** How many PERSON entities have the name. */
  persons(name: string): number {
    return this.names.get(name)?.persons ?? 0;
  }
}

/**
 * Counts the PERSON and COUNTRY entities of each name into `names`, looked up once per entity; returns the country
 * names in the order of their first entity.
 */
function countNames(entities: readonly Entity[], names: Map<string, NameCount>): string[] {
  const countryNames: string[] = [];
  // An index loop over the entities (tens of thousands): until V8 optimises this code, a for-of allocates one
  // iterator result per element.
  const count = entities.length;
  for (let k = 0; k < count; k++) {
    const e = entities[k];
    const type = e.type;
    if (type !== 'PERSON' && type !== 'COUNTRY') continue;
    let r = names.get(e.canonical);
    if (!r) names.set(e.canonical, (r = { persons: 0, countries: 0 }));
    if (type === 'PERSON') r.persons++;
    else if (r.countries++ === 0) countryNames.push(e.canonical);
  }
  return countryNames;
}

/**
 * The person a role designates. Candidates are indexed once, so each role costs a few map lookups whatever the number
 * of people; the holders of an office in a country are found by office, then country, without a key built per
 * lookup.
 */
export class RoleResolver {
  private readonly byOfficeCountry = new Map<string, Map<string, string[]>>();
  private readonly byCountry = new Map<string, string[]>();
  private readonly byOffice = new Map<string, string[]>();
  private readonly unbound: string[] = [];

  constructor(private readonly people: People, private readonly counts: NameCounts) {
    const ranked = [...people.byCanonical.values()]
      .filter((p) => counts.persons(p.canonical) > 0)
      .sort((a, b) => counts.persons(b.canonical) - counts.persons(a.canonical));
    for (const p of ranked) {
      if (p.country) {
        if (p.office) {
          let m = this.byOfficeCountry.get(p.office);
          if (!m) this.byOfficeCountry.set(p.office, (m = new Map()));
          push2(m, p.country, p.canonical);
        }
        push2(this.byCountry, p.country, p.canonical);
      } else if (this.unbound.length < 2) this.unbound.push(p.canonical);
      if (p.office) push2(this.byOffice, p.office, p.canonical);
    }
  }

  /**
   * The person a role designates. A role with a country goes to the holder the text names for it; an unqualified
   * role in narration goes first to the text's own principal, whose country the text leaves unsaid; inside someone's
   * speech (`context`, that speaker's key) it designates somebody else.
   */
  resolve(office: string, country: string | null, context: string | null): string | null {
    const home = this.counts.home;
    return country !== null
      ? firstOther(this.holders(office, country), context) ?? firstOther(this.byCountry.get(country), context) ?? firstOther(this.unbound, context)
      : context === null
        ? firstOther(this.unbound, null) ?? firstOther(this.holders(office, home), null) ?? firstOther(this.byOffice.get(office), null)
        : firstOther(this.unbound, context) ?? firstOther(this.byOffice.get(office), context);
  }

  /**
   * The person the text last introduced with an office before `pos` (`Minister of National Economy Ruslan Dalenov`
   * for a later `the Minister said`), if the country (when one is given) is theirs. Introductions are in text order.
   */
  introducedHolder(office: string, country: string | null, pos: number): string | null {
    // A head of state's bare title goes to the text's principal (resolve), whoever was introduced last.
    if (office === 'president') return null;
    const intros = this.people.intros;
    let lo = 0;
    let hi = intros.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (intros[mid].pos < pos) lo = mid + 1; else hi = mid; }
    for (let k = lo - 1; k >= 0; k--) {
      const x = intros[k];
      if (x.office !== office) continue;
      const p = this.people.byCanonical.get(x.canonical);
      if (country !== null && p?.country !== country) continue;
      return this.counts.persons(x.canonical) > 0 ? x.canonical : null;
    }
    return null;
  }

  private holders(office: string, country: string | null): readonly string[] | undefined {
    return country === null ? undefined : this.byOfficeCountry.get(office)?.get(country);
  }
}

/** Adds `v` to the list of `k`, which keeps the first two. */
function push2(m: Map<string, string[]>, k: string, v: string): void {
  const l = m.get(k);
  if (!l) m.set(k, [v]);
  else if (l.length < 2) l.push(v);
}

function firstOther(l: readonly string[] | undefined, context: string | null): string | null {
  if (!l) return null;
  for (const c of l) if (c !== context) return c;
  return null;
}

/**
 * A head-of-state role of the text that may be a mention of a speaker (`President`, `Mr President`, `Head of State`),
 * with what the text around it says, read by `RoleReader` during the landmark scan while that text is in the
 * processor's cache (read later, each of thousands of roles far apart costs a wait on memory).
 */
export interface RoleSite {
  /** The mention: the role words with `Mr`/`Madam` before them, and its text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Which role (ROLE_*). */
  readonly kind: number;
  /** Where a capitalised word follows after spaces (a person's name, if an entity starts there), or -1. */
  readonly capital: number;
  /** End of ` of ` or ` of the ` after the role, where a country may follow, or -1. */
  readonly of: number;
  /** The capitalised word right before the role words (`French`), when no `Mr` is, and its start. */
  readonly adjective: string | null;
  readonly adjectiveStart: number;
}

/**
 * Reads the roles at the role words of the landmark scan, in text order: what a global ROLE_AT would find. The regex
 * runs only where one of its alternatives' first words occurs; `President`, thousands of times in a transcript, is
 * checked on its codes. Roles followed by `s` or `-elect` (plurals, `President-elect`) and vice-presidents are left
 * out.
 */
export class RoleReader {
  readonly sites: RoleSite[] = [];
  /** End of the last role read: a role word before it is part of that role. */
  private prevEnd = 0;

  constructor(private readonly text: string) {}

  /** Reads the role, if any, whose first word (`President`, `Head`, `Prime`) starts at `at`. */
  read(at: number): void {
    const text = this.text;
    if (at < this.prevEnd) return;
    let end: number;
    let kind: number;
    const c = text.charCodeAt(at);
    if (c === 0x50 && text.charCodeAt(at + 2) === 0x65) {
      // `President`: a whole word.
      if (isAsciiWordChar(text.charCodeAt(at - 1)) || isAsciiWordChar(text.charCodeAt(at + 9))) return;
      end = at + 9;
      kind = ROLE_PRESIDENT;
    } else {
      ROLE_AT.lastIndex = at;
      if (!ROLE_AT.test(text)) return;
      end = ROLE_AT.lastIndex;
      kind = c === 0x50 ? ROLE_PRIME : text.startsWith('House', end - 5) ? ROLE_WHITE_HOUSE : ROLE_STATE;
    }
    const start = honorificBefore(text, at, this.prevEnd);
    this.prevEnd = end;
    if (possessiveOrElect(text, end) || viceBefore(text, start)) return;
    // `President of Kazakhstan` (not `Head of State of …`); `French President` (not after `Mr`).
    const of = kind === ROLE_PRESIDENT || kind === ROLE_PRIME ? ofTheAfter(text, end) : -1;
    const adjectiveStart = start === at ? adjectiveBefore(text, start) : -1;
    const adjective = adjectiveStart >= 0 ? text.slice(adjectiveStart, spacesBefore(text, start)) : null;
    this.sites.push({ start, end, text: text.slice(start, end), kind, capital: capitalAfter(text, end), of, adjective, adjectiveStart });
  }
}

/** What is done with each role mention: an object (not a closure made per text), so the call stays the same. */
export interface RoleVisitor {
  visit(start: number, end: number, mention: string, country: string | null): void;
}

/**
 * The head-of-state roles of the text that are mentions (`President`, `the French President`, `Mr President`,
 * `President of Kazakhstan`, `Head of the White House`), in text order: the visitor gets each one's span, text and the
 * country it names (or null). A role followed by a person's name is left out: the name is the mention.
 */
export function findRoleMentions(text: string, sites: readonly RoleSite[], idx: EntityIndex, visitor: RoleVisitor): void {
  // `countryOfAdjective` tries every country name on a word that is no demonym (`Deputy`, `Acting`): each word once.
  const adjectives = new Map<string, string | null>();
  for (const r of sites) {
    if (r.capital >= 0) {
      const next = idx.firstWithin(r.end, r.end + 40);
      if (next !== null && next.type === 'PERSON' && next.start > r.end && next.start <= r.capital) continue;
    }
    let s = r.start;
    let e = r.end;
    let country: string | null = null;
    if (r.of >= 0) {
      const ce = idx.firstWithin(r.of, r.of + 60);
      if (ce && ce.type === 'COUNTRY' && ce.start === r.of) { country = ce.canonical; e = ce.end; }
    }
    if (!country && r.adjective !== null) {
      let c = adjectives.get(r.adjective);
      if (c === undefined) adjectives.set(r.adjective, (c = countryOfAdjective(r.adjective)));
      if (c) { country = c; s = r.adjectiveStart; }
    }
    if (r.kind === ROLE_WHITE_HOUSE) country = 'United States';
    visitor.visit(s, e, s === r.start && e === r.end ? r.text : text.slice(s, e), country);
  }
}

/**
 * The role words alone: an optional `Mr`/`Madam` before them is read backwards (honorificBefore), which keeps the
 * regex free of a leading optional group that would make it try every position of the text.
 */
const ROLE_AT = /\b(?:President|Head[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?State|Head[ \u00a0]+of[ \u00a0]+the[ \u00a0]+White[ \u00a0]+House|Prime[ \u00a0]+Minister)\b/y;
/** The roles ROLE_AT finds: `President`, `Head of (the) State`, `Head of the White House`, `Prime Minister`. */
const ROLE_PRESIDENT = 0;
const ROLE_STATE = 1;
const ROLE_WHITE_HOUSE = 2;
const ROLE_PRIME = 3;

/** A character of the regex class `\w` (what `\b` looks at). NaN (outside the text) is none. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 0x5f;
}

/**
 * Whether role words ending at `e` go on as a plural (`Presidents`, `President-s`) or as `President-elect`: what
 * `/^[-’']?(?:s\b|elect)/` finds after them, less the possessive `President’s`, which is a mention.
 */
function possessiveOrElect(text: string, e: number): boolean {
  let p = e;
  let c = text.charCodeAt(p);
  let apostrophe = false;
  if (c === 0x2d) c = text.charCodeAt(++p);
  else if (c === 0x2019 || c === 0x27) { apostrophe = true; c = text.charCodeAt(++p); }
  if (text.startsWith('elect', p)) return true;
  return !apostrophe && c === 0x73 && !isAsciiWordChar(text.charCodeAt(p + 1));
}

/**
 * Where a capital follows role words ending at `e` after spaces, within 40 characters (`President Putin`), or -1: a
 * person's name, which the entities give as the mention, if one starts there.
 */
function capitalAfter(text: string, e: number): number {
  const limit = Math.min(text.length, e + 40);
  let p = e;
  while (p < limit && isSpaceOrNoBreak(text.charCodeAt(p))) p++;
  if (p === e || p >= limit) return -1;
  const c = text.charCodeAt(p);
  return c >= 65 && c <= 90 ? p : -1;
}

/** Whether `Vice` and a space or hyphen stand right before `s` (`Vice President`, `Vice-President`). */
function viceBefore(text: string, s: number): boolean {
  if (s < 5) return false;
  const c = text.charCodeAt(s - 1);
  return (isSpaceOrNoBreak(c) || c === 0x2d) && text.startsWith('Vice', s - 5);
}

/**
 * End of ` of ` or ` of the ` right after role words ending at `e`, within 40 characters
 * (`/^[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?/`), or -1.
 */
function ofTheAfter(text: string, e: number): number {
  const limit = Math.min(text.length, e + 40);
  let p = e;
  while (p < limit && isSpaceOrNoBreak(text.charCodeAt(p))) p++;
  if (p === e || p + 2 > limit || !text.startsWith('of', p)) return -1;
  p += 2;
  let q = p;
  while (q < limit && isSpaceOrNoBreak(text.charCodeAt(q))) q++;
  if (q === p) return -1;
  if (q + 3 <= limit && text.startsWith('the', q)) {
    let r = q + 3;
    while (r < limit && isSpaceOrNoBreak(text.charCodeAt(r))) r++;
    if (r > q + 3) q = r;
  }
  return q;
}

/** Start of the spaces (`[ \u00a0]`) that end at `pos`, looking back at most 12 characters. */
function spacesBefore(text: string, pos: number): number {
  const limit = Math.max(0, pos - 12);
  let q = pos;
  while (q > limit && isSpaceOrNoBreak(text.charCodeAt(q - 1))) q--;
  return q;
}

/**
 * Start of a capitalised word and spaces right before `pos`, within 12 characters (`French President`): the start of
 * `/([A-Z][A-Za-z.]*)[ \u00a0]+$/` in the 12 characters before `pos`, or -1.
 */
function adjectiveBefore(text: string, pos: number): number {
  const limit = Math.max(0, pos - 12);
  const q = spacesBefore(text, pos);
  if (q === pos) return -1;
  let r = q;
  while (r > limit) {
    const c = text.charCodeAt(r - 1);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x2e)) break;
    r--;
  }
  // The leftmost capital of the run starts the match.
  for (let a = r; a < q; a++) {
    const c = text.charCodeAt(a);
    if (c >= 65 && c <= 90) return a;
  }
  return -1;
}

/**
 * Start of `Mr`, `Mr.` or `Madam` and the spaces before a role word at `pos` (a word of its own, not before `from`),
 * else `pos`.
 */
function honorificBefore(text: string, pos: number, from: number): number {
  let q = pos;
  while (q > from && (text.charCodeAt(q - 1) === 0x20 || text.charCodeAt(q - 1) === 0xa0)) q--;
  if (q === pos) return pos;
  let h = -1;
  if (q - 2 >= from && text.startsWith('Mr', q - 2)) h = q - 2;
  else if (q - 3 >= from && text.startsWith('Mr.', q - 3)) h = q - 3;
  else if (q - 5 >= from && text.startsWith('Madam', q - 5)) h = q - 5;
  if (h < 0) return pos;
  const c = h > 0 ? text.charCodeAt(h - 1) : 0x20;
  const wordChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x5f;
  return wordChar ? pos : h;
}
