import { countryOfAdjective } from './countries';
import { normaliseOffice, type EntityResult } from './entities';
import { atLineStart, type Label } from './labels';
import { HONORIFICS, ORG_SPEAKER_NOUNS, PRONOUNS, SEATS, SPEECH_VERBS, TITLE_WORDS } from './lexicon';
import { isHSpace, isUpper, lineEnd, lineStart, skipHSpace, trimEnd } from './text';
import { titleCase } from './tokens';
import type { Entity, MentionKind, Quote, QuoteKind, Speaker, SpeakerMention, Span } from './types';

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

interface W { w: string; s: number; e: number }

/**
 * The words and punctuation marks of `text` between `from` and `to`: a word starts with a letter (Latin, Latin-1 to
 * Latin Extended-B, Cyrillic) or a digit and runs over those and `.'’&-`; `,;:!?“”"«»` and line feeds are one-mark
 * words. A word's final full stop is sentence punctuation unless the word is an abbreviation (`U.S.`). Read as code
 * units, without a cut of the window or a match array per word: this runs around every quotation mark.
 */
function words(text: string, from: number, to: number): W[] {
  const out: W[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpeechWordStart(c)) {
      let e = i + 1;
      while (e < to && isSpeechWordChar(text.charCodeAt(e))) e++;
      const end = e - i > 2 && text.charCodeAt(e - 1) === 0x2e && !isDottedCapitals(text, i, e) ? e - 1 : e;
      out.push({ w: text.slice(i, end), s: i, e: end });
      i = e;
    } else {
      if (isMarkWord(c)) out.push({ w: text.charAt(i), s: i, e: i + 1 });
      i++;
    }
  }
  return out;
}

/** First character of a word of `words`: an ASCII letter or digit, U+00C0–U+024F, or Cyrillic U+0400–U+04FF. */
function isSpeechWordStart(c: number): boolean {
  return c < 0x80 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
    : (c >= 0xc0 && c <= 0x24f) || (c >= 0x400 && c <= 0x4ff);
}

/** Later characters of a word of `words`: the first ones and `.'’&-`. */
function isSpeechWordChar(c: number): boolean {
  return isSpeechWordStart(c) || c === 0x2e || c === 0x27 || c === 0x2019 || c === 0x26 || c === 0x2d;
}

/** The marks `words` returns as one-character words: `,;:!?“”"«»` and the line feed. */
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

function isVerbAt(ws: readonly W[], k: number): number {
  const w = ws[k]?.w;
  if (!w) return 0;
  if (SINGLE_VERBS.has(w)) return 1;
  if ((w === 'pointed' || w === 'points' || w === 'went' || w === 'summed') && (ws[k + 1]?.w === 'out' || ws[k + 1]?.w === 'on' || ws[k + 1]?.w === 'up')) return 2;
  return 0;
}

const SUBJ_WORDS: ReadonlySet<string> = new Set(['the', 'The', 'of', 'our', 'your', 'his', 'her', 'and', 'for', 'de', 'US', 'U.S.']);

function subjectWordsOk(ws: readonly W[], a: number, b: number): boolean {
  if (b <= a || b - a > 9) return false;
  for (let k = a; k < b; k++) {
    const w = ws[k].w;
    if (k === a && PRONOUNS.has(w)) return b - a === 1;
    if (SUBJ_WORDS.has(w) || isUpper(w.charCodeAt(0))) continue;
    if (k === b - 1 && ORG_SPEAKER_NOUNS.has(w)) continue;
    if (k > a && ws[k - 1].w !== 'the' && (w === 'delegation' || w === 'side')) continue;
    if (k > a && /^[A-Z]/.test(ws[a].w) === false && ws[a].w.toLowerCase() === 'the' && ORG_SPEAKER_NOUNS.has(w)) continue;
    return false;
  }
  return /[A-Za-z\u0400-\u04FF]/.test(ws[a].w);
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
  const entities = ent.entities;
  const entStarts = new Int32Array(entities.length);
  for (let k = 0; k < entities.length; k++) entStarts[k] = entities[k].start;
  const entitiesIn = (a: number, b: number): Entity[] => {
    const out: Entity[] = [];
    let lo = 0;
    let hi = entStarts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (entStarts[mid] < a) lo = mid + 1; else hi = mid; }
    for (let k = lo; k < entities.length && entities[k].start < b; k++) if (entities[k].end <= b) out.push(entities[k]);
    return out;
  };

  const raws: Raw[] = [];
  const turns = findTurns(text, ent.labels);
  for (const tr of turns) raws.push(tr);
  const turnAt = spanIndex(turns);

  const subjectOf = (a: number, b: number, ws: readonly W[], wa: number, wb: number): Subject | null => {
    if (!subjectWordsOk(ws, wa, wb)) return null;
    if (wb - wa === 1 && PRONOUNS.has(ws[wa].w)) return { kind: 'pronoun' };
    const inside = entitiesIn(a, b);
    for (let k = inside.length - 1; k >= 0; k--) if (inside[k].type === 'PERSON') return { kind: 'person', canonical: inside[k].canonical };
    const role = roleIn(text, ws, wa, wb, inside);
    if (role) return role;
    for (let k = inside.length - 1; k >= 0; k--) if (inside[k].type === 'ORG') return { kind: 'org', name: inside[k].canonical };
    const last = ws[wb - 1].w;
    if (ORG_SPEAKER_NOUNS.has(last)) {
      const first = ws[wa].w.toLowerCase() === 'the' ? wa + 1 : wa;
      return { kind: 'org', name: text.slice(ws[first].s, ws[wb - 1].e) };
    }
    if (isUpper(ws[wa].w.charCodeAt(0)) && ws[wa].w !== 'The') {
      const c = ent.people.canonicalOf(text.slice(ws[wa].s, ws[wb - 1].e));
      if (c) return { kind: 'person', canonical: c };
    }
    return null;
  };

  /** Attribution after a quote: `,” said X.`, `,” X said.`, `, the US President said.` */
  const tail = (pos: number, limit: number, anchored: boolean): { subject: Subject; cue: Span } | null => {
    const ws = words(text, pos, Math.min(limit, pos + 160));
    let k = 0;
    while (k < ws.length && ws[k].w === ',') k++;
    const v = isVerbAt(ws, k);
    if (v) {
      let b = k + v;
      while (b < ws.length && b - k - v < 9 && /^[\p{L}\d]/u.test(ws[b].w) && (isUpper(ws[b].w.charCodeAt(0)) || SUBJ_WORDS.has(ws[b].w) || PRONOUNS.has(ws[b].w))) b++;
      if (anchored && b < ws.length && !/^[.,;!?\n]$/.test(text.charAt(ws[b - 1].e))) return null;
      const subject = subjectOf(ws[k + v]?.s ?? pos, ws[b - 1]?.e ?? pos, ws, k + v, b);
      if (subject) return { subject, cue: span(text, ws[k].s, ws[k + v - 1].e) };
      return null;
    }
    for (let b = k + 1; b < ws.length && b - k <= 9; b++) {
      if (/^[,;:!?“”"«»\n]$/.test(ws[b].w)) return null;
      let vb = isVerbAt(ws, b);
      let skip = 0;
      if (!vb && (ws[b].w === 'also' || ws[b].w === 'then' || ws[b].w === 'further' || ws[b].w === 'later')) { vb = isVerbAt(ws, b + 1); skip = 1; }
      if (!vb) continue;
      const subject = subjectOf(ws[k].s, ws[b - 1].e, ws, k, b);
      if (!subject) return null;
      const ve = b + skip + vb - 1;
      if (anchored) {
        const rest = text.slice(ws[ve].e, limit).trim();
        if (rest !== '' && rest !== '.' && !/^(?:to [^,]{0,40})?\.$/.test(rest)) return null;
      }
      return { subject, cue: span(text, ws[b + skip].s, ws[ve].e) };
    }
    return null;
  };

  /** Attribution before a quote: `X said: “`, `According to the President, “`. */
  const before = (open: number): { subject: Subject; cue: Span } | null => {
    const ls = lineStart(text, open, 200);
    const ws = words(text, Math.max(ls, open - 200), open);
    let end = ws.length;
    if (end === 0) return null;
    const last = ws[end - 1].w;
    if (last !== ':' && last !== ',') return null;
    end--;
    if (end > 0 && /^(?:that|reporters|journalists|us|them|me|him|her)$/.test(ws[end - 1].w)) end--;
    let vs = -1;
    let vlen = 0;
    for (let k = Math.max(0, end - 2); k < end; k++) { const v = isVerbAt(ws, k); if (v && k + v === end) { vs = k; vlen = v; } }
    if (vs < 0) {
      // `According to X, “…`: the phrase is the cue.
      let a = end - 1;
      while (a > 0 && a > end - 8 && ws[a - 1].w !== 'to' && !/^[,;:.!?\n“”"]$/.test(ws[a - 1].w)) a--;
      if (a >= 2 && ws[a - 1].w === 'to' && /^According$/i.test(ws[a - 2].w)) {
        const subject = subjectOf(ws[a].s, ws[end - 1].e, ws, a, end);
        if (subject) return { subject, cue: span(text, ws[a - 2].s, ws[a - 1].e) };
      }
      return null;
    }
    let a = vs;
    if (a > 0 && (ws[a - 1].w === 'also' || ws[a - 1].w === 'then')) a--;
    const ve = a;
    while (a > 0 && ve - a < 8 && !/^[,;:.!?\n“”"«»]$/.test(ws[a - 1].w)) a--;
    while (a < ve && !(isUpper(ws[a].w.charCodeAt(0)) || ws[a].w === 'the' || PRONOUNS.has(ws[a].w))) a++;
    if (a >= ve) return null;
    const subject = subjectOf(ws[a].s, ws[ve - 1].e, ws, a, ve);
    return subject ? { subject, cue: span(text, ws[vs].s, ws[vs + vlen - 1].e) } : null;
  };

  const quoteAt = (start: number): Raw | null => turnAt(start);

  /** A dash-led paragraph `- I am sure …, Nursultan Nazarbayev said.`: the speech runs to the last comma. */
  const dashQuote = (body: number, le: number): Raw | null => {
    let comma = le - 1;
    while (comma > body && text.charCodeAt(comma) !== 0x2c) comma--;
    if (comma <= body || le - comma > 120) return null;
    const tl = tail(comma + 1, le, true);
    if (!tl || quoteAt(body)) return null;
    const e = trimEnd(text, body, comma);
    return { start: body, end: e, kind: 'dash', cue: tl.cue, rule: 'dash-tail-attribution', subject: tl.subject, labelMention: null, strong: true };
  };

  // Quoted speech.
  const tags = htmlTagIndex(text);
  for (const q of pairQuotes(text)) {
    if (tags(q.open)) continue;
    let cs = q.open + 1;
    let ce = q.close;
    while (cs < ce && isHSpace(text.charCodeAt(cs))) cs++;
    ce = trimEnd(text, cs, ce);
    if (ce <= cs) continue;
    const nWords = countWords(text, cs, ce, 40);
    const endsSentence = /[.!?…,]/.test(text.charAt(ce - 1));
    const startsUpper = isUpper(text.charCodeAt(cs)) || /[0-9]/.test(text.charAt(cs));
    const raw: Raw = { start: cs, end: ce, kind: 'quoted', cue: null, rule: '', subject: null, labelMention: null, strong: false };
    const lab = bulletLabel(text, q.open, entitiesIn);
    if (lab && lab.kind === 'speaker') {
      raw.subject = lab.subject;
      raw.rule = 'bullet-label';
      raw.labelMention = lab.span;
      raw.strong = true;
    }
    if (!raw.subject) {
      const tl = tail(q.close + 1, lineEnd(text, q.close + 1, 300), false);
      if (tl) { raw.subject = tl.subject; raw.cue = tl.cue; raw.rule = 'tail-attribution'; raw.strong = tl.subject.kind !== 'pronoun'; }
    }
    if (!raw.subject) {
      const bf = before(q.open);
      if (bf) { raw.subject = bf.subject; raw.cue = bf.cue; raw.rule = 'lead-attribution'; raw.strong = bf.subject.kind !== 'pronoun'; }
    }
    if (!raw.subject && lab && lab.kind === 'topic' && lab.intro) {
      raw.subject = lab.intro;
      raw.rule = 'list-intro';
    }
    const attributed = raw.subject !== null;
    if (attributed ? nWords < 3 : !((endsSentence && nWords >= 4 && startsUpper) || (nWords >= 15 && startsUpper))) continue;
    const inTurn = quoteAt(cs);
    if (inTurn && !raw.strong) continue;
    if (!attributed) raw.rule = 'unattributed';
    raws.push(raw);
  }

  // Dash-led paragraphs: `- I am sure …, Nursultan Nazarbayev said.`
  for (let ls = 0; ls < text.length;) {
    const nl = text.indexOf('\n', ls);
    const next = nl < 0 ? text.length : nl + 1;
    let body = skipHSpace(text, ls, next);
    const d = text.charCodeAt(body);
    if (d === 0x2d || d === 0x2013 || d === 0x2014) {
      body = skipHSpace(text, body + 1, next);
      const c = text.charCodeAt(body);
      if (isUpper(c) || (c >= 48 && c <= 57)) {
        const dq = dashQuote(body, lineEnd(text, body, next - body));
        if (dq) raws.push(dq);
      }
    }
    ls = next;
  }

  raws.sort((a, b) => a.start - b.start);
  return assemble(text, ent, raws, entitiesIn);
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

/** Index of spans sorted by start: which one (if any) contains a position. Positions must be queried in any order. */
function spanIndex<T extends { start: number; end: number }>(spans: readonly T[]): (pos: number) => T | null {
  const starts = Int32Array.from(spans, (s) => s.start);
  return (pos) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] <= pos) lo = mid + 1; else hi = mid; }
    const s = spans[lo - 1];
    return s && pos < s.end ? s : null;
  };
}

function htmlTagIndex(text: string): (pos: number) => boolean {
  const spans: { start: number; end: number }[] = [];
  // Tags are tried only at a `<` (indexOf finds those far faster than a regex scan), resuming after each tag.
  const TAG = /<[A-Za-z!/][^<>\n]{0,4000}>/y;
  for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt)) {
    TAG.lastIndex = lt;
    if (TAG.test(text)) {
      spans.push({ start: lt, end: TAG.lastIndex });
      lt = TAG.lastIndex;
    } else lt++;
  }
  const at = spanIndex(spans);
  return (pos) => at(pos) !== null;
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
 * is looked at once. Marks are found with `test` and read as code units: no match array or one-character string is
 * built per mark (a long text holds hundreds of thousands).
 */
function pairQuotes(text: string): Pair[] {
  const out: Pair[] = [];
  const MARK = /[“”"«»„]/g;
  let open = -1;
  let openCh = 0;
  while (MARK.test(text)) {
    const i = MARK.lastIndex - 1;
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
    out.push({ start: l.body, end, kind: 'turn', cue: null, rule: 'transcript-label', subject: { kind: 'label', label: l }, labelMention: span(text, l.start, l.end), strong: true });
  }
  return out;
}

/** `- Secretary Bessent: “…` (speaker) or `- On negotiations: “…` (topic, attributed to the list's introducer). */
function bulletLabel(
  text: string,
  open: number,
  entitiesIn: (a: number, b: number) => Entity[],
): { kind: 'speaker'; subject: Subject; span: Span } | { kind: 'topic'; intro: Subject | null } | null {
  const ls = lineStart(text, open, 101);
  if (open - ls > 100 || (ls > 0 && text.charCodeAt(ls - 1) !== 0x0a)) return null;
  const head = text.slice(ls, open);
  const mm = /^[ \t\u00a0]*([-–—•*][ \t\u00a0]*)?([^:\n]{1,80}?)[ \t\u00a0]*:[ \t\u00a0]*$/.exec(head);
  if (!mm) return null;
  const ls2 = ls + mm[0].indexOf(mm[2], (mm[1] ?? '').length);
  const le2 = ls2 + mm[2].length;
  const persons = entitiesIn(ls2, le2).filter((e) => e.type === 'PERSON');
  if (persons.length > 0 && isUpper(mm[2].charCodeAt(0))) {
    return { kind: 'speaker', subject: { kind: 'person', canonical: persons[persons.length - 1].canonical }, span: span(text, ls2, le2) };
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
    const persons2 = entitiesIn(pls, prevEnd).filter((e) => e.type === 'PERSON');
    return { kind: 'topic', intro: persons2.length ? { kind: 'person', canonical: persons2[0].canonical } : null };
  }
  return { kind: 'topic', intro: null };
}

/** A role named in an attribution subject (`the US President`, `the Head of the White House`). */
function roleIn(text: string, ws: readonly W[], wa: number, wb: number, inside: readonly Entity[]): Subject | null {
  let a = wa;
  while (a < wb && /^(?:the|The|our|your|his|her)$/.test(ws[a].w)) a++;
  if (a >= wb) return null;
  const phrase = text.slice(ws[a].s, ws[wb - 1].e).replace(/[\s\u00a0]+/g, ' ');
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
    return { kind: 'role', office: 'president', country: c, span: span(text, ws[a].s, ws[wb - 1].e) };
  }
  const office = normaliseOffice(head);
  if (!office) return null;
  return { kind: 'role', office, country, span: span(text, ws[a].s, ws[wb - 1].e) };
}

interface SpeakerAcc {
  id: string;
  name: string;
  type: 'PERSON' | 'ORG';
  mentions: SpeakerMention[];
  quotes: number;
}

function assemble(text: string, ent: EntityResult, raws: Raw[], entitiesIn: (a: number, b: number) => Entity[]): SpeechResult {
  const people = ent.people;
  // Mention counts decide between candidates for an unqualified role.
  const counts = new Map<string, number>();
  const countryCounts = new Map<string, number>();
  // Index loops over the entities and mentions (tens of thousands): until V8 optimises this function, which runs once
  // per text, a for-of allocates one iterator result per element.
  const entities = ent.entities;
  const entityCount = entities.length;
  for (let k = 0; k < entityCount; k++) {
    const e = entities[k];
    if (e.type === 'PERSON') counts.set(e.canonical, (counts.get(e.canonical) ?? 0) + 1);
    else if (e.type === 'COUNTRY') countryCounts.set(e.canonical, (countryCounts.get(e.canonical) ?? 0) + 1);
  }
  let home: string | null = null;
  let best = 0;
  for (const [c, n] of countryCounts) if (n > best) { best = n; home = c; }

  const speakers = new Map<string, SpeakerAcc>();
  const speakerOf = (key: string, name: string, type: 'PERSON' | 'ORG'): SpeakerAcc => {
    let s = speakers.get(key);
    if (!s) speakers.set(key, (s = { id: '', name, type, mentions: [], quotes: 0 }));
    return s;
  };

  // Role candidates indexed once, so each role costs a few map lookups whatever the number of people.
  const byOfficeCountry = new Map<string, string[]>();
  const byCountry = new Map<string, string[]>();
  const byOffice = new Map<string, string[]>();
  const unbound: string[] = [];
  const ranked = [...people.byCanonical.values()]
    .filter((p) => (counts.get(p.canonical) ?? 0) > 0)
    .sort((a, b) => (counts.get(b.canonical) ?? 0) - (counts.get(a.canonical) ?? 0));
  const push2 = (m: Map<string, string[]>, k: string, v: string): void => {
    const l = m.get(k);
    if (!l) m.set(k, [v]);
    else if (l.length < 2) l.push(v);
  };
  for (const p of ranked) {
    if (p.country) {
      if (p.office) push2(byOfficeCountry, `${p.office}|${p.country}`, p.canonical);
      push2(byCountry, p.country, p.canonical);
    } else if (unbound.length < 2) unbound.push(p.canonical);
    if (p.office) push2(byOffice, p.office, p.canonical);
  }
  const firstOther = (l: readonly string[] | undefined, context: string | null): string | null => {
    if (!l) return null;
    for (const c of l) if (c !== context) return c;
    return null;
  };
  /**
   * The person a role designates. A role with a country goes to the holder the text names for it; an unqualified
   * role in narration goes first to the text's own principal, whose country the text leaves unsaid; inside someone's
   * speech it designates somebody else.
   */
  const resolveRole = (office: string, country: string | null, context: string | null): string | null =>
    country !== null
      ? firstOther(byOfficeCountry.get(`${office}|${country}`), context) ?? firstOther(byCountry.get(country), context) ?? firstOther(unbound, context)
      : context === null
        ? firstOther(unbound, null) ?? firstOther(byOfficeCountry.get(`${office}|${home}`), null) ?? firstOther(byOffice.get(office), null)
        : firstOther(unbound, context) ?? firstOther(byOffice.get(office), context);

  /**
   * The person the text last introduced with an office before `pos` (`Minister of National Economy Ruslan Dalenov`
   * for a later `the Minister said`), if the country (when one is given) is theirs. Introductions are in text order.
   */
  const intros = people.intros;
  const introducedHolder = (office: string, country: string | null, pos: number): string | null => {
    // A head of state's bare title goes to the text's principal (resolveRole), whoever was introduced last.
    if (office === 'president') return null;
    let lo = 0;
    let hi = intros.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (intros[mid].pos < pos) lo = mid + 1; else hi = mid; }
    for (let k = lo - 1; k >= 0; k--) {
      const x = intros[k];
      if (x.office !== office) continue;
      const p = people.byCanonical.get(x.canonical);
      if (country !== null && p?.country !== country) continue;
      return (counts.get(x.canonical) ?? 0) > 0 ? x.canonical : null;
    }
    return null;
  };

  const labelSpeaker = (l: Label): { key: string; name: string; type: 'PERSON' | 'ORG' } => {
    if (l.question) return { key: 'Unidentified journalist', name: 'Unidentified journalist', type: 'PERSON' };
    const persons = entitiesIn(l.start, l.end).filter((e) => e.type === 'PERSON');
    if (persons.length) { const c = persons[persons.length - 1].canonical; return { key: c, name: c, type: 'PERSON' }; }
    const words = l.text.split(/[ \u00a0]+/).filter((w) => !TITLE_WORDS.has(titleCase(w)) && !HONORIFICS.has(w));
    const surface = words.join(' ');
    const c = people.canonicalOf(surface) ?? (l.allCaps ? surface.replace(/[A-Z']+/g, (w) => titleCase(w)) : surface) ?? l.text;
    return { key: c || l.text, name: c || l.text, type: 'PERSON' };
  };

  const quotes: Quote[] = [];
  let last: string | null = null;
  const contextSpans: { start: number; end: number; key: string }[] = [];
  for (const r of raws) {
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
        case 'label': { const ls = labelSpeaker(sub.label); key = ls.key; name = ls.name; type = ls.type; break; }
        case 'role': {
          key = introducedHolder(sub.office, sub.country, sub.span.start) ?? resolveRole(sub.office, sub.country, null);
          name = key ?? '';
          roleMention = sub.span;
          break;
        }
      }
    }
    let id: string | null = null;
    if (key) {
      const s = speakerOf(key, name, type);
      s.quotes++;
      const lm = r.labelMention;
      if (lm) s.mentions.push({ start: lm.start, end: lm.end, text: lm.text, kind: r.kind === 'turn' || r.rule === 'bullet-label' ? 'label' : 'name' });
      if (roleMention) s.mentions.push({ start: roleMention.start, end: roleMention.end, text: roleMention.text, kind: 'role' });
      id = key;
      last = key;
      contextSpans.push({ start: r.start, end: r.end, key });
    }
    quotes.push({ start: r.start, end: r.end, text: text.slice(r.start, r.end), kind: r.kind, speaker: id, cue: r.cue, rule: r.rule });
  }

  // Name mentions: every PERSON/ORG entity of a speaker outside labels; role mentions found anywhere.
  const labelAt = spanIndex(ent.labels.map((l) => ({ start: l.start, end: l.end })));
  // Organisations are keyed `org:NAME`; a map by bare name spares building that key for every ORG entity.
  const orgSpeakers = new Map<string, SpeakerAcc>();
  for (const [key, sp] of speakers) if (key.startsWith('org:')) orgSpeakers.set(key.slice(4), sp);
  for (let k = 0; k < entityCount; k++) {
    const e = entities[k];
    if (e.type !== 'PERSON' && e.type !== 'ORG') continue;
    const s = e.type === 'ORG' ? orgSpeakers.get(e.canonical) : speakers.get(e.canonical);
    if (!s || labelAt(e.start)) continue;
    s.mentions.push({ start: e.start, end: e.end, text: e.text, kind: 'name' });
  }
  if (speakers.size > 0) {
    const contextAt = spanIndex(contextSpans);
    const seen = new Set<number>();
    for (const s of speakers.values()) {
      const ms = s.mentions;
      for (let k = 0, n = ms.length; k < n; k++) seen.add(ms[k].start);
    }
    const nextRole = roleFinder(text);
    let m: RegExpExecArray | null;
    let prevEnd = 0;
    while ((m = nextRole(prevEnd)) !== null) {
      let e = m.index + m[0].length;
      let s = honorificBefore(text, m.index, prevEnd);
      const role = s === m.index ? m[0] : text.slice(s, e);
      prevEnd = e;
      const after = text.slice(e, e + 40);
      if (/^[-’']?(?:s\b|elect)/.test(after) && !/^[’']s\b/.test(after)) continue;
      if (/^[ \u00a0]+[A-Z]/.test(after)) {
        const nextEnt = entitiesIn(e, e + 40)[0];
        if (nextEnt && nextEnt.type === 'PERSON' && /^[ \u00a0]+$/.test(text.slice(e, nextEnt.start))) continue;
      }
      const pre = text.slice(Math.max(0, s - 12), s);
      if (/Vice[ \u00a0-]$/.test(pre)) continue;
      let country: string | null = null;
      const of = /^[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?/.exec(after);
      if (of && !role.includes('State') && !role.includes('House')) {
        const ce = entitiesIn(e + of[0].length, e + of[0].length + 60)[0];
        if (ce && ce.type === 'COUNTRY' && ce.start === e + of[0].length) { country = ce.canonical; e = ce.end; }
      }
      const adj = /([A-Z][A-Za-z.]*)[ \u00a0]+$/.exec(pre);
      if (!country && adj && !role.startsWith('M')) {
        const c = countryOfAdjective(adj[1].replace(/\.$/, '.'));
        if (c) { country = c; s -= adj[0].length; }
      }
      if (role.includes('White')) country = 'United States';
      if (seen.has(s)) continue;
      const ctx = contextAt(s);
      const key = resolveRole('president', country, ctx ? ctx.key : null);
      if (!key) continue;
      const sp = speakers.get(key);
      if (!sp) continue;
      sp.mentions.push({ start: s, end: e, text: text.slice(s, e), kind: 'role' as MentionKind });
    }
  }

  const list = [...speakers.entries()].filter(([, s]) => s.quotes > 0);
  for (const [, s] of list) s.mentions.sort((a, b) => a.start - b.start);
  list.sort((a, b) => (a[1].mentions[0]?.start ?? 0) - (b[1].mentions[0]?.start ?? 0));
  const ids = new Map<string, string>();
  list.forEach(([key], k) => ids.set(key, `s${k + 1}`));
  const out: Speaker[] = list.map(([key, s]) => ({ id: ids.get(key) ?? '', name: s.name, type: s.type, mentions: dedupe(s.mentions) }));
  const finalQuotes = quotes.map((q) => ({ ...q, speaker: q.speaker ? ids.get(q.speaker) ?? null : null }));
  return { speakers: out, quotes: finalQuotes };
}

/**
 * The role words alone: an optional `Mr`/`Madam` before them is read backwards (honorificBefore), which keeps the
 * regex free of a leading optional group that would make it try every position of the text.
 */
const ROLE_AT = /\b(?:President|Head[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?State|Head[ \u00a0]+of[ \u00a0]+the[ \u00a0]+White[ \u00a0]+House|Prime[ \u00a0]+Minister)\b/y;
/** The first word of each ROLE_AT alternative. */
const ROLE_FIRST_WORDS = ['President', 'Head', 'Prime'];

/**
 * What a global ROLE_AT would find from a position on: the first match at or after it, or null. The text is searched
 * for the alternatives' first words with `indexOf` (a string search, several times faster than the regex trying every
 * position) and the regex runs only where one of them occurs. Each word's next occurrence only moves forward, so
 * successive calls with growing positions read the text once per word.
 */
function roleFinder(text: string): (from: number) => RegExpExecArray | null {
  // Next occurrence of each word; -2: not searched yet, -1: none left.
  const next = ROLE_FIRST_WORDS.map(() => -2);
  return (from) => {
    for (;;) {
      let best = -1;
      for (let w = 0; w < ROLE_FIRST_WORDS.length; w++) {
        if (next[w] !== -1 && next[w] < from) next[w] = text.indexOf(ROLE_FIRST_WORDS[w], from);
        if (next[w] >= 0 && (best < 0 || next[w] < best)) best = next[w];
      }
      if (best < 0) return null;
      ROLE_AT.lastIndex = best;
      const m = ROLE_AT.exec(text);
      if (m) return m;
      from = best + 1;
    }
  };
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

function dedupe(ms: SpeakerMention[]): SpeakerMention[] {
  const out: SpeakerMention[] = [];
  let lastEnd = -1;
  for (const m of ms) {
    if (m.start < lastEnd) continue;
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}
