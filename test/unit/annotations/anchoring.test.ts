import { describe, expect, it } from 'vitest';
import { anchorTarget, applyChanges, createTarget, reanchorAnnotations } from '../../../src/core/annotations/anchoring';
import type { Annotation, TextChange } from '../../../src/core/annotations/types';
import { applyTextChanges } from './applyText';

const edit = applyTextChanges;

function annotate(text: string, start: number, end: number, id = 'a1'): Annotation {
  return {
    id,
    tags: ['commitment'],
    note: '',
    target: createTarget(text, start, end),
    state: 'anchored',
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
    author: null,
  };
}

/** The annotation on the first occurrence of `passage` in `text`. */
function on(text: string, passage: string, id = 'a1', from = 0): Annotation {
  const start = text.indexOf(passage, from);
  if (start < 0) throw new Error(`${passage} not in text`);
  return annotate(text, start, start + passage.length, id);
}

/** Follows `changes` on `text` and checks the invariant: non-orphans cover exactly their text, offsets in bounds. */
function follow(text: string, annotations: readonly Annotation[], changes: readonly TextChange[]): { text: string; result: Annotation[] } {
  const next = edit(text, changes);
  const result = applyChanges(annotations, changes, next);
  for (const a of result) {
    expect(a.target.start).toBeGreaterThanOrEqual(0);
    expect(a.target.end).toBeLessThanOrEqual(next.length);
    expect(a.target.start).toBeLessThanOrEqual(a.target.end);
    if (a.state !== 'orphaned') expect(next.slice(a.target.start, a.target.end)).toBe(a.target.exact);
  }
  return { text: next, result };
}

const turns = [
  'MS. JEAN-PIERRE:  All right, good afternoon, everyone. Today we welcome the delegation of Kazakhstan to the White House.',
  'Q    Thank you, Karine. Can you say anything about the talks on critical minerals and the new transport corridor?',
  'MR. KIRBY:  We expect the leaders to sign a memorandum on critical minerals. Thank you.',
  'Q    And on the sanctions? Thank you.',
  'MS. JEAN-PIERRE:  We will have more to say later this week about the sanctions and the corridor.',
].join('\n\n');

describe('createTarget', () => {
  const paragraph = 'The Presidents discussed the development of bilateral relations and border cooperation in detail.';

  it('keeps the exact passage and 32 units of context on each side inside a paragraph', () => {
    const t = createTarget(paragraph, 44, 65);
    expect(t.exact).toBe(paragraph.slice(44, 65));
    expect(t.prefix).toBe(paragraph.slice(12, 44));
    expect(t.suffix).toBe(paragraph.slice(65, 97));
    expect(t.prefix).toHaveLength(32);
    expect(t.suffix).toHaveLength(32);
    expect([t.start, t.end]).toEqual([44, 65]);
  });

  it('stops the context at the text start and end', () => {
    const t = createTarget('Short text here.', 6, 10);
    expect(t.prefix).toBe('Short ');
    expect(t.suffix).toBe(' here.');
  });

  it('stops the context at a blank line (LF, CRLF, spaces and no-break spaces on the line)', () => {
    for (const blank of ['\n\n', '\r\n\r\n', '\n  \t\n', '\n\u00a0\n', '\n\n\n']) {
      const text = `Earlier turn that must not leak${blank}Q    Thank you very much.${blank}Next turn, also not leaking`;
      const start = text.indexOf('Thank');
      const t = createTarget(text, start, start + 'Thank you'.length);
      expect(t.prefix).toBe('Q    ');
      expect(t.suffix).toBe(' very much.');
    }
  });

  it('does not stop the context at a single line break (hard-wrapped text)', () => {
    const text = 'the peoples of the United Nations\ndetermined to save succeeding\ngenerations from the scourge of war';
    const start = text.indexOf('succeeding');
    const t = createTarget(text, start, start + 'succeeding'.length);
    expect(t.prefix).toBe(text.slice(start - 32, start));
    expect(t.prefix).toContain('\n');
    expect(t.suffix).toBe(text.slice(start + 10, start + 42));
  });

  it('stops at a blank line that starts or ends inside the passage', () => {
    const text = 'First paragraph.\n\nSecond paragraph.';
    expect(createTarget(text, 17, 20).prefix).toBe('');
    expect(createTarget(text, 10, 17).suffix).toBe('');
  });

  it('never cuts a surrogate pair at a context edge, taking one unit more instead', () => {
    const emoji = '\u{1F600}';
    const text = `${emoji}${'a'.repeat(31)}PASSAGE${'b'.repeat(31)}${emoji}tail`;
    const start = text.indexOf('PASSAGE');
    const t = createTarget(text, start, start + 7);
    expect(t.prefix).toBe(`${emoji}${'a'.repeat(31)}`);
    expect(t.prefix).toHaveLength(33);
    expect(t.suffix).toBe(`${'b'.repeat(31)}${emoji}`);
  });

  it('rejects ranges that are reversed, fractional or outside the text', () => {
    expect(() => createTarget('abc', 2, 1)).toThrow(RangeError);
    expect(() => createTarget('abc', 0, 4)).toThrow(RangeError);
    expect(() => createTarget('abc', -1, 1)).toThrow(RangeError);
    expect(() => createTarget('abc', 0.5, 1)).toThrow(RangeError);
    expect(createTarget('abc', 1, 1).exact).toBe('');
  });
});

describe('anchorTarget', () => {
  it('1. trusts the position when the passage is still there', () => {
    const a = on(turns, 'critical minerals and the new transport corridor');
    expect(anchorTarget(turns, a.target)).toEqual({ start: a.target.start, end: a.target.end, state: 'anchored' });
  });

  it('2. finds a passage moved by an insertion above', () => {
    const a = on(turns, 'memorandum on critical minerals');
    const text = `A new opening paragraph, added later by the press office.\n\n${turns}`;
    const found = anchorTarget(text, a.target);
    expect(found.state).toBe('moved');
    expect(text.slice(found.start, found.end)).toBe('memorandum on critical minerals');
    expect(found.start).toBe(a.target.start + 59);
  });

  it('2. tells duplicate passages apart by their context', () => {
    const second = turns.indexOf('Thank you.', turns.indexOf('sanctions?'));
    const a = annotate(turns, second, second + 'Thank you.'.length);
    const text = turns.replace('MR. KIRBY:', 'MR. JOHN KIRBY, NSC:');
    const found = anchorTarget(text, a.target);
    expect(found.state).toBe('moved');
    expect(found.start).toBe(text.indexOf('Thank you.', text.indexOf('sanctions?')));
    const first = turns.indexOf('Thank you.');
    const b = annotate(turns, first, first + 10);
    const foundFirst = anchorTarget(text, b.target);
    expect(foundFirst.start).toBe(text.indexOf('Thank you.'));
  });

  it('2. prefers the occurrence nearest the old position when contexts tie', () => {
    const unit = 'We reaffirm our commitment to the sovereignty and territorial integrity of all states.';
    const base = [unit, unit, unit].join('\n\n');
    const start = base.lastIndexOf(unit);
    const a = annotate(base, start, start + unit.length);
    const text = `Preface.\n\n${base}`;
    const found = anchorTarget(text, a.target);
    expect(found).toEqual({ start: start + 10, end: start + 10 + unit.length, state: 'moved' });
  });

  it('3. finds a passage edited inside (typo fixed) approximately', () => {
    const typo = turns.replace('critical minerals and the new', 'critical minerals and teh new');
    const a = on(typo, 'talks on critical minerals and teh new transport corridor');
    const found = anchorTarget(turns, a.target);
    expect(found.state).toBe('fuzzy');
    expect(turns.slice(found.start, found.end)).toBe('talks on critical minerals and the new transport corridor');
  });

  it('3. finds a passage that was both edited and moved', () => {
    const a = on(turns, 'a memorandum on critical minerals');
    const text = `Opening remarks were delivered.\n\n${turns.replace('memorandum on critical', 'memoranda on key critical')}`;
    const found = anchorTarget(text, a.target);
    expect(found.state).toBe('fuzzy');
    expect(text.slice(found.start, found.end)).toBe('a memoranda on key critical minerals');
  });

  it('3. survives no-break spaces turned into spaces by another tool', () => {
    const kremlin = 'The\u00a0meeting covered the\u00a0development of\u00a0bilateral relations and\u00a0border cooperation.\n\nThe\u00a0talks continued in\u00a0an\u00a0expanded format.';
    const a = on(kremlin, 'development of\u00a0bilateral relations and\u00a0border cooperation');
    const plain = kremlin.replace(/\u00a0/g, ' ');
    const found = anchorTarget(plain, a.target);
    expect(found.state).toBe('fuzzy');
    expect(plain.slice(found.start, found.end)).toBe('development of bilateral relations and border cooperation');
  });

  it('4. orphans a deleted passage, keeping its old offsets clamped to the text', () => {
    const a = on(turns, 'memorandum on critical minerals');
    const text = turns.replace('MR. KIRBY:  We expect the leaders to sign a memorandum on critical minerals. Thank you.\n\n', '');
    const found = anchorTarget(text, a.target);
    expect(found).toEqual({ start: a.target.start, end: a.target.end, state: 'orphaned' });
    const short = anchorTarget('tiny', a.target);
    expect(short).toEqual({ start: 4, end: 4, state: 'orphaned' });
  });

  it('4. orphans rather than guessing when the text was replaced wholesale', () => {
    const other = [
      'The Ministers discussed regional security, energy and the situation in Afghanistan.',
      'Q    Thank you. What about trade between the two countries this year?',
      'The Minister noted that bilateral trade grew by 12 percent in the first half of the year.',
    ].join('\n\n');
    for (const passage of ['memorandum on critical minerals', 'Thank you.', 'sanctions', 'Q    ', 'the corridor']) {
      const a = on(turns, passage);
      expect(anchorTarget(other, a.target).state).toBe('orphaned');
    }
  });

  it('does not trust a short passage at its old offset when its context is gone', () => {
    const a = on('The US and Kazakhstan signed it.', 'US');
    const text = 'Our US allies were not informed.';
    expect(text.slice(a.target.start, a.target.end)).toBe('US');
    expect(anchorTarget(text, a.target).state).toBe('orphaned');
  });

  it('counts offsets in UTF-16 units with emoji and surrogate pairs before the passage', () => {
    const text = '\u{1F1F0}\u{1F1FF} Kazakhstan \u{1F600} welcomes the agreement on water resources.';
    const a = on(text, 'agreement on water resources');
    expect(anchorTarget(text, a.target).state).toBe('anchored');
    const moved = `\u{1F44D}\u{1F3FD} ${text}`;
    const found = anchorTarget(moved, a.target);
    expect(found.state).toBe('moved');
    expect(found.start).toBe(a.target.start + 5);
  });

  it('never returns a fuzzy range that cuts a surrogate pair', () => {
    const text = `Intro paragraph here.\n\nLeaders \u{1F600}\u{1F600} signed the joint declaration on the Aral Sea today.`;
    const a = on(text, '\u{1F600}\u{1F600} signed the joint declaration');
    const edited = text.replace('\u{1F600}\u{1F600} signed', '\u{1F601}\u{1F600} signed');
    const found = anchorTarget(edited, a.target);
    expect(found.state).toBe('fuzzy');
    const at = (i: number): number => edited.charCodeAt(i);
    expect(at(found.start) >= 0xdc00 && at(found.start) <= 0xdfff).toBe(false);
    expect(at(found.end) >= 0xdc00 && at(found.end) <= 0xdfff).toBe(false);
  });

  it('works on CRLF texts', () => {
    const crlf = turns.replace(/\n/g, '\r\n');
    const a = on(crlf, 'memorandum on critical minerals');
    expect(a.target.prefix).toBe('MR. KIRBY:  We expect the leaders to sign a '.slice(-32));
    const text = `New paragraph.\r\n\r\n${crlf}`;
    const found = anchorTarget(text, a.target);
    expect(found).toEqual({ start: a.target.start + 18, end: a.target.end + 18, state: 'moved' });
  });

  it('finds a long passage (5,000 units) edited in several places, quickly', () => {
    const sentence = (i: number): string => `Sentence ${i} of the address mentions cooperation area number ${(i * 7919) % 1000}. `;
    const body = Array.from({ length: 400 }, (_, i) => sentence(i)).join('');
    const start = body.indexOf('Sentence 100 ');
    const end = start + 5000;
    const a = annotate(body, start, end);
    const edited = `${'Preamble. '.repeat(30)}\n\n${body.slice(0, start + 40)}XXXX${body.slice(start + 44, start + 2500)}inserted words ${body.slice(start + 2500, end - 30)}YY${body.slice(end - 28)}`;
    const t0 = performance.now();
    const found = anchorTarget(edited, a.target);
    const elapsed = performance.now() - t0;
    expect(found.state).toBe('fuzzy');
    expect(edited.slice(found.start, found.start + 40)).toBe(body.slice(start, start + 40));
    expect(Math.abs(found.end - found.start - 5000)).toBeLessThan(30);
    expect(elapsed).toBeLessThan(2000);
  });

  it('anchors zero-width targets by their context only', () => {
    const text = 'The parties agreed to meet again. The next round will take place in Astana.';
    const point = text.indexOf(' The next');
    const a = annotate(text, point, point);
    expect(anchorTarget(text, a.target)).toEqual({ start: point, end: point, state: 'anchored' });
    const moved = `Summary of talks.\n\n${text}`;
    expect(anchorTarget(moved, a.target)).toEqual({ start: point + 19, end: point + 19, state: 'moved' });
    expect(anchorTarget('Something else entirely, nothing in common with it.', a.target).state).toBe('orphaned');
  });

  it('treats malformed offsets as a mere hint', () => {
    const a = on(turns, 'memorandum on critical minerals');
    const found = anchorTarget(turns, { ...a.target, start: -5, end: Number.NaN });
    expect(found.state).toBe('moved');
    expect(turns.slice(found.start, found.end)).toBe(a.target.exact);
  });
});

describe('reanchorAnnotations', () => {
  it('keeps order and count, refreshes found targets, keeps orphans with their last target', () => {
    const kept = on(turns, 'good afternoon, everyone', 'kept');
    const moved = on(turns, 'memorandum on critical minerals', 'moved');
    const gone = on(turns, 'And on the sanctions?', 'gone');
    const text = turns.replace('Q    And on the sanctions? Thank you.\n\n', '').replace('MR. KIRBY:', 'Extra words here. MR. KIRBY:');
    const result = reanchorAnnotations([moved, gone, kept], text);
    expect(result.map((a) => a.id)).toEqual(['moved', 'gone', 'kept']);
    expect(result[2]).toBe(kept);
    expect(result[0].state).toBe('moved');
    expect(result[0].target).toEqual(createTarget(text, text.indexOf('memorandum on critical minerals'), text.indexOf('memorandum on critical minerals') + 31));
    expect(result[1].state).toBe('orphaned');
    expect(result[1].target.exact).toBe('And on the sanctions?');
    expect(result[1].target.prefix).toBe(gone.target.prefix);
    expect(result[1].tags).toEqual(gone.tags);
  });

  it('re-finds an orphan when its text comes back (a git checkout undone)', () => {
    const a = on(turns, 'memorandum on critical minerals');
    const without = turns.replace('a memorandum on critical minerals', 'an agreement');
    const [orphaned] = reanchorAnnotations([a], without);
    expect(orphaned.state).toBe('orphaned');
    const [back] = reanchorAnnotations([orphaned], turns);
    expect(back.state).toBe('anchored');
    expect(back.target).toEqual(a.target);
  });

  it('returns the same objects when nothing changed', () => {
    const list = [on(turns, 'Thank you, Karine', 'x'), on(turns, 'the corridor', 'y')];
    const result = reanchorAnnotations(list, turns);
    expect(result[0]).toBe(list[0]);
    expect(result[1]).toBe(list[1]);
  });
});

describe('applyChanges', () => {
  const text = 'Alpha beta gamma delta epsilon zeta eta theta.';
  const passage = 'gamma delta'; // [11, 22)
  const a = on(text, passage);

  it('shifts a passage for an insertion or deletion before it and ignores one after it', () => {
    let r = follow(text, [a], [{ start: 0, end: 0, text: 'New ' }]);
    expect(r.result[0].target).toMatchObject({ start: 15, end: 26, exact: passage });
    expect(r.result[0].target.prefix).toBe('New Alpha beta ');
    r = follow(text, [a], [{ start: 0, end: 6, text: '' }]);
    expect(r.result[0].target).toMatchObject({ start: 5, end: 16, exact: passage });
    r = follow(text, [a], [{ start: 40, end: 40, text: ' and iota' }]);
    expect(r.result[0].target).toMatchObject({ start: 11, end: 22, exact: passage });
  });

  it('returns the annotation itself when an edit far away changes nothing about it', () => {
    const long = `${text}\n\n${'Another paragraph follows here. '.repeat(4)}`;
    const b = on(long, passage);
    const r = follow(long, [b], [{ start: long.length, end: long.length, text: 'More.' }]);
    expect(r.result[0]).toBe(b);
  });

  it('puts an insertion exactly at the start before the passage and one at the end after it', () => {
    let r = follow(text, [a], [{ start: 11, end: 11, text: 'XX' }]);
    expect(r.result[0].target).toMatchObject({ start: 13, end: 24, exact: passage, prefix: 'Alpha beta XX' });
    r = follow(text, [a], [{ start: 22, end: 22, text: 'YY' }]);
    expect(r.result[0].target).toMatchObject({ start: 11, end: 22, exact: passage });
    expect(r.result[0].target.suffix.startsWith('YY epsilon')).toBe(true);
  });

  it('grows and shrinks a passage for edits strictly inside it', () => {
    let r = follow(text, [a], [{ start: 16, end: 16, text: ' and' }]);
    expect(r.result[0].target).toMatchObject({ start: 11, end: 26, exact: 'gamma and delta' });
    expect(r.result[0].state).toBe('anchored');
    r = follow(text, [a], [{ start: 13, end: 17, text: '' }]);
    expect(r.result[0].target.exact).toBe('gadelta');
    r = follow(text, [a], [{ start: 11, end: 16, text: 'GAMMA!' }]);
    expect(r.result[0].target.exact).toBe('GAMMA! delta');
    r = follow(text, [a], [{ start: 17, end: 22, text: 'DELTA' }]);
    expect(r.result[0].target.exact).toBe('gamma DELTA');
  });

  it('trims a passage when a deletion or replacement overlaps a boundary (new text stays outside)', () => {
    let r = follow(text, [a], [{ start: 6, end: 14, text: '' }]);
    expect(r.result[0].target).toMatchObject({ start: 6, end: 14, exact: 'ma delta' });
    r = follow(text, [a], [{ start: 19, end: 31, text: '' }]);
    expect(r.result[0].target).toMatchObject({ start: 11, end: 19, exact: 'gamma de' });
    r = follow(text, [a], [{ start: 6, end: 14, text: 'NEW' }]);
    expect(r.result[0].target).toMatchObject({ start: 9, end: 17, exact: 'ma delta' });
    r = follow(text, [a], [{ start: 19, end: 31, text: 'NEW' }]);
    expect(r.result[0].target).toMatchObject({ start: 11, end: 19, exact: 'gamma de' });
    expect(r.text.slice(19, 22)).toBe('NEW');
  });

  it('orphans a passage whose whole text is deleted or replaced, keeping its last text', () => {
    for (const change of [
      { start: 11, end: 22, text: '' },
      { start: 11, end: 22, text: 'something else' },
      { start: 5, end: 30, text: '' },
      { start: 0, end: text.length, text: 'Entirely new text.' },
    ]) {
      const r = follow(text, [a], [change]);
      expect(r.result[0].state).toBe('orphaned');
      expect(r.result[0].target).toMatchObject({ exact: passage, prefix: a.target.prefix, suffix: a.target.suffix });
      expect(r.result[0].target.start).toBe(r.result[0].target.end);
      expect(r.result[0].target.start).toBeGreaterThanOrEqual(change.start);
      expect(r.result[0].target.start).toBeLessThanOrEqual(change.start + change.text.length);
    }
  });

  it('orphans a passage deleted by several changes of one event', () => {
    const r = follow(text, [a], [
      { start: 17, end: 22, text: 'D' },
      { start: 11, end: 17, text: 'G' },
    ]);
    expect(r.result[0].state).toBe('orphaned');
  });

  it('follows multi-change events given in any order', () => {
    const b = on(text, 'zeta eta', 'b');
    const changes: TextChange[] = [
      { start: 45, end: 45, text: '!' },
      { start: 0, end: 0, text: '>> ' },
      { start: 16, end: 16, text: ' +' },
      { start: 31, end: 31, text: '[' },
      { start: 39, end: 39, text: ']' },
      { start: 22, end: 23, text: '' },
    ];
    for (const order of [changes, [...changes].reverse(), [changes[3], changes[0], changes[5], changes[1], changes[4], changes[2]]]) {
      const r = follow(text, [a, b], order);
      expect(r.text).toBe('>> Alpha beta gamma + deltaepsilon [zeta eta] theta!.');
      expect(r.result.map((x) => x.target.exact)).toEqual(['gamma + delta', 'zeta eta']);
    }
  });

  it('never resurrects an orphan but keeps its offsets near its old place', () => {
    const orphanA: Annotation = { ...a, state: 'orphaned', target: { ...a.target, start: 11, end: 11 } };
    const r = follow(text, [orphanA], [
      { start: 0, end: 0, text: 'Intro. ' },
      { start: 11, end: 11, text: passage },
    ]);
    expect(r.result[0].state).toBe('orphaned');
    expect(r.result[0].target.exact).toBe(passage);
    expect(r.result[0].target.start).toBe(29);
  });

  it('marks a followed edit as anchored even for a fuzzy or moved annotation', () => {
    const fuzzy: Annotation = { ...a, state: 'fuzzy' };
    const r = follow(text, [fuzzy], [{ start: 0, end: 0, text: 'x' }]);
    expect(r.result[0].state).toBe('anchored');
  });

  it('moves a zero-width annotation like a start and orphans it when text on both sides goes', () => {
    const point = annotate(text, 11, 11, 'p');
    let r = follow(text, [point], [{ start: 11, end: 11, text: 'ins ' }]);
    expect(r.result[0].target).toMatchObject({ start: 15, end: 15 });
    expect(r.result[0].state).toBe('anchored');
    r = follow(text, [point], [{ start: 11, end: 14, text: '' }]);
    expect(r.result[0].target.start).toBe(11);
    r = follow(text, [point], [{ start: 8, end: 14, text: '' }]);
    expect(r.result[0].state).toBe('orphaned');
  });

  it('re-anchors instead of trusting offsets when the annotation was out of sync with the text', () => {
    const stale: Annotation = { ...a, target: { ...a.target, start: 5, end: 16 } };
    const r = follow(text, [stale], [{ start: 0, end: 0, text: 'Hi. ' }]);
    expect(r.result[0].state).not.toBe('anchored');
    expect(r.text.slice(r.result[0].target.start, r.result[0].target.end)).toBe(passage);
  });

  it('re-anchors everything when the changes are malformed (overlapping)', () => {
    const next = `X${text}`;
    const result = applyChanges([a], [{ start: 0, end: 5, text: '' }, { start: 3, end: 8, text: '' }], next);
    expect(result[0].state).toBe('moved');
    expect(next.slice(result[0].target.start, result[0].target.end)).toBe(passage);
  });

  it('handles a 10,000-change multi-cursor event over 500 annotations in linear-ish time', () => {
    const line = 'The delegations exchanged views on regional security and trade.\n';
    const big = line.repeat(4000);
    const annotations = Array.from({ length: 500 }, (_, i) => annotate(big, i * 8 * line.length + 4, i * 8 * line.length + 4 + 40, `n${i}`));
    const changes: TextChange[] = [];
    for (let i = 0; i < 10_000; i++) {
      const at = Math.floor((i * big.length) / 10_000);
      changes.push({ start: at, end: at, text: '§' });
    }
    changes.reverse();
    const next = edit(big, changes);
    const t0 = performance.now();
    const result = applyChanges(annotations, changes, next);
    const elapsed = performance.now() - t0;
    for (const r of result) {
      expect(r.state).toBe('anchored');
      expect(next.slice(r.target.start, r.target.end)).toBe(r.target.exact);
    }
    expect(elapsed).toBeLessThan(1000);
  });
});
