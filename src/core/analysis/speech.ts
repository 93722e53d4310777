import { countryOfAdjective } from './countries';
import { normaliseOffice, type EntityResult, type People } from './entities';
import { atLineStart, isLabelSpace, type Label } from './labels';
import { HONORIFICS, ORG_SPEAKER_NOUNS, PRONOUNS, SEATS, SPEECH_VERBS, TITLE_WORDS } from './lexicon';
import { isHSpace, isUpper, lineEnd, lineStart, skipHSpace, trimEnd } from './text';
import { titleCase } from './tokens';
import type { Entity, Quote, QuoteKind, Speaker, SpeakerMention, Span } from './types';
import { EntityIndex } from './speech/entity-index';
import { findLandmarks, type Landmarks } from './speech/landmarks';
import { findRoleMentions, NameCounts, RoleResolver, type RoleSite, type RoleVisitor } from './speech/roles';
import { questioners, type TurnSpan } from './speech/questioners';
import { SpanIndex } from './speech/span-index';
import { keep } from './speech/keep';
import { lastMarkBefore, Words } from './speech/words';

/** Who an attribution names, before it is resolved to a speaker. */
type Subject =
  | { readonly kind: 'pronoun' }
  | { readonly kind: 'person'; readonly canonical: string }
  | { readonly kind: 'role'; readonly office: string; readonly country: string | null; readonly span: Span }
  | { readonly kind: 'org'; readonly name: string }
  | { readonly kind: 'label'; readonly label: Label }
  | { readonly kind: 'speaker'; readonly key: string };

interface Raw {
  start: number;
  end: number;
  kind: QuoteKind;
  cue: Span | null;
  rule: string;
  subject: Subject | null;
  labelMention: Span | null;
  strong: boolean;
}

const SINGLE_VERBS: ReadonlySet<string> = new Set(SPEECH_VERBS.filter((v) => !v.includes(' ')));
const ROLE_HEAD = /^(?:President|Head of (?:the )?State|Head of the [A-Z][\w ]+|Prime Minister|Premier|Chancellor|King|Queen|Emir|Minister|Foreign Minister|Secretary of State|Secretary|Chairman|Ambassador|Governor|Mayor|Secretary-General)$/;

/** First words of the two-word verbs `isVerbAt` reads (`pointed out`, `went on`). */
const PHRASAL_HEADS: ReadonlySet<string> = new Set(['pointed', 'points', 'went', 'summed']);
/** Which ASCII codes begin a speech verb (1): a word beginning with another is no verb. */
const VERB_INITIAL = new Uint8Array(128);
for (const v of [...SINGLE_VERBS, ...PHRASAL_HEADS]) if (v.charCodeAt(0) < 128) VERB_INITIAL[v.charCodeAt(0)] = 1;

/**
 * Any speech verb, or first word of a two-word one, anywhere: a window of text without one attributes no quote, which
 * one regex test tells before its words are read.
 */
const ANY_VERB = new RegExp([...SINGLE_VERBS, ...PHRASAL_HEADS].join('|'));

/**
 * The length of the speech verb at word `k` (`said`: 1, `pointed out`: 2), or 0. Most words are rejected on their
 * first character, before the set lookup.
 */
function isVerbAt(ws: Words, k: number): number {
  if (!ws.has(k)) return 0;
  const w = ws.w[k];
  const c = w.charCodeAt(0);
  if (c < 128 && VERB_INITIAL[c] === 0) return 0;
  if (SINGLE_VERBS.has(w)) return 1;
  if (PHRASAL_HEADS.has(w) && ws.has(k + 1)) {
    const n = ws.w[k + 1];
    if (n === 'out' || n === 'on' || n === 'up') return 2;
  }
  return 0;
}

const SUBJ_WORDS: ReadonlySet<string> = new Set(['the', 'The', 'of', 'our', 'your', 'his', 'her', 'and', 'for', 'de', 'US', 'U.S.']);

/** Whether words [a, b) (read already) may name who speaks: capitalised words, articles, a final organisation noun. */
function subjectWordsOk(ws: Words, a: number, b: number): boolean {
  if (b <= a || b - a > 9) return false;
  for (let k = a; k < b; k++) {
    const w = ws.w[k];
    if (k === a && PRONOUNS.has(w)) return b - a === 1;
    if (SUBJ_WORDS.has(w) || isUpper(w.charCodeAt(0))) continue;
    if (k === b - 1 && ORG_SPEAKER_NOUNS.has(w)) continue;
    if (k > a && ws.w[k - 1] !== 'the' && (w === 'delegation' || w === 'side')) continue;
    if (k > a && /^[A-Z]/.test(ws.w[a]) === false && ws.w[a].toLowerCase() === 'the' && ORG_SPEAKER_NOUNS.has(w)) continue;
    return false;
  }
  return /[A-Za-z\u0400-\u04FF]/.test(ws.w[a]);
}

/** Whether a word begins with a letter or a digit (`/^[\p{L}\d]/u`), testing ASCII on its code. */
function startsWithLetterOrDigit(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return /^[\p{L}\d]/u.test(w);
}

/** `.,;!?` or a line feed: what may follow the subject of an anchored tail attribution. */
function isClauseEnd(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3b || c === 0x21 || c === 0x3f || c === 0x0a;
}

export interface SpeechResult {
  readonly speakers: Speaker[];
  readonly quotes: Quote[];
}

/**
 * Finds quotes (quoted, transcript turns, dash-led paragraphs), attributes them and gathers the speakers with their
 * mentions. Offsets are UTF-16 code units.
 */
export function findSpeech(text: string, ent: EntityResult): SpeechResult {
  // The helper objects are kept (see speech/keep.ts) so that the code V8 compiles for them outlives a full collection.
  const idx = keep(new EntityIndex(ent.entities));
  const landmarks = findLandmarks(text);
  const turns = findTurns(text, ent.labels);
  const turnAt = keep(new SpanIndex(turns));
  const attributor = keep(new Attributor(text, idx, ent.people));
  const raws: Raw[] = turns.slice();
  findQuoted(text, landmarks, idx, attributor, turnAt, raws);
  // Dash-led paragraphs: `- I am sure …, Nursultan Nazarbayev said.` The first line, then those the landmarks found.
  if (text.length > 0) dashLine(text, 0, attributor, turnAt, raws);
  for (const ls of landmarks.dashLines) dashLine(text, ls, attributor, turnAt, raws);
  raws.sort((a, b) => a.start - b.start);
  return assemble(text, ent, raws, idx, landmarks.roles);
}

/** Quoted speech: every pair of quotation marks around enough words, attributed where the words around it say who speaks. */
function findQuoted(
  text: string,
  landmarks: Landmarks,
  idx: EntityIndex,
  attributor: Attributor,
  turnAt: SpanIndex<Raw>,
  raws: Raw[],
): void {
  const tags = htmlTagIndex(text, landmarks.lessThans);
  for (const q of pairQuotes(text, landmarks.marks)) {
    if (tags.at(q.open)) continue;
    let cs = q.open + 1;
    let ce = q.close;
    while (cs < ce && isHSpace(text.charCodeAt(cs))) cs++;
    ce = trimEnd(text, cs, ce);
    if (ce <= cs) continue;
    // Under three words is no quote, attributed or not: the attribution is not looked for.
    if (countWords(text, cs, ce, 3) < 3) continue;
    const raw: Raw = { start: cs, end: ce, kind: 'quoted', cue: null, rule: '', subject: null, labelMention: null, strong: false };
    const lab = bulletLabel(text, q.open, idx);
    if (lab && lab.kind === 'speaker') {
      raw.subject = lab.subject;
      raw.rule = 'bullet-label';
      raw.labelMention = lab.span;
      raw.strong = true;
    }
    if (!raw.subject) {
      // The tail reads at most 160 characters of the line: its end is looked for no further (161 keeps a `\r` just
      // past them from cutting the window short).
      const tl = attributor.tail(q.close + 1, lineEnd(text, q.close + 1, 161), false);
      if (tl) { raw.subject = tl.subject; raw.cue = tl.cue; raw.rule = 'tail-attribution'; raw.strong = tl.subject.kind !== 'pronoun'; }
    }
    if (!raw.subject) {
      const bf = attributor.before(q.open);
      if (bf) { raw.subject = bf.subject; raw.cue = bf.cue; raw.rule = 'lead-attribution'; raw.strong = bf.subject.kind !== 'pronoun'; }
    }
    if (!raw.subject && lab && lab.kind === 'topic' && lab.intro) {
      raw.subject = lab.intro;
      raw.rule = 'list-intro';
    }
    // Inside a transcript turn, only a quote with its own named speaker counts.
    if (!raw.strong && turnAt.at(cs)) continue;
    if (!raw.subject) {
      // Unattributed: a capitalised sentence of four words, or fifteen words (the count stops there).
      const first = text.charCodeAt(cs);
      if (!(isUpper(first) || (first >= 48 && first <= 57))) continue;
      const last = text.charCodeAt(ce - 1);
      const endsSentence = last === 0x2e || last === 0x21 || last === 0x3f || last === 0x2026 || last === 0x2c;
      const nWords = countWords(text, cs, ce, 15);
      if (!((endsSentence && nWords >= 4) || nWords >= 15)) continue;
      raw.rule = 'unattributed';
    }
    raws.push(raw);
  }
}

/** A line led by a dash (`- I am sure …, Nursultan Nazarbayev said.`), pushed to `raws` if attributed. */
function dashLine(text: string, ls: number, attributor: Attributor, turnAt: SpanIndex<Raw>, raws: Raw[]): void {
  const nl = text.indexOf('\n', ls);
  const next = nl < 0 ? text.length : nl + 1;
  let body = skipHSpace(text, ls, next);
  const d = text.charCodeAt(body);
  if (d === 0x2d || d === 0x2013 || d === 0x2014) {
    body = skipHSpace(text, body + 1, next);
    const c = text.charCodeAt(body);
    if (isUpper(c) || (c >= 48 && c <= 57)) {
      const dq = dashQuote(text, body, lineEnd(text, body, next - body), attributor, turnAt);
      if (dq) raws.push(dq);
    }
  }
}

/** A dash-led paragraph `- I am sure …, Nursultan Nazarbayev said.`: the speech runs to the last comma. */
function dashQuote(text: string, body: number, le: number, attributor: Attributor, turnAt: SpanIndex<Raw>): Raw | null {
  let comma = le - 1;
  while (comma > body && text.charCodeAt(comma) !== 0x2c) comma--;
  if (comma <= body || le - comma > 120) return null;
  const tl = attributor.tail(comma + 1, le, true);
  if (!tl || turnAt.at(body)) return null;
  const e = trimEnd(text, body, comma);
  return { start: body, end: e, kind: 'dash', cue: tl.cue, rule: 'dash-tail-attribution', subject: tl.subject, labelMention: null, strong: true };
}

/** A quote's speaker as the words around it name them, and the speech verb or phrase that says so. */
interface Attributed {
  subject: Subject;
  cue: Span;
}

/** Reads who speaks a quote in the words around it. */
class Attributor {
  // Two word windows, reused for every quote: the words after a closing mark and before an opening one.
  private readonly tailWords = keep(new Words());
  private readonly leadWords = new Words();

  constructor(private readonly text: string, private readonly idx: EntityIndex, private readonly people: People) {}

  /**
   * Attribution after a quote: `,” said X.`, `,” X said.`, `, the US President said.` Decided within the first dozen
   * words after `pos`, which are all that is read.
   */
  tail(pos: number, limit: number, anchored: boolean): Attributed | null {
    const text = this.text;
    const end = Math.min(limit, pos + 160);
    if (!ANY_VERB.test(text.slice(pos, end))) return null;
    const ws = this.tailWords.reset(text, pos, end);
    let k = 0;
    while (ws.has(k) && ws.w[k] === ',') k++;
    const v = isVerbAt(ws, k);
    if (v) {
      let b = k + v;
      while (ws.has(b) && b - k - v < 9 && startsWithLetterOrDigit(ws.w[b]) && (isUpper(ws.w[b].charCodeAt(0)) || SUBJ_WORDS.has(ws.w[b]) || PRONOUNS.has(ws.w[b]))) b++;
      if (anchored && ws.has(b) && !isClauseEnd(text.charCodeAt(ws.e[b - 1]))) return null;
      const subject = this.subjectOf(ws.has(k + v) ? ws.s[k + v] : pos, ws.e[b - 1], ws, k + v, b);
      if (subject) return { subject, cue: span(text, ws.s[k], ws.e[k + v - 1]) };
      return null;
    }
    for (let b = k + 1; ws.has(b) && b - k <= 9; b++) {
      if (ws.isMark(b)) return null;
      let vb = isVerbAt(ws, b);
      let skip = 0;
      if (!vb && (ws.w[b] === 'also' || ws.w[b] === 'then' || ws.w[b] === 'further' || ws.w[b] === 'later')) { vb = isVerbAt(ws, b + 1); skip = 1; }
      if (!vb) continue;
      const subject = this.subjectOf(ws.s[k], ws.e[b - 1], ws, k, b);
      if (!subject) return null;
      const ve = b + skip + vb - 1;
      if (anchored) {
        const rest = text.slice(ws.e[ve], limit).trim();
        if (rest !== '' && rest !== '.' && !/^(?:to [^,]{0,40})?\.$/.test(rest)) return null;
      }
      return { subject, cue: span(text, ws.s[b + skip], ws.e[ve]) };
    }
    return null;
  }

  /** Attribution before a quote: `X said: “`, `According to the President, “`. */
  before(open: number): Attributed | null {
    const text = this.text;
    // Both forms end in a colon or a comma: most quotes are rejected on the last mark before them, unread.
    const lastMark = lastMarkBefore(text, Math.max(0, open - 200), open);
    if (lastMark !== 0x3a && lastMark !== 0x2c) return null;
    const ls = lineStart(text, open, 200);
    // The attribution is read in the last words before the mark, never more than 14 back: only the last 20 are read.
    // They are numbered from there, and every test below on a number (`a > 0`, `a >= 2`) comes out the same.
    const ws = this.leadWords.resetToLast(text, Math.max(ls, open - 200), open, 20);
    let end = ws.count() - 1;
    if (end > 0 && /^(?:that|reporters|journalists|us|them|me|him|her)$/.test(ws.w[end - 1])) end--;
    let vs = -1;
    let vlen = 0;
    for (let k = Math.max(0, end - 2); k < end; k++) { const v = isVerbAt(ws, k); if (v && k + v === end) { vs = k; vlen = v; } }
    if (vs < 0) {
      // `According to X, “…`: the phrase is the cue.
      let a = end - 1;
      while (a > 0 && a > end - 8 && ws.w[a - 1] !== 'to' && !/^[,;:.!?\n“”"]$/.test(ws.w[a - 1])) a--;
      if (a >= 2 && ws.w[a - 1] === 'to' && /^According$/i.test(ws.w[a - 2])) {
        const subject = this.subjectOf(ws.s[a], ws.e[end - 1], ws, a, end);
        if (subject) return { subject, cue: span(text, ws.s[a - 2], ws.e[a - 1]) };
      }
      return null;
    }
    let a = vs;
    if (a > 0 && (ws.w[a - 1] === 'also' || ws.w[a - 1] === 'then')) a--;
    const ve = a;
    while (a > 0 && ve - a < 8 && !/^[,;:.!?\n“”"«»]$/.test(ws.w[a - 1])) a--;
    while (a < ve && !(isUpper(ws.w[a].charCodeAt(0)) || ws.w[a] === 'the' || PRONOUNS.has(ws.w[a]))) a++;
    if (a >= ve) return null;
    const subject = this.subjectOf(ws.s[a], ws.e[ve - 1], ws, a, ve);
    return subject ? { subject, cue: span(text, ws.s[vs], ws.e[vs + vlen - 1]) } : null;
  }

  /** Who words [wa, wb) of `ws` (text [a, b)) name as the speaker: a pronoun, a person, a role or an organisation. */
  private subjectOf(a: number, b: number, ws: Words, wa: number, wb: number): Subject | null {
    const text = this.text;
    if (!subjectWordsOk(ws, wa, wb)) return null;
    if (wb - wa === 1 && PRONOUNS.has(ws.w[wa])) return { kind: 'pronoun' };
    const inside = this.idx.within(a, b);
    for (let k = inside.length - 1; k >= 0; k--) if (inside[k].type === 'PERSON') return { kind: 'person', canonical: inside[k].canonical };
    const role = roleIn(text, ws, wa, wb, inside);
    if (role) return role;
    for (let k = inside.length - 1; k >= 0; k--) if (inside[k].type === 'ORG') return { kind: 'org', name: inside[k].canonical };
    const last = ws.w[wb - 1];
    if (ORG_SPEAKER_NOUNS.has(last)) {
      const first = ws.w[wa].toLowerCase() === 'the' ? wa + 1 : wa;
      return { kind: 'org', name: text.slice(ws.s[first], ws.e[wb - 1]) };
    }
    if (isUpper(ws.w[wa].charCodeAt(0)) && ws.w[wa] !== 'The') {
      const c = this.people.canonicalOf(text.slice(ws.s[wa], ws.e[wb - 1]));
      if (c) return { kind: 'person', canonical: c };
    }
    return null;
  }
}

function span(text: string, s: number, e: number): Span {
  return { start: s, end: e, text: text.slice(s, e) };
}

function countWords(text: string, s: number, e: number, cap: number): number {
  let n = 0;
  let inWord = false;
  for (let i = s; i < e; i++) {
    const sp = isHSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 0x0a;
    if (!sp && !inWord) { n++; if (n >= cap) return n; }
    inWord = !sp;
  }
  return n;
}

/** The HTML tags of the text. Tags are tried at each `<` of the text (`lessThans`), resuming after each tag. */
function htmlTagIndex(text: string, lessThans: readonly number[]): SpanIndex<{ start: number; end: number }> {
  const spans: { start: number; end: number }[] = [];
  const TAG = /<[A-Za-z!/][^<>\n]{0,4000}>/y;
  let resume = 0;
  for (const lt of lessThans) {
    if (lt < resume) continue;
    TAG.lastIndex = lt;
    if (TAG.test(text)) {
      spans.push({ start: lt, end: TAG.lastIndex });
      resume = TAG.lastIndex;
    }
  }
  return new SpanIndex(spans);
}

interface Pair { open: number; close: number }

const MAX_QUOTE = 8000;
const LEFT_DOUBLE = 0x201c;
const RIGHT_DOUBLE = 0x201d;
const LOW_DOUBLE = 0x201e;
const LEFT_GUILLEMET = 0xab;
const RIGHT_GUILLEMET = 0xbb;
const STRAIGHT = 0x22;

/** `“`, `«` and `„` only ever open a quote. */
function isOpener(c: number): boolean {
  return c === LEFT_DOUBLE || c === LEFT_GUILLEMET || c === LOW_DOUBLE;
}

/**
 * Pairs quotation marks in one left-to-right pass. A quote may run over paragraph breaks (the next paragraph may
 * reopen with a mark); an unmatched opener is dropped after MAX_QUOTE characters or at the next opener, so every mark
 * is looked at once. The marks are the landmark scan's, read as code units: no one-character string is built per mark
 * (a long text holds hundreds of thousands).
 */
function pairQuotes(text: string, marks: readonly number[]): Pair[] {
  const out: Pair[] = [];
  let open = -1;
  let openCh = 0;
  for (const i of marks) {
    const ch = text.charCodeAt(i);
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x0a;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20;
    const openish = i === 0 || isHSpace(prev) || prev === 0x0a || prev === 0x0d || prev === 0x28 || prev === 0x5b || prev === 0x2014 || prev === 0x2013 || prev === 0x2d || prev === 0x3a;
    const closeish = !isHSpace(prev) && prev !== 0x0a;
    if (open >= 0 && i - open > MAX_QUOTE) open = -1;
    if (open < 0) {
      if (isOpener(ch) || (ch === STRAIGHT && openish && !isHSpace(next))) { open = i; openCh = ch; }
      continue;
    }
    const isCloser = ch === RIGHT_DOUBLE || ch === RIGHT_GUILLEMET || (ch === STRAIGHT && (closeish || !openish));
    if (isCloser && !(openCh === LEFT_GUILLEMET && ch !== RIGHT_GUILLEMET)) {
      out.push({ open, close: i });
      open = -1;
      continue;
    }
    if (isOpener(ch) || ch === STRAIGHT) {
      // A paragraph that reopens a running quote continues it; any other opener starts afresh.
      if (atLineStart(text, i) && text.lastIndexOf('\n', i) > open) continue;
      open = i;
      openCh = ch;
    }
  }
  return out;
}

function findTurns(text: string, labels: readonly Label[]): Raw[] {
  const out: Raw[] = [];
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    const next = k + 1 < labels.length ? labels[k + 1].start : text.length;
    const end = trimEnd(text, l.body, next);
    if (end <= l.body) continue;
    // A label is the span of its mention (its text is the text between its offsets).
    out.push({ start: l.body, end, kind: 'turn', cue: null, rule: 'transcript-label', subject: { kind: 'label', label: l }, labelMention: l, strong: true });
  }
  return out;
}

/** `- Secretary Bessent: “…` (speaker) or `- On negotiations: “…` (topic, attributed to the list's introducer). */
function bulletLabel(
  text: string,
  open: number,
  idx: EntityIndex,
): { kind: 'speaker'; subject: Subject; span: Span } | { kind: 'topic'; intro: Subject | null } | null {
  // Both end in a colon right before the mark: most quotes are rejected on that, before the line is read.
  let colon = open - 1;
  while (colon >= 0 && open - colon <= 101 && isLabelSpace(text.charCodeAt(colon))) colon--;
  if (colon < 0 || text.charCodeAt(colon) !== 0x3a) return null;
  const ls = lineStart(text, open, 101);
  if (open - ls > 100 || (ls > 0 && text.charCodeAt(ls - 1) !== 0x0a)) return null;
  const head = text.slice(ls, open);
  const mm = /^[ \t\u00a0]*([-–—•*][ \t\u00a0]*)?([^:\n]{1,80}?)[ \t\u00a0]*:[ \t\u00a0]*$/.exec(head);
  if (!mm) return null;
  const ls2 = ls + mm[0].indexOf(mm[2], (mm[1] ?? '').length);
  const le2 = ls2 + mm[2].length;
  const person = idx.lastWithin(ls2, le2, 'PERSON');
  if (person && isUpper(mm[2].charCodeAt(0))) {
    return { kind: 'speaker', subject: { kind: 'person', canonical: person.canonical }, span: span(text, ls2, le2) };
  }
  if (!mm[1]) return null;
  // Walk back over the list's items to the paragraph that introduces it (`… of the landmark deal:`).
  let p = ls;
  for (let guard = 0; guard < 40 && p > 0; guard++) {
    const prevEnd = trimEnd(text, 0, p);
    if (prevEnd === 0) break;
    const pls = lineStart(text, prevEnd, 4000);
    const line = text.slice(pls, prevEnd);
    if (/^[ \t\u00a0]*[-–—•*]/.test(line)) { p = pls; continue; }
    if (!line.endsWith(':')) return { kind: 'topic', intro: null };
    const persons2 = idx.within(pls, prevEnd).filter((e) => e.type === 'PERSON');
    return { kind: 'topic', intro: persons2.length ? { kind: 'person', canonical: persons2[0].canonical } : null };
  }
  return { kind: 'topic', intro: null };
}

/** A role named in an attribution subject (`the US President`, `the Head of the White House`). */
function roleIn(text: string, ws: Words, wa: number, wb: number, inside: readonly Entity[]): Subject | null {
  let a = wa;
  while (a < wb && /^(?:the|The|our|your|his|her)$/.test(ws.w[a])) a++;
  if (a >= wb) return null;
  const phrase = text.slice(ws.s[a], ws.e[wb - 1]).replace(/[\s\u00a0]+/g, ' ');
  let country: string | null = null;
  for (const e of inside) if (e.type === 'COUNTRY') country = e.canonical;
  let head = phrase;
  const adj = /^([A-Z][\w.]*) (.+)$/.exec(phrase);
  if (adj && !ROLE_HEAD.test(phrase) && ROLE_HEAD.test(adj[2])) {
    country ??= countryOfAdjective(adj[1]);
    head = adj[2];
  }
  const of = /^(.+?) of (?:the )?(.+)$/.exec(head);
  if (of && ROLE_HEAD.test(of[1]) && !/^Head$/.test(of[1]) && !/^State$/.test(of[2])) head = of[1];
  if (!ROLE_HEAD.test(head)) return null;
  const seat = /^Head of the (.+)$/.exec(head);
  if (seat) {
    const c = SEATS.get(seat[1]);
    if (!c) return null;
    return { kind: 'role', office: 'president', country: c, span: span(text, ws.s[a], ws.e[wb - 1]) };
  }
  const office = normaliseOffice(head);
  if (!office) return null;
  return { kind: 'role', office, country, span: span(text, ws.s[a], ws.e[wb - 1]) };
}

interface SpeakerAcc {
  id: string;
  name: string;
  type: 'PERSON' | 'ORG';
  mentions: SpeakerMention[];
  quotes: number;
}

/** A quote attributed to a speaker (by key), for the roles inside someone's speech. */
interface ContextSpan {
  start: number;
  end: number;
  key: string;
}

/**
 * Resolves the quotes' subjects to speakers and gathers each speaker's mentions (labels, names, roles). Each step is
 * a function of its own: V8 optimises a small function early, and code it compiles while a long loop runs does not
 * cover the steps after it.
 */
function assemble(text: string, ent: EntityResult, raws: Raw[], idx: EntityIndex, roleSites: readonly RoleSite[]): SpeechResult {
  const names = keep(new NameCounts(ent.entities));
  const roles = keep(new RoleResolver(ent.people, names));
  const speakers = new Map<string, SpeakerAcc>();
  const quoteSpeakers: (SpeakerAcc | null)[] = [];
  const contextSpans: ContextSpan[] = [];
  // Where the speakers' mentions start, one bit per position of the text (bit `p & 31` of element `p >>> 5`), set as
  // they are made: a role is a mention only where none starts. Tens of thousands of starts are set and tested far
  // faster than in a hash set.
  const starts = new Uint32Array((text.length >>> 5) + 1);
  attribute(text, raws, ent.people, idx, roles, speakers, quoteSpeakers, contextSpans, starts);
  addNameMentions(ent.entities, ent.labels, speakers, starts);
  if (speakers.size > 0) addRoleMentions(text, roleSites, idx, roles, speakers, contextSpans, starts);
  return finish(text, raws, speakers, quoteSpeakers);
}

/** Gives each quote its speaker (`quoteSpeakers`, one per raw quote), creating the speakers with their labels and roles. */
function attribute(
  text: string,
  raws: readonly Raw[],
  people: People,
  idx: EntityIndex,
  roles: RoleResolver,
  speakers: Map<string, SpeakerAcc>,
  quoteSpeakers: (SpeakerAcc | null)[],
  contextSpans: ContextSpan[],
  starts: Uint32Array,
): void {
  const labels = keep(new LabelSpeakers(people, idx));
  const asker = questionTurnSpeakers(text, raws, idx, labels);

  let last: string | null = null;
  for (let k = 0; k < raws.length; k++) {
    const r = raws[k];
    let key: string | null = null;
    let name = '';
    let type: 'PERSON' | 'ORG' = 'PERSON';
    let roleMention: Span | null = null;
    const sub = r.subject;
    if (sub) {
      switch (sub.kind) {
        case 'pronoun': key = last; name = last ?? ''; break;
        case 'person': key = sub.canonical; name = sub.canonical; break;
        case 'org': key = `org:${sub.name}`; name = sub.name; type = 'ORG'; break;
        case 'speaker': key = sub.key; name = sub.key; break;
        case 'label': key = (asker && asker[k]) || labels.speaker(sub.label); name = key; break;
        case 'role': {
          key = roles.introducedHolder(sub.office, sub.country, sub.span.start) ?? roles.resolve(sub.office, sub.country, null);
          name = key ?? '';
          roleMention = sub.span;
          break;
        }
      }
    }
    let speaker: SpeakerAcc | null = null;
    if (key) {
      let s = speakers.get(key);
      if (!s) speakers.set(key, (s = { id: '', name, type, mentions: [], quotes: 0 }));
      s.quotes++;
      const lm = r.labelMention;
      if (lm) {
        s.mentions.push({ start: lm.start, end: lm.end, text: lm.text, kind: r.kind === 'turn' || r.rule === 'bullet-label' ? 'label' : 'name' });
        starts[lm.start >>> 5] |= 1 << (lm.start & 31);
      }
      if (roleMention) {
        s.mentions.push({ start: roleMention.start, end: roleMention.end, text: roleMention.text, kind: 'role' });
        starts[roleMention.start >>> 5] |= 1 << (roleMention.start & 31);
      }
      speaker = s;
      last = key;
      contextSpans.push({ start: r.start, end: r.end, key });
    }
    quoteSpeakers.push(speaker);
  }
}

/**
 * For a transcript with question turns, the journalist of each raw quote that is a question turn (see `questioners`),
 * indexed like `raws`; null without question turns.
 */
function questionTurnSpeakers(text: string, raws: readonly Raw[], idx: EntityIndex, labels: LabelSpeakers): (string | null)[] | null {
  const turns: TurnSpan[] = [];
  const at: number[] = [];
  let questions = false;
  for (let k = 0; k < raws.length; k++) {
    const sub = raws[k].subject;
    if (raws[k].kind !== 'turn' || !sub || sub.kind !== 'label') continue;
    turns.push({ start: raws[k].start, end: raws[k].end, question: sub.label.question });
    at.push(k);
    if (sub.label.question) questions = true;
  }
  if (!questions) return null;
  const answerers = new Set<string>();
  for (const r of raws) if (r.kind === 'turn' && r.subject?.kind === 'label' && !r.subject.label.question) answerers.add(labels.speaker(r.subject.label));
  const names = questioners(text, turns, idx, answerers);
  const out: (string | null)[] = new Array<string | null>(raws.length).fill(null);
  for (let j = 0; j < at.length; j++) out[at[j]] = names[j];
  return out;
}

/** Name mentions: every PERSON/ORG entity of a speaker outside labels. */
function addNameMentions(entities: readonly Entity[], labels: readonly Label[], speakers: ReadonlyMap<string, SpeakerAcc>, starts: Uint32Array): void {
  // Organisations are keyed `org:NAME`; a map by bare name spares building that key for every ORG entity, and a table
  // of the names' lengths (255: longer) spares most lookups: a text quotes few organisations and names thousands.
  const orgSpeakers = new Map<string, SpeakerAcc>();
  const orgLengths = new Uint8Array(256);
  for (const [key, sp] of speakers) {
    if (!key.startsWith('org:')) continue;
    orgSpeakers.set(key.slice(4), sp);
    orgLengths[Math.min(key.length - 4, 255)] = 1;
  }
  // Entities and labels are both in text order: the labels that start at or before an entity are counted by a cursor.
  // An index loop over the entities (tens of thousands): until V8 optimises this code, a for-of allocates one
  // iterator result per element.
  let labelsBefore = 0;
  const count = entities.length;
  for (let k = 0; k < count; k++) {
    const e = entities[k];
    let s: SpeakerAcc | undefined;
    if (e.type === 'PERSON') s = speakers.get(e.canonical);
    else if (e.type === 'ORG' && orgLengths[Math.min(e.canonical.length, 255)] === 1) s = orgSpeakers.get(e.canonical);
    if (!s) continue;
    while (labelsBefore < labels.length && labels[labelsBefore].start <= e.start) labelsBefore++;
    if (labelsBefore > 0 && e.start < labels[labelsBefore - 1].end) continue;
    s.mentions.push({ start: e.start, end: e.end, text: e.text, kind: 'name' });
    starts[e.start >>> 5] |= 1 << (e.start & 31);
  }
}

/** Role mentions: head-of-state roles anywhere in the text, given to the speaker they designate where not a mention yet. */
function addRoleMentions(
  text: string,
  roleSites: readonly RoleSite[],
  idx: EntityIndex,
  roles: RoleResolver,
  speakers: ReadonlyMap<string, SpeakerAcc>,
  contextSpans: readonly ContextSpan[],
  starts: Uint32Array,
): void {
  findRoleMentions(text, roleSites, idx, keep(new RoleMentionAdder(roles, speakers, contextSpans, starts)));
}

/** Gives a role mention to the speaker it designates, unless a mention of a speaker starts there already. */
class RoleMentionAdder implements RoleVisitor {
  private readonly contextAt: SpanIndex<ContextSpan>;
  /**
   * The speaker a role designates, by country and the speaker whose speech holds it: a few pairs recur thousands of
   * times, each resolved once.
   */
  private readonly resolved = new Map<string | null, Map<string | null, SpeakerAcc | null>>();

  constructor(
    private readonly roles: RoleResolver,
    private readonly speakers: ReadonlyMap<string, SpeakerAcc>,
    contextSpans: readonly ContextSpan[],
    /** Where the speakers' mentions start, one bit per position (see `assemble`). */
    private readonly starts: Uint32Array,
  ) {
    this.contextAt = new SpanIndex(contextSpans);
  }

  visit(start: number, end: number, mention: string, country: string | null): void {
    if ((this.starts[start >>> 5] >>> (start & 31)) & 1) return;
    const ctx = this.contextAt.at(start);
    const context = ctx ? ctx.key : null;
    let byContext = this.resolved.get(country);
    if (!byContext) this.resolved.set(country, (byContext = new Map()));
    let sp = byContext.get(context);
    if (sp === undefined) {
      const key = this.roles.resolve('president', country, context);
      byContext.set(context, (sp = key ? this.speakers.get(key) ?? null : null));
    }
    if (sp) sp.mentions.push({ start, end, text: mention, kind: 'role' });
  }
}

/** The speakers with quotes, numbered in order of their first mention, and the quotes with their speakers' ids. */
function finish(text: string, raws: readonly Raw[], speakers: ReadonlyMap<string, SpeakerAcc>, quoteSpeakers: readonly (SpeakerAcc | null)[]): SpeechResult {
  const list: SpeakerAcc[] = [];
  for (const s of speakers.values()) if (s.quotes > 0) list.push(s);
  for (const s of list) s.mentions = sortByStart(s.mentions);
  list.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  const out: Speaker[] = [];
  for (let k = 0; k < list.length; k++) {
    const s = list[k];
    s.id = `s${k + 1}`;
    out.push({ id: s.id, name: s.name, type: s.type, mentions: dedupe(s.mentions) });
  }
  return { speakers: out, quotes: quotesOf(text, raws, quoteSpeakers) };
}

/** The quotes, each with its speaker's id (once the speakers are numbered). */
function quotesOf(text: string, raws: readonly Raw[], quoteSpeakers: readonly (SpeakerAcc | null)[]): Quote[] {
  const quotes: Quote[] = [];
  for (let k = 0; k < raws.length; k++) {
    const r = raws[k];
    const s = quoteSpeakers[k];
    quotes.push({ start: r.start, end: r.end, text: text.slice(r.start, r.end), kind: r.kind, speaker: s ? s.id : null, cue: r.cue, rule: r.rule });
  }
  return quotes;
}

/**
 * The speakers transcript labels name. A label without a person in it names its speaker by its text alone: a
 * transcript repeats a few labels thousands of times, so each text is worked out once (separately for capitals, which
 * read differently).
 */
class LabelSpeakers {
  private readonly names = new Map<string, string>();
  private readonly capsNames = new Map<string, string>();

  constructor(private readonly people: People, private readonly idx: EntityIndex) {}

  /** The key (and name) of the speaker a label names. */
  speaker(l: Label): string {
    if (l.question) return 'Unidentified journalist';
    const person = this.idx.lastWithin(l.start, l.end, 'PERSON');
    if (person) return person.canonical;
    const names = l.allCaps ? this.capsNames : this.names;
    let name = names.get(l.text);
    if (name === undefined) names.set(l.text, (name = labelName(l, this.people)));
    return name;
  }
}

/** The name a label without a person entity gives: its words less titles and honorifics, as the text names them. */
function labelName(l: Label, people: People): string {
  const words = l.text.split(/[ \u00a0]+/).filter((w) => !TITLE_WORDS.has(titleCase(w)) && !HONORIFICS.has(w));
  const surface = words.join(' ');
  // `MS. JEAN-PIERRE` is `Karine Jean-Pierre` when the text names her so: the title-cased surname is looked up too.
  const titled = l.allCaps ? surface.replace(/[A-Z']+/g, (w) => titleCase(w)) : surface;
  const c = people.canonicalOf(surface) ?? (titled !== surface ? people.canonicalOf(titled) : null) ?? titled;
  return c || l.text;
}

/**
 * Mentions in order of their starts, equal starts in their order in `ms` (what a stable sort gives). A speaker's
 * mentions come in a few runs already in order (from the quotes, the entities, the roles), which are merged into the
 * sorted prefix one by one without a comparison callback; a list of many runs is sorted.
 */
function sortByStart(ms: SpeakerMention[]): SpeakerMention[] {
  let out = ms;
  let runs = 1;
  let k = 1;
  while (k < out.length) {
    if (out[k].start >= out[k - 1].start) { k++; continue; }
    if (++runs > 4) return out.sort((a, b) => a.start - b.start);
    let end = k + 1;
    while (end < out.length && out[end].start >= out[end - 1].start) end++;
    out = mergeRuns(out, k, end);
    k = end;
  }
  return out;
}

/**
 * `ms` with its sorted prefix [0, mid) and sorted run [mid, end) merged, the prefix first among equal starts. One loop
 * with nothing after it: V8 may compile it while it runs, before later code would have run (see findLandmarks).
 */
function mergeRuns(ms: SpeakerMention[], mid: number, end: number): SpeakerMention[] {
  const out: SpeakerMention[] = [];
  let i = 0;
  let j = mid;
  const n = ms.length;
  for (let k = 0; k < n; k++) {
    if (k >= end) out.push(ms[k]);
    else if (j >= end || (i < mid && ms[i].start <= ms[j].start)) out.push(ms[i++]);
    else out.push(ms[j++]);
  }
  return out;
}

/** Mentions (in order of their starts) less those overlapping the one kept before. */
function dedupe(ms: SpeakerMention[]): SpeakerMention[] {
  const out: SpeakerMention[] = [];
  let lastEnd = -1;
  // An index loop: until V8 optimises this code, a for-of allocates one iterator result per mention.
  const count = ms.length;
  for (let k = 0; k < count; k++) {
    const m = ms[k];
    if (m.start < lastEnd) continue;
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}
