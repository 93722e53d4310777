import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../src/core';
import { analyze } from '../../../src/core';
import { CorpusIndex, figureSubject } from '../../../src/core/corpus';

// Two tiny statements this test wrote, seven years apart, that claim the same thing with different figures.
const y2018 = [
  '17 January 2018',
  'Talks in Washington',
  '',
  '“Our cooperation is growing,” Nursultan Nazarbayev said.',
  '50 billion dollars of investments were received from US companies in Kazakhstan.',
  'Trade between Kazakhstan and Russia grew by 10 percent.',
].join('\n');
const y2025 = [
  ' date 2025-09-23 Remarks in New York',
  '',
  'The United States, having invested more than $100 billion, is the major investor in Kazakhstan.',
  '“We are proud of this partnership,” Nursultan Nazarbayev said. “It will grow,” he added.',
].join('\n');
const undated = 'Notes\n\nKazakhstan welcomed the visit. Nursultan Nazarbayev met delegates.\n';

function indexOf(...docs: [string, string, string?][]): { index: CorpusIndex; analyses: Map<string, Analysis> } {
  const index = new CorpusIndex();
  const analyses = new Map<string, Analysis>();
  for (const [path, text, fallback] of docs) {
    const a = analyze(text);
    analyses.set(path, a);
    index.set(path, text, a, fallback);
  }
  return { index, analyses };
}

describe('CorpusIndex', () => {
  it('lists documents by date (from the text, else the fallback, else none last), then path', () => {
    const { index } = indexOf(['b/undated.statement', undated], ['later.statement', y2025], ['a/first.statement', y2018],
      ['file-time.statement', undated, '2020-05-01']);
    expect(index.documents()).toEqual([
      { path: 'a/first.statement', date: '2018-01-17' },
      { path: 'file-time.statement', date: '2020-05-01' },
      { path: 'later.statement', date: '2025-09-23' },
      { path: 'b/undated.statement', date: null },
    ]);
  });

  it('aggregates entities and speakers across documents and updates them on set and delete', () => {
    const { index } = indexOf(['2018.statement', y2018], ['2025.statement', y2025]);
    const kazakhstan = () => index.entities().find((e) => e.canonical === 'Kazakhstan');
    expect(kazakhstan()).toMatchObject({ type: 'COUNTRY', documents: 2, mentions: 3 });
    const speaker = () => index.speakers().find((s) => s.name === 'Nursultan Nazarbayev');
    expect(speaker()).toMatchObject({ documents: 2, quotes: 3 });
    expect(speaker()?.items.map((i) => [i.date, i.path, i.cue])).toEqual([
      ['2018-01-17', '2018.statement', 'said'],
      ['2025-09-23', '2025.statement', 'said'],
      ['2025-09-23', '2025.statement', 'added'],
    ]);
    expect(speaker()?.items[0].preview).toBe('“Our cooperation is growing,” Nursultan Nazarbayev said.');

    expect(index.delete('2025.statement')).toBe(true);
    expect(index.delete('2025.statement')).toBe(false);
    expect(index.has('2025.statement')).toBe(false);
    expect(kazakhstan()).toMatchObject({ documents: 1, mentions: 2 });
    expect(speaker()).toMatchObject({ documents: 1, quotes: 1 });
    expect(index.entities().find((e) => e.canonical === 'United States')).toMatchObject({ documents: 1 });

    // Setting a path again replaces its document rather than adding to it.
    index.set('2018.statement', y2018, analyze(y2018));
    index.set('2018.statement', y2018, analyze(y2018));
    expect(kazakhstan()).toMatchObject({ documents: 1, mentions: 2 });
    index.delete('2018.statement');
    expect(index.entities()).toEqual([]);
    expect(index.speakers()).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('keeps claimed figures with their subject, by document date', () => {
    const { index } = indexOf(['2025.statement', y2025], ['2018.statement', y2018]);
    expect(index.figures().map((f) => [f.date, f.text, f.unit, f.subject])).toEqual([
      ['2018-01-17', '50 billion dollars', 'USD', 'investment (Kazakhstan, United States)'],
      ['2018-01-17', '10 percent', 'percent', 'trade (Kazakhstan, Russia)'],
      ['2025-09-23', 'more than $100 billion', 'USD', 'investment (Kazakhstan, United States)'],
    ]);
  });

  it('shows what was claimed for the same subject over time as a trend', () => {
    const { index } = indexOf(['2025.statement', y2025], ['2018.statement', y2018]);
    expect(index.figureTrends()).toEqual([{
      subject: 'investment (Kazakhstan, United States)',
      unit: 'USD',
      documents: 2,
      points: [
        { date: '2018-01-17', path: '2018.statement', text: '50 billion dollars', value: 50e9, qualifier: null, start: expect.any(Number), end: expect.any(Number) },
        { date: '2025-09-23', path: '2025.statement', text: 'more than $100 billion', value: 100e9, qualifier: 'more than', start: expect.any(Number), end: expect.any(Number) },
      ],
    }]);
    index.delete('2018.statement');
    expect(index.figureTrends()).toEqual([]);
  });

  it('counts an entity per document over time for a timeline', () => {
    const { index } = indexOf(['2025.statement', y2025], ['2018.statement', y2018]);
    expect(index.entityTimeline('Kazakhstan', 'COUNTRY')).toEqual([
      { path: '2018.statement', date: '2018-01-17', mentions: 2 },
      { path: '2025.statement', date: '2025-09-23', mentions: 1 },
    ]);
  });

  it('serialises to exactly the CLI shape', () => {
    const { index } = indexOf(['2018.statement', y2018]);
    const json = index.toJSON();
    expect(Object.keys(json)).toEqual(['documents', 'entities', 'speakers', 'figures']);
    expect(Object.keys(json.entities[0])).toEqual(['canonical', 'type', 'documents', 'mentions']);
    expect(json.speakers).toEqual([{ name: 'Nursultan Nazarbayev', documents: 1, quotes: 1 }]);
    expect(json.figures[0]).toEqual({ text: '50 billion dollars', value: 50e9, unit: 'USD', path: '2018.statement', date: '2018-01-17' });
  });
});

describe('figureSubject', () => {
  const subjectOf = (text: string, figureText: string): string | null => {
    const a = analyze(text);
    const f = a.figures.find((x) => x.text === figureText);
    if (!f) throw new Error(`no figure "${figureText}" in ${JSON.stringify(a.figures.map((x) => x.text))}`);
    return figureSubject(text, f, a.entities.filter((e) => e.type === 'COUNTRY'));
  };

  it('needs a subject word near the figure and a country in its sentence', () => {
    expect(subjectOf('Japan will provide $5 billion in assistance to Ukraine.', '$5 billion')).toBe('assistance (Japan, Ukraine)');
    expect(subjectOf('The city spent $5 billion on roads.', '$5 billion')).toBeNull();
    expect(subjectOf('Investment reached $5 billion. Japan is a partner.', '$5 billion')).toBeNull();
  });

  it('takes a count’s subject from what it counts', () => {
    expect(subjectOf('Over 630 American companies operate in Kazakhstan.', 'Over 630 American companies')).toBe('companies (Kazakhstan)');
    expect(subjectOf('Jobs were created in 16 states of the United States.', '16 states')).toBeNull();
  });
});
