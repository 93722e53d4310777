import type { EntityIndex } from './entity-index';

/** One turn of a transcript, as the questioners are worked out from it: its speech [start, end) (UTF-16 offsets). */
export interface TurnSpan {
  readonly start: number;
  readonly end: number;
  /** A `Q`/`QUESTION` turn. */
  readonly question: boolean;
}

/** A journalist holding the floor: a full name, a first name the moderator called, an outlet, or nothing known. */
interface Questioner {
  name: string | null;
  first: string | null;
  outlet: string | null;
}

/** The name of a journalist the transcript does not identify at all. */
export const UNIDENTIFIED_JOURNALIST = 'Unidentified journalist';

/** A moderator's turn of at most this many characters may call on a journalist by a name or outlet alone (`NBC.`). */
const SHORT_CALL = 60;
/** How far into a question turn a self-introduction is looked for. */
const INTRO_WINDOW = 240;

/** `Go ahead, Kristen.`, `Okay, go ahead, Trevor.`, `Pam, go ahead.`, `NBC, go ahead.`: a call at the end of a turn. */
const GO_AHEAD = /(?:^|[.!?,;—–-][ \u00a0]*)(?:go ahead|Go ahead)(?:,[ \u00a0]*([A-Z][\w’'-]*(?:[ \u00a0][A-Z][\w’'-]*)?))?[ \u00a0]*[.!]?[ \u00a0]*$|(?:^|[.!?][ \u00a0]+)([A-Z][\w&’'-]*(?:[ \u00a0][A-Z][\w&’'-]*)?),[ \u00a0]*(?:go ahead|please)[ \u00a0]*[.!]?[ \u00a0]*$/;
/**
 * `Our first question will go to the line of Michael Gordon.`, `Next up, we’ll go to Felicia Schwartz of Reuters.`:
 * a call on a named journalist at the end of a turn (a question turn must follow: `we’ll go to Geneva.` calls nobody).
 */
const GO_TO = /(?:go|goes|going|turn|over) to (?:the line of |the )?([A-Z][\w’'-]+(?:[ \u00a0]+[A-Z][\w’'-]+){0,2})(?:[ \u00a0]+(?:of|from|with|at)[ \u00a0]+(?:the[ \u00a0]+)?([A-Z][\w&’'.-]*(?:[ \u00a0]+[A-Z][\w&’'.-]*){0,3}))?[ \u00a0]*[.!?]?[ \u00a0]*$/;
/** `We’ll take a final question right here.`, `Next question.`: a call on someone not named. */
const NEW_QUESTION = /\b(?:(?:final|last|next|one more|another|a couple more|few more) questions?|take (?:a|one|your) question)\b/i;
/** A whole short turn of names and outlets: `NBC.`, `Reuters, Michelle.`, `Reuters —`, `Pam?` */
const NAMES_ONLY = /^(?:[A-Z][\w&’'.-]*(?:[ \u00a0]+[A-Z][\w&’'.-]*)*)(?:[ \u00a0]*,[ \u00a0]*[A-Z][\w&’'.-]*(?:[ \u00a0]+[A-Z][\w&’'.-]*)*)?[ \u00a0]*[.!?—–-]*$/;
/** Words of a call that name nobody. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  'Yes', 'Yeah', 'Yep', 'Sir', 'Ma’am', "Ma'am", 'Okay', 'OK', 'Ok', 'All', 'Right', 'Sure', 'So', 'Well', 'Thank', 'Thanks',
  'Please', 'Go', 'Next', 'Great', 'Good', 'Hi', 'Hello', 'And', 'Then', 'Now', 'Let', 'Let’s', "Let's", 'Here', 'There',
  'Mr', 'Mr.', 'Ms', 'Ms.', 'Mrs', 'Mrs.', 'The', 'You', 'In', 'On', 'Back', 'Over', 'Front', 'Middle', 'Folks',
]);
/** A name just before `from`/`with` and an outlet, in a question turn (`It’s Pamala Falk from CBS News.`). */
const FROM_OUTLET = /^[ \u00a0]+(?:from|with)[ \u00a0]+/;

/**
 * Who asks each question of a press transcript (`Q`/`QUESTION:` turns), per GUIDELINES: the journalist the moderator
 * called on just before (`Pam, go ahead.`, `NBC.`, `Reuters, Michelle.`, `Go ahead, Trevor.`) or who introduced
 * themselves in the turn (`It’s Pamala Falk from CBS News.`). A journalist keeps the floor across the answers and
 * follow-ups until someone else is called on; a first name or outlet is completed by a self-introduction that agrees
 * with it. `turns` are in text order; the result gives, for each question turn, the speaker's name (a full name,
 * else the first name called, else `Unidentified journalist (OUTLET)`, else `Unidentified journalist`), and null for
 * the other turns. `answerers` are the names of the speakers of the other turns (the moderator and who answers):
 * `Thanks, Karine.` names no journalist. Linear: each turn is read once, within bounded windows.
 */
export function questioners(text: string, turns: readonly TurnSpan[], idx: EntityIndex, answerers: ReadonlySet<string>): (string | null)[] {
  const of: (Questioner | null)[] = [];
  let current: Questioner | null = null;
  for (let k = 0; k < turns.length; k++) {
    const turn = turns[k];
    if (!turn.question) {
      const call = (k + 1 < turns.length && turns[k + 1].question ? callByName(text, turn, idx) : null) ?? callIn(text, turn, idx, answerers);
      if (call) current = current && sameJournalist(current, call) ? merge(current, call) : call;
      of.push(null);
      continue;
    }
    const intro = selfIntroduction(text, turn, idx);
    if (intro) current = current && agrees(current, intro) ? merge(current, intro) : intro;
    current ??= { name: null, first: null, outlet: null };
    of.push(current);
  }
  return of.map((q) => (q ? nameOf(q) : null));
}

function nameOf(q: Questioner): string {
  if (q.name) return q.name;
  if (q.first) return q.first;
  return q.outlet ? `${UNIDENTIFIED_JOURNALIST} (${q.outlet})` : UNIDENTIFIED_JOURNALIST;
}

/**
 * Whether a call names the journalist who holds the floor again (`Reuters —` after `Reuters, Michelle.`): something
 * they both give is the same, and nothing differs. A call on a journalist nothing is known of starts a new one.
 */
function sameJournalist(current: Questioner, call: Questioner): boolean {
  if (!agrees(current, call)) return false;
  const first = (q: Questioner): string | null => q.first ?? (q.name ? q.name.split(' ')[0] : null);
  const a = first(current);
  const b = first(call);
  return (!!current.outlet && current.outlet === call.outlet) || (!!current.name && current.name === call.name) || (!!a && !!b);
}

/** Whether two descriptions may be of one journalist: nothing they both give differs (`Pam` agrees with `Pamala Falk`). */
function agrees(a: Questioner, b: Questioner): boolean {
  if (a.outlet && b.outlet && a.outlet !== b.outlet) return false;
  if (a.name && b.name && a.name !== b.name) return false;
  const firstA = a.first ?? (a.name ? a.name.split(' ')[0] : null);
  const firstB = b.first ?? (b.name ? b.name.split(' ')[0] : null);
  if (firstA && firstB && !firstA.startsWith(firstB) && !firstB.startsWith(firstA)) return false;
  return true;
}

/** `a` completed with what `b` adds (the same object, so earlier turns of `a` get the completed name). */
function merge(a: Questioner, b: Questioner): Questioner {
  a.name ??= b.name;
  a.first ??= b.first;
  a.outlet ??= b.outlet;
  return a;
}

/**
 * The journalist a moderator's turn calls on, if it calls on one: `go ahead` with or after a name at the turn's end
 * (`Go ahead, Trevor.`: any capitalised word that is not an entity or a word like `Okay`), or a short turn of
 * entities only (`NBC.`, `Reuters, Michelle.`: people and organisations the text knows, so `Absolutely.` calls nobody).
 */
function callIn(text: string, turn: TurnSpan, idx: EntityIndex, answerers: ReadonlySet<string>): Questioner | null {
  const from = Math.max(turn.start, turn.end - 80);
  const tail = text.slice(from, turn.end);
  // The regexes run only where their words are: most turns of a long transcript are answers that call on nobody.
  const go = tail.includes('ahead') || tail.includes('please') ? GO_AHEAD.exec(tail) : null;
  let a: number;
  if (go) a = from + go.index;
  else if (turn.end - turn.start <= SHORT_CALL && NAMES_ONLY.test(text.slice(turn.start, turn.end)) && !NOT_NAMES.has(firstWord(text, turn.start))) a = turn.start;
  else return tail.includes('uestion') && NEW_QUESTION.test(tail) ? { name: null, first: null, outlet: null } : null;
  const b = turn.end;
  let person = idx.lastWithin(a, b, 'PERSON');
  if (person && answerers.has(person.canonical)) person = null;
  const outlet = idx.lastWithin(a, b, 'ORG');
  let first: string | null = null;
  if (go && !person) {
    const words = /[A-Z][a-z\u00e0-\u00ff]{2,}(?![\w’'-])/g;
    const zone = text.slice(a, b);
    for (let m = words.exec(zone); m; m = words.exec(zone)) {
      const at = a + m.index;
      if (!NOT_NAMES.has(m[0]) && !idx.firstWithin(at, at + m[0].length)) first = m[0];
    }
  }
  if (!go && !person && !outlet) return null;
  return { name: person ? person.canonical : null, first, outlet: outlet ? outlet.canonical : null };
}

/** A call by name that `GO_TO` reads at the end of a turn: the name is a person's, never a place or an organisation. */
function callByName(text: string, turn: TurnSpan, idx: EntityIndex): Questioner | null {
  const from = Math.max(turn.start, turn.end - 100);
  const tail = text.slice(from, turn.end);
  if (!tail.includes(' to ')) return null;
  const m = GO_TO.exec(tail);
  if (!m || NOT_NAMES.has(m[1])) return null;
  const at = from + m.index + m[0].indexOf(m[1]);
  const entity = idx.firstWithin(at, at + m[1].length + 1) ?? idx.lastWithin(at, at + m[1].length, 'PERSON');
  if (entity && entity.type !== 'PERSON') return null;
  const name = entity ? entity.canonical : m[1].replace(/[ \u00a0]+/g, ' ');
  const outlet = m[2] ? (idx.lastWithin(at + m[1].length, turn.end, 'ORG')?.canonical ?? m[2].replace(/[ \u00a0]+/g, ' ').replace(/\.$/, '')) : null;
  return name.includes(' ') ? { name, first: null, outlet } : { name: null, first: name, outlet };
}

function firstWord(text: string, at: number): string {
  return /^[\w’'.]*/.exec(text.slice(at, at + 20))?.[0] ?? '';
}

/** A self-introduction near the start of a question turn: a person followed by `from`/`with` and an outlet. */
function selfIntroduction(text: string, turn: TurnSpan, idx: EntityIndex): Questioner | null {
  const end = Math.min(turn.end, turn.start + INTRO_WINDOW);
  for (let k = idx.from(turn.start); k < idx.entities.length; k++) {
    const e = idx.entities[k];
    if (e.start >= end) break;
    if (e.type !== 'PERSON' || e.canonical.indexOf(' ') < 0) continue;
    const after = FROM_OUTLET.exec(text.slice(e.end, e.end + 12));
    if (!after) continue;
    const at = e.end + after[0].length;
    const next = idx.entities[k + 1];
    const outlet = next && next.start === at && next.type === 'ORG' ? next.canonical : /^[A-Z][\w&’'.-]*(?:[ \u00a0]+[A-Z][\w&’'.-]*)*/.exec(text.slice(at, at + 40))?.[0] ?? null;
    return { name: e.canonical, first: null, outlet };
  }
  return null;
}
