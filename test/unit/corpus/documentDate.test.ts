import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentDate } from '../../../src/core/corpus';

describe('documentDate', () => {
  it.each([
    [' date 2025-09-23 In his remarks, the Kazakh President emphasized…', '2025-09-23'],
    ['17 January 2018\nBriefing for the media following talks', '2018-01-17'],
    ['Readout of the call\nJanuary 17, 2018\n\nThe President spoke', '2018-01-17'],
    ['Kazakhstan Participates in World Economic Forum in Jordan\n2019-04-06 13:32:31 -0500\n\nThe 10th Regional Forum', '2019-04-06'],
    ['Secretary Antony J. Blinken at a Press Availability\nMon, 01 Aug 2022 20:34:39 +0000\n', '2022-08-01'],
    ['# source: example | path: a.md\nRussia-Kazakhstan Business Forum\n2016-10-04 — Astana\n', '2016-10-04'],
    ['Title\n2019-09-02 09:00 -0400\n', '2019-09-02'],
    ['Title\nPublished: 3 March 2021\n', '2021-03-03'],
    ['Title\n17.01.2018\n', '2018-01-17'],
    ['Title\nAugust 1st, 2022\n', '2022-08-01'],
    ['Monthly digest\n2019-04\n\nNews of the month', '2019-04'],
    ['Monthly digest\nApril 2019\n', '2019-04'],
    ['Line one\r\n2020-02-29\r\n', '2020-02-29'],
  ])('reads %j', (text, date) => {
    expect(documentDate(text)).toBe(date);
  });

  it.each([
    ['Nothing here but words.\nAnd more words.'],
    // A date inside a sentence is what the text talks about, not when it was published.
    ['In the fateful summer, on 11 September 2001 the world changed.'],
    ['Title\n02/10/2015 A/70/PV.26'],
    ['Title\n2019-02-30\n'],
    ['Title\nApril 2019 saw the first visit.\n'],
    ['1\n2\n3\n4\n5\n6\n2018-01-17\n'],
    [''],
  ])('finds no date in %j', (text) => {
    expect(documentDate(text)).toBeNull();
  });

  it('dates the real seed texts', () => {
    const gold = join(__dirname, '../../../../shared/gold-dev');
    const read = (name: string): string | null => {
      try {
        return readFileSync(join(gold, name), 'utf8');
      } catch {
        return null;
      }
    };
    const nazarbayev = read('seed-nazarbayev-2018-01-17.txt');
    const tokayev = read('seed-tokayev-2025-09-23.txt');
    if (nazarbayev) expect(documentDate(nazarbayev)).toBe('2018-01-17');
    if (tokayev) expect(documentDate(tokayev)).toBe('2025-09-23');
  });
});
