import { describe, expect, it } from 'vitest';
import type { Analysis, Entity, EntityType, Figure, Quote, Speaker, SpeakerMention, Span } from '../../../src/core';
import type { Sidecar } from '../../../src/core/annotations';
import {
  annotationTree, entityTree, LineIndex, NOTE_TAG, PREVIEW_CHARS, preview, speakerTree, UNATTRIBUTED_ID,
} from '../../../src/core/corpus';

// Analyses are written by hand so these tests pin the tree models, whatever the analyzer finds in the text.
function span(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" #${nth} not in the text`);
  }
  return { start: at, end: at + needle.length, text: needle };
}
const entity = (text: string, needle: string, type: EntityType, canonical: string, nth = 0): Entity =>
  ({ ...span(text, needle, nth), type, canonical, rule: 'test' });
const mention = (text: string, needle: string, kind: SpeakerMention['kind'], nth = 0): SpeakerMention =>
  ({ ...span(text, needle, nth), kind });
function analysis(text: string, parts: { entities?: Entity[]; speakers?: Speaker[]; quotes?: Quote[]; figures?: Figure[] }): Analysis {
  return {
    version: 1, length: text.length,
    entities: [...(parts.entities ?? [])].sort((a, b) => a.start - b.start),
    speakers: parts.speakers ?? [], quotes: parts.quotes ?? [], figures: parts.figures ?? [],
  };
}

const text = [
  '17 January 2018',
  'President Kassym-Jomart Tokayev met Chancellor Olaf Scholz in Astana.',
  '',
  '“We value our partnership with Germany,” Tokayev said.',
  'The Head of State noted that trade between Kazakhstan and Germany grew to $ 2 billion, and Scholz agreed.',
  '“Germany is ready to invest more,” Olaf Scholz said. Kazakhstan and Germany signed 12 agreements worth $ 2 billion.',
  '“Thank you all,” someone said.',
].join('\n');

const tokayev: Speaker = {
  id: 's1', name: 'Kassym-Jomart Tokayev', type: 'PERSON',
  mentions: [mention(text, 'Kassym-Jomart Tokayev', 'name'), mention(text, 'Tokayev', 'name', 1), mention(text, 'Head of State', 'role')],
};
const scholz: Speaker = { id: 's2', name: 'Olaf Scholz', type: 'PERSON', mentions: [mention(text, 'Olaf Scholz', 'name', 1)] };
const silent: Speaker = { id: 's3', name: 'Nobody Quoted', type: 'PERSON', mentions: [] };

function quote(inner: string, speaker: string | null, cue: string | null, cueNth = 0): Quote {
  return { ...span(text, inner), kind: 'quoted', speaker, cue: cue ? span(text, cue, cueNth) : null, rule: 'test' };
}

function money(needle: string, nth: number): Figure {
  return { ...span(text, needle, nth), kind: 'money', value: 2e9, unit: 'USD', qualifier: null, counted: null, rule: 'test' };
}

const sample = analysis(text, {
  entities: [
    entity(text, 'Kassym-Jomart Tokayev', 'PERSON', 'Kassym-Jomart Tokayev'),
    entity(text, 'Tokayev', 'PERSON', 'Kassym-Jomart Tokayev', 1),
    entity(text, 'Olaf Scholz', 'PERSON', 'Olaf Scholz'),
    // A short form the analyzer did not tie to the full name: the tree groups it under Olaf Scholz.
    entity(text, 'Scholz', 'PERSON', 'Scholz', 1),
    entity(text, 'Olaf Scholz', 'PERSON', 'Olaf Scholz', 1),
    entity(text, 'Astana', 'PLACE', 'Astana'),
    entity(text, 'Germany', 'COUNTRY', 'Germany'),
    entity(text, 'Kazakhstan', 'COUNTRY', 'Kazakhstan'),
    entity(text, 'Germany', 'COUNTRY', 'Germany', 1),
    entity(text, 'Germany', 'COUNTRY', 'Germany', 2),
    entity(text, 'Kazakhstan', 'COUNTRY', 'Kazakhstan', 1),
    entity(text, 'Germany', 'COUNTRY', 'Germany', 3),
  ],
  speakers: [tokayev, scholz, silent],
  quotes: [
    quote('Germany is ready to invest more', 's2', 'said', 1),
    quote('We value our partnership with Germany', 's1', 'said'),
    quote('Thank you all', null, 'said', 2),
  ],
  figures: [money('$ 2 billion', 0), money('$ 2 billion', 1)],
});

describe('entityTree', () => {
  const tree = entityTree(sample, text);
  const group = (kind: string) => tree.find((g) => g.kind === kind);

  it('has the groups in order, each labelled, and leaves out empty ones', () => {
    expect(tree.map((g) => [g.kind, g.label])).toEqual([
      ['PERSON', 'People'], ['COUNTRY', 'Countries'], ['PLACE', 'Places'], ['FIGURE', 'Figures'],
    ]);
  });

  it('groups a person under the canonical name with short forms and role mentions', () => {
    const people = group('PERSON')?.entries ?? [];
    expect(people.map((e) => [e.label, e.count])).toEqual([['Kassym-Jomart Tokayev', 3], ['Olaf Scholz', 3]]);
    const t = people[0];
    expect(t.key).toBe('Kassym-Jomart Tokayev');
    expect(t.mentions.map((m) => [m.text, m.kind])).toEqual([
      ['Kassym-Jomart Tokayev', 'name'], ['Tokayev', 'name'], ['Head of State', 'role'],
    ]);
    expect(t.description).toBe('1 of 3 by role or label');
    expect(people[1].mentions.map((m) => m.text)).toEqual(['Olaf Scholz', 'Scholz', 'Olaf Scholz']);
  });

  it('counts mentions and sorts entries by count, then label', () => {
    expect(group('COUNTRY')?.entries.map((e) => [e.label, e.count])).toEqual([['Germany', 4], ['Kazakhstan', 2]]);
  });

  it('gives each mention its 0-based line and a one-line preview of at most 80 characters', () => {
    for (const g of tree) {
      for (const e of g.entries) {
        for (const m of e.mentions) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.preview).toContain(m.text);
          expect(m.preview.length).toBeLessThanOrEqual(PREVIEW_CHARS);
          expect(m.preview).not.toMatch(/\n/);
          expect(text.split('\n')[m.line]).toContain(m.text);
        }
      }
    }
    const astana = group('PLACE')?.entries[0].mentions[0];
    expect(astana?.line).toBe(1);
    expect(astana?.preview).toBe('President Kassym-Jomart Tokayev met Chancellor Olaf Scholz in Astana.');
  });

  it('lists figures once per written form with their value', () => {
    expect(group('FIGURE')?.entries).toMatchObject([
      { key: '$ 2 billion', label: '$ 2 billion', count: 2, figureKind: 'money', description: 'money: 2,000,000,000 USD', type: 'FIGURE' },
    ]);
  });
});

describe('preview', () => {
  it('cuts a long line at word edges around the mention and collapses white space', () => {
    const line = `${'word '.repeat(40)}TARGET\t\t${' tail'.repeat(40)}`;
    const lines = new LineIndex(line);
    const start = line.indexOf('TARGET');
    const p = lines.preview(start, start + 6);
    expect(p.length).toBeLessThanOrEqual(PREVIEW_CHARS);
    expect(p).toMatch(/^… word .* TARGET tail .*tail …$/);
  });

  it('shows a span longer than the budget from its start', () => {
    const long = 'x'.repeat(200);
    expect(preview(long, 0, 200, 0, 200)).toBe(`${'x'.repeat(79)}…`);
  });

  it('never splits an emoji', () => {
    const s = '🌍'.repeat(60);
    const p = preview(s, 0, s.length, 0, s.length);
    expect(p.endsWith('…')).toBe(true);
    expect(p.slice(0, -1)).toBe('🌍'.repeat(39));
  });
});

describe('speakerTree', () => {
  const tree = speakerTree(sample, text);

  it('lists speakers in the order of their first quote, quoteless speakers left out, unattributed last', () => {
    expect(tree.map((s) => [s.id, s.name, s.type, s.quotes.length])).toEqual([
      ['s1', 'Kassym-Jomart Tokayev', 'PERSON', 1],
      ['s2', 'Olaf Scholz', 'PERSON', 1],
      [UNATTRIBUTED_ID, 'Unattributed', null, 1],
    ]);
  });

  it('gives each quote its cue, preview and line', () => {
    const q = tree[1].quotes[0];
    expect(q).toMatchObject({ kind: 'quoted', cue: 'said', line: 5, preview: expect.stringContaining('Germany is ready to invest more') });
    expect(text.slice(q.cueStart ?? 0, q.cueEnd ?? 0)).toBe('said');
    expect(q.preview.length).toBeLessThanOrEqual(PREVIEW_CHARS);
  });
});

describe('annotationTree', () => {
  const exact = (needle: string) => ({ ...span(text, needle), exact: needle, prefix: '', suffix: '' });
  const sidecar: Sidecar = {
    version: 1, source: 'talks.statement', sha256: '0'.repeat(64), length: text.length,
    annotations: [
      { id: 'a1', tags: ['praise', 'economy'], note: 'Warm words\nsecond line', target: exact('We value our partnership'), state: 'anchored', created: '', modified: '', author: null },
      { id: 'a2', tags: [], note: 'Check the figure', target: exact('$ 2 billion'), state: 'moved', created: '', modified: '', author: null },
      { id: 'a3', tags: ['economy'], note: '', target: exact('trade between Kazakhstan'), state: 'fuzzy', created: '', modified: '', author: null },
      {
        id: 'a4', tags: ['economy'], note: '', state: 'orphaned', created: '', modified: '', author: null,
        target: { start: 9_999, end: 10_020, exact: 'a passage since deleted', prefix: '', suffix: '' },
      },
    ],
  };

  it('groups by tag (sorted, notes last), keeps orphans apart and previews notes', () => {
    const tree = annotationTree(sidecar, text);
    expect(tree.tags.map((t) => [t.tag, t.annotations.map((a) => a.id)])).toEqual([
      ['economy', ['a1', 'a3']], ['praise', ['a1']], [NOTE_TAG, ['a2']],
    ]);
    expect(tree.tags[0].annotations[0]).toMatchObject({ notePreview: 'Warm words', state: 'anchored', line: 3 });
    expect(tree.orphaned).toHaveLength(1);
    expect(tree.orphaned[0]).toMatchObject({ id: 'a4', preview: 'a passage since deleted', start: text.length, end: text.length });
  });

  it('is empty without a sidecar', () => {
    expect(annotationTree(undefined, text)).toEqual({ tags: [], orphaned: [] });
  });
});

describe('entityTree and unnamed voices', () => {
  it('leaves out a speaker never named in the text', () => {
    const t = 'Q: Will you go?\nMR KIRBY: Yes.\n';
    const a = analysis(t, {
      entities: [entity(t, 'KIRBY', 'PERSON', 'John Kirby')],
      speakers: [
        { id: 's1', name: 'Unidentified journalist', type: 'PERSON', mentions: [mention(t, 'Q', 'label')] },
        { id: 's2', name: 'John Kirby', type: 'PERSON', mentions: [mention(t, 'MR KIRBY', 'label')] },
      ],
    });
    expect(entityTree(a, t)[0].entries.map((e) => [e.label, e.mentions.map((m) => [m.text, m.kind])])).toEqual([
      ['John Kirby', [['KIRBY', 'name']]],
    ]);
  });
});
