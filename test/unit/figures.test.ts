import { describe, it, expect } from 'vitest';
import { findFigures } from '../../src/core/analysis/figures';
import type { Figure } from '../../src/core/analysis/types';

/** The figures of `text` as `[text, kind, value, unit]` rows, after checking the offset contract. */
function rows(text: string): [string, string, Figure['value'], string | null][] {
  const figures = findFigures(text);
  let last = 0;
  for (const f of figures) {
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(f.start).toBeGreaterThanOrEqual(last);
    expect(f.rule.length).toBeGreaterThan(0);
    last = f.end;
  }
  return figures.map((f) => [f.text, f.kind, f.value, f.unit]);
}

function one(text: string): Figure {
  const figures = findFigures(text);
  expect(figures).toHaveLength(1);
  return figures[0];
}

describe('findFigures: money', () => {
  it('reads currency signs, spaces after them and magnitude words in any case', () => {
    expect(rows('The fund holds $ 7.5 billion.')).toEqual([['$ 7.5 billion', 'money', 7.5e9, 'USD']]);
    expect(rows('It secured $3.2\u00a0Trillion in pledges.')).toEqual([['$3.2\u00a0Trillion', 'money', 3.2e12, 'USD']]);
    expect(rows('A grant of €40 million arrived.')).toEqual([['€40 million', 'money', 4e7, 'EUR']]);
  });

  it('reads currency words after the amount', () => {
    expect(rows('Partners put in 40 billion dollars last year.')).toEqual([['40 billion dollars', 'money', 4e10, 'USD']]);
    expect(rows('The budget adds 75 billion tenge for roads.')).toEqual([['75 billion tenge', 'money', 7.5e10, 'KZT']]);
    expect(rows('Trade reached 12 billion roubles.')).toEqual([['12 billion roubles', 'money', 1.2e10, 'RUB']]);
  });

  it('keeps vague magnitudes with a null value', () => {
    expect(rows('They lost hundreds of billions of dollars.')).toEqual([['hundreds of billions of dollars', 'money', null, 'USD']]);
  });

  it('asserts value, unit, qualifier on a bounded amount', () => {
    const f = one('The package is worth up to $420 million in total.');
    expect(f).toMatchObject({ text: 'up to $420 million', kind: 'money', value: 4.2e8, unit: 'USD', qualifier: 'up to', counted: null });
    expect(one('Exports were an estimated $12.5 billion.').qualifier).toBe('an estimated');
  });
});

describe('findFigures: counts', () => {
  it('includes the qualifier and the counted noun phrase', () => {
    const f = one('Today over 410 Canadian firms work here.');
    expect(f).toMatchObject({ text: 'over 410 Canadian firms', kind: 'count', value: 410, unit: 'count', qualifier: 'over', counted: 'Canadian firms' });
    expect(one('As many as 700 delegates came.')).toMatchObject({ value: 700, qualifier: 'as many as', counted: 'delegates' });
  });

  it('reads number words', () => {
    expect(rows('The three nations met.')).toEqual([['three nations', 'count', 3, 'count']]);
    expect(rows('It will create a thousand jobs.')).toEqual([['a thousand jobs', 'count', 1000, 'count']]);
    expect(rows('Nearly one million residents voted.')).toEqual([['Nearly one million residents', 'count', 1e6, 'count']]);
  });

  it('counts elliptical and vague forms', () => {
    expect(rows('After the talks, the two agreed to meet again.')).toEqual([['two', 'count', 2, 'count']]);
    expect(rows('Thousands of volunteers helped.')).toEqual([['Thousands of volunteers', 'count', null, 'count']]);
  });

  it('leaves out pronoun and idiomatic uses of one', () => {
    expect(rows('This is one of the best ideas, and no one doubts it. We will do it one day.')).toEqual([]);
  });
});

describe('findFigures: percent, quantity, duration', () => {
  it('reads %, percent and per cent', () => {
    expect(rows('Tariffs fell 35%, then 60 percent, then nearly 12 per cent.')).toEqual([
      ['35%', 'percent', 35, 'percent'], ['60 percent', 'percent', 60, 'percent'], ['nearly 12 per cent', 'percent', 12, 'percent'],
    ]);
    expect(rows('It cut the time by almost half.')).toEqual([['almost half', 'percent', 50, 'percent']]);
  });

  it('reads units, glued units and ranges', () => {
    expect(rows('Exports came to 98,400 tonnes.')).toEqual([['98,400 tonnes', 'quantity', 98400, 'metric ton']]);
    expect(rows('They sent 105mm shells.')).toEqual([['105mm', 'quantity', 105, 'millimetre']]);
    expect(rows('We may see between 1.5°C and 3°C of warming.')).toEqual([['between 1.5°C and 3°C', 'quantity', [1.5, 3], 'degree Celsius']]);
    expect(rows('The harvest was 31-, 32,000 tons.')).toEqual([['31-, 32,000 tons', 'quantity', [31000, 32000], 'metric ton']]);
    expect(rows('It ships over 3 billion cubic metres of gas.')).toEqual([['over 3 billion cubic metres', 'quantity', 3e9, 'cubic metre']]);
  });

  it('reads durations, including hyphenated adjectives and fractions of a century', () => {
    expect(rows('A 20-year plan and a 60-day pause.')).toEqual([['20-year', 'duration', 20, 'years'], ['60-day', 'duration', 60, 'days']]);
    expect(rows('Twelve years ago we met; for more than a quarter of a century we worked.')).toEqual([
      ['Twelve years', 'duration', 12, 'years'], ['more than a quarter of a century', 'duration', 0.25, 'centuries'],
    ]);
    expect(rows('It is limited to one nine-year term.')).toEqual([['one', 'count', 1, 'count'], ['nine-year', 'duration', 9, 'years']]);
  });
});

describe('findFigures: years, dates, ordinals', () => {
  it('reads years and dates in their written forms', () => {
    expect(rows('By 2040 the plan ends.')).toEqual([['2040', 'year', 2040, 'year']]);
    expect(rows('Signed 14 February 2019 and effective March 2021.')).toEqual([
      ['14 February 2019', 'date', '2019-02-14', 'date'], ['March 2021', 'date', '2021-03', 'date'],
    ]);
    expect(rows('Posted 2024-11-05.')).toEqual([['2024-11-05', 'date', '2024-11-05', 'date']]);
    expect(rows('Tue, 02 Aug 2022 08:15:00 +0000')).toEqual([['Tue, 02 Aug 2022 08:15:00 +0000', 'date', '2022-08-02T08:15:00+00:00', 'datetime']]);
  });

  it('infers the year of a day and month from the publication date on line 2', () => {
    const text = 'Press statement\n2019-06-11\n\nWe met on May 30 and will meet again on 2 July.';
    expect(rows(text).slice(1)).toEqual([['May 30', 'date', '2019-05-30', 'date'], ['2 July', 'date', '2019-07-02', 'date']]);
  });

  it('reads ordinals and leaves out first, discourse ordinals and fixed terms', () => {
    expect(rows('It is the nineteenth round and the 40th anniversary.')).toEqual([
      ['nineteenth', 'ordinal', 19, 'ordinal'], ['40th', 'ordinal', 40, 'ordinal'],
    ]);
    expect(one('The lake was the fifth largest in the world.')).toMatchObject({ text: 'fifth', value: 5, counted: 'largest' });
    expect(rows('First, we met. Second, we agreed on the fourth industrial revolution after the Second World War.')).toEqual([]);
  });

  it('leaves out model numbers, formats, clock times, month-only dates and HTML', () => {
    expect(rows('They ordered Airbus 350 jets in the 5+1 format at 10:30 in March.')).toEqual([]);
    expect(rows('<img src="https://example.org/2025/05/a-2.jpg" width="1200" height="800" />')).toEqual([]);
  });
});

describe('findFigures: text encoding', () => {
  it('treats no-break and em spaces as spaces and handles CRLF', () => {
    expect(rows('Over\u00a0250\u00a0projects\r\nand\u2003more than 40\u2003percent.\r\n')).toEqual([
      ['Over\u00a0250\u00a0projects', 'count', 250, 'count'], ['more than 40\u2003percent', 'percent', 40, 'percent'],
    ]);
  });

  it('counts offsets in UTF-16 code units after an astral character', () => {
    const text = '🎉 The deal is worth $9 billion.';
    const f = one(text);
    expect(f.start).toBe(text.indexOf('$'));
    expect(f.start).toBe(21);
    expect(text.slice(f.start, f.end)).toBe('$9 billion');
  });
});

describe('findFigures: pathological inputs finish in linear time', () => {
  it('handles a megabyte of digits', () => {
    const started = Date.now();
    expect(findFigures('7'.repeat(1_000_000))).toEqual([]);
    findFigures('1,000,'.repeat(200_000));
    findFigures('1.'.repeat(500_000));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('handles a 200 KB line without spaces', () => {
    const started = Date.now();
    findFigures('x'.repeat(200_000));
    findFigures('a1'.repeat(100_000));
    findFigures('$'.repeat(200_000));
    findFigures('<a'.repeat(100_000));
    findFigures('http://'.repeat(30_000));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('handles long runs of number words and spaces', () => {
    const started = Date.now();
    findFigures('one '.repeat(100_000));
    findFigures('5 '.repeat(100_000));
    findFigures('hundreds of '.repeat(20_000));
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
