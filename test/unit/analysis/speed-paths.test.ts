import { createRequire } from 'node:module';
import { describe, it, expect } from 'vitest';
import { analyze, analyzeWithoutFigures } from '../../../src/core/analysis/analyze';
import { findEntities } from '../../../src/core/analysis/entities';
import { findFigures } from '../../../src/core/analysis/figures';
import { countryTables } from '../../../src/core/analysis/countries';
import { collapseSpaces } from '../../../src/core/analysis/text';
import { connectorPhrase, Gap, tokenize } from '../../../src/core/analysis/tokens';
import { compactCountries } from '../../../scripts/esbuild-countries.mjs';

// The fast paths added for speed (interned tokens, prefilters before regexes, the slimmed country data) must read
// texts exactly as the plain code did: these tests pin the cases where a shortcut could have changed a result.

describe('tokenize', () => {
  it('gives equal words one id and keeps each token’s own span', () => {
    const text = 'Astana hosted talks. Then Astana, and ASTANA again; Astana’s role.';
    const t = tokenize(text);
    const words = Array.from(t.id.subarray(0, t.n), (id) => t.vocab[id]);
    expect(words).toEqual(['Astana', 'Then', 'Astana', 'ASTANA', 'Astana']);
    expect(t.id[0]).toBe(t.id[2]);
    expect(t.id[0]).toBe(t.id[4]);
    expect(t.id[0]).not.toBe(t.id[3]);
    expect(t.possessive[4]).toBe(1);
    for (let i = 0; i < t.n; i++) expect(text.slice(t.start[i], t.end[i])).toBe(words[i]);
  });

  it('keeps dotted abbreviations and initials, drops a sentence full stop, reads connectors', () => {
    const t = tokenize('The U.S.A. and Mr. J. Smith met the President of the Republic. Messrs. Doe');
    const words = Array.from(t.id.subarray(0, t.n), (id) => t.vocab[id]);
    expect(words).toEqual(['The', 'U.S.A.', 'Mr.', 'J.', 'Smith', 'President', 'Republic', 'Messrs.', 'Doe']);
    expect(t.gap[6]).toBe(Gap.Connector);
    expect(connectorPhrase(t.connCode[6])).toBe('of the');
  });

  it('interns thousands of distinct words (the hash table grows)', () => {
    const text = Array.from({ length: 5000 }, (_, k) => `Word${k}`).join(' ') + ' Word42';
    const t = tokenize(text);
    expect(t.n).toBe(5001);
    expect(t.vocab).toHaveLength(5000);
    expect(t.id[5000]).toBe(t.id[42]);
  });
});

describe('collapseSpaces', () => {
  it('cuts single-spaced names as they are and collapses any other white space', () => {
    expect(collapseSpaces('x Ayla Verin y', 2, 12)).toBe('Ayla Verin');
    expect(collapseSpaces('Ayla\u00a0 Verin', 0, 11)).toBe('Ayla Verin');
    expect(collapseSpaces('Ayla\u2003Verin', 0, 10)).toBe('Ayla Verin');
    expect(collapseSpaces('Ayla\r\nVerin', 0, 11)).toBe('Ayla Verin');
  });
});

describe('role mentions', () => {
  it('takes `Mr.`/`Madam` before a role into the mention, but not a longer word ending in them', () => {
    const text = 'President of Kazakhstan Ayla Verin spoke.\n\n“We will keep working together on energy and trade,” Ayla Verin said.\n\n'
      + 'Mr. President, thank you. Madam President met them. XMr President left.';
    const a = analyze(text);
    const roles = a.speakers.flatMap((s) => s.mentions.filter((m) => m.kind === 'role').map((m) => m.text));
    expect(roles).toContain('Mr. President');
    expect(roles).toContain('Madam President');
    expect(roles).not.toContain('XMr President');
  });
});

describe('transcript labels', () => {
  it('finds a label on a line after lines without a colon, and none where the colon comes after other punctuation', () => {
    const text = 'Opening remarks were made.\nThe talks went on, as planned.\nSECRETARY VERIN: Thank you all.\nSECRETARY VERIN: Good.\n'
      + 'Then, later: nothing.\n';
    const a = analyze(text);
    const turns = a.quotes.filter((q) => q.kind === 'turn');
    expect(turns.map((q) => q.text)).toEqual(['Thank you all.', 'Good.\nThen, later: nothing.']);
  });
});

describe('country data', () => {
  it('the slimmed data holds every country with the same names, capitals and demonyms as the package', () => {
    const full = createRequire(import.meta.url)('world-countries') as {
      name: { common: string; official: string }; altSpellings: string[]; capital: string[];
      demonyms?: { eng?: { m: string; f: string } };
    }[];
    const compact = compactCountries();
    expect(compact).toHaveLength(full.length);
    full.forEach((c, k) => {
      expect(compact[k].name).toEqual({ common: c.name.common, official: c.name.official });
      expect(compact[k].altSpellings).toEqual(c.altSpellings);
      expect(compact[k].capital).toEqual(c.capital);
      expect(compact[k].demonyms?.eng).toEqual(c.demonyms?.eng ? { m: c.demonyms.eng.m, f: c.demonyms.eng.f } : undefined);
    });
    expect(JSON.stringify(compact).length).toBeLessThan(100_000);
  });

  it('the analyzer reads its country tables from it', () => {
    const t = countryTables();
    expect(t.demonyms.get('Kazakhstani')).toBe('Kazakhstan');
    expect(t.names).toContainEqual(['Republic of Kazakhstan', 'Kazakhstan']);
    expect(t.capitals).toContain('Astana');
  });
});

describe('figure candidates', () => {
  const texts = (text: string): string[] => findFigures(text).map((f) => f.text);

  it('starts at trigger words in any case, only at a word start, and at currency signs and codes', () => {
    expect(texts('TWO ministers, Seven days, fiFTY states; someone, often, anyone, seventy2 items.')).toEqual(
      ['TWO ministers', 'Seven days', 'fiFTY states']);
    expect(texts('It costs US$ 5 million, us$7 and €3 billion; USD 2 billion.')).toEqual(
      ['US$ 5 million', '€3 billion', 'USD 2 billion']);
  });

  it('reads an RFC 822 weekday only before a comma, and a word glued to a digit not at all', () => {
    expect(texts('Mon, 03 Jan 2022 10:00:00 GMT')).toEqual(['Mon, 03 Jan 2022 10:00:00 GMT']);
    expect(texts('Mon 03 and three4 and twelve')).toEqual([]);
  });
});

describe('analyzeWithoutFigures', () => {
  it('is analyze() without its last key, figures', () => {
    const text = 'President Ayla Verin said: “We will invest $ 7.5 billion in 12 regions over three years.”\n';
    const whole = analyze(text);
    const { figures, ...rest } = whole;
    expect(analyzeWithoutFigures(text)).toEqual(rest);
    expect(Object.keys(whole)).toEqual([...Object.keys(analyzeWithoutFigures(text)), 'figures']);
    expect(figures).toEqual(findFigures(text));
  });
});

describe('speech verbs after a name', () => {
  const people = (text: string): string[] => [...findEntities(text).people.byCanonical.keys()];

  it('learns a name before a speech verb, also after an adverb or as the first word of a two-word verb', () => {
    expect(people('The talks ended, Ayla Verin said.')).toEqual(['Ayla Verin']);
    expect(people('The talks ended, Ayla Verin also stressed.')).toEqual(['Ayla Verin']);
    expect(people('The talks ended, Ayla Verin then added.')).toEqual(['Ayla Verin']);
    expect(people('The talks ended, Ayla Verin pointed out.')).toEqual(['Ayla Verin']);
  });

  it('not before a longer word or a capitalised one', () => {
    expect(people('The talks ended, Ayla Verin saidx.')).toEqual([]);
    expect(people('The talks ended, Ayla Verin Said.')).toEqual([]);
  });
});

describe('quotation marks and role words', () => {
  it('pairs curly, straight and angle marks, a guillemet closing only a guillemet', () => {
    const text = 'Ayla Verin said: «We agree on all points of the plan.” and more.» Then “We will work with all partners,” Ayla Verin said.\n'
      + '"We welcome the outcome of these talks," Ayla Verin said.\n';
    const quoted = analyze(text).quotes.filter((q) => q.kind === 'quoted').map((q) => q.text);
    expect(quoted).toEqual([
      'We agree on all points of the plan.” and more.', 'We will work with all partners,', 'We welcome the outcome of these talks,',
    ]);
  });

  it('finds every role word, one right after another, and none inside a longer word', () => {
    const text = 'President of Kazakhstan Ayla Verin spoke.\n\n“We will keep working together on energy and trade,” Ayla Verin said.\n\n'
      + 'Mr. President, thank you. Madam President met them. The Head of State agreed. XPresident left. The Presidents met. '
      + 'Mr. President,President.';
    const roles = analyze(text).speakers.flatMap((s) => s.mentions.filter((m) => m.kind === 'role').map((m) => [m.start, m.text]));
    expect(roles).toEqual([
      [0, 'President of Kazakhstan'], [114, 'Mr. President'], [140, 'Madam President'], [170, 'Head of State'],
      [229, 'Mr. President'], [243, 'President'],
    ]);
  });
});

describe('figures: code-unit readers', () => {
  const figures = (text: string): unknown[] =>
    findFigures(text).map((f) => [f.text, f.kind, f.value, f.unit, f.qualifier, f.counted ?? null]);

  it('reads digit runs with and without grouping, as the run regex did', () => {
    // Trailing punctuation is dropped, invalid groupings and over-long runs are skipped whole.
    expect(figures('They spent 1,200. Then 2019. Then 12,34 units and 1.5.6 things.')).toEqual([
      ['2019', 'year', 2019, 'year', null, null],
    ]);
    expect(figures(`Some ${'1234567890'.repeat(5)} digits, then 99 bn and 12\u00a0Tn.`)).toEqual([
      ['99 bn', 'count', 99e9, 'count', null, null],
      ['12\u00a0Tn', 'count', 12e12, 'count', null, null],
    ]);
  });

  it('reads gaps of horizontal spaces only, at most four', () => {
    expect(figures('About 3\u00a0billion dollars, 40\u2009percent, 7 \n million people and 15\u00a0\u00a0\u00a0\u00a0\u00a0km.')).toEqual([
      ['About 3\u00a0billion dollars', 'money', 3e9, 'USD', 'about', null],
      ['40\u2009percent', 'percent', 40, 'percent', null, null],
    ]);
  });

  it('reads hyphenated durations, scales, suspended ranges and space-grouped thousands', () => {
    expect(figures('A 10-year plan, 5 mln tonnes, 26-, 27,000 troops, 250 000 jobs and 0042 codes.')).toEqual([
      ['10-year', 'duration', 10, 'years', null, null],
      ['5 mln tonnes', 'quantity', 5e6, 'metric ton', null, null],
      ['26-, 27,000 troops', 'count', [26000, 27000], 'count', null, 'troops'],
      ['250 000 jobs', 'count', 250000, 'count', null, 'jobs'],
      ['0042 codes', 'count', 42, 'count', null, 'codes'],
    ]);
  });
});

describe('speech: words around quotes read as code units', () => {
  const speech = (text: string): { quotes: unknown[]; speakers: unknown[] } => {
    const a = analyze(text);
    return { quotes: a.quotes.map((q) => [q.text, q.kind, q.speaker, q.cue?.text ?? null]), speakers: a.speakers.map((s) => s.name) };
  };

  it('keeps the full stops of dotted abbreviations in an attribution', () => {
    expect(speech('“We will build the new bridge next year,” U.S. Secretary Antony Blinken said.')).toEqual({
      quotes: [['We will build the new bridge next year,', 'quoted', 's1', 'said']],
      speakers: ['Antony Blinken'],
    });
  });

  it('reads Cyrillic and hyphenated words and mark words next to the quote', () => {
    const text = '«Мы готовы к диалогу с партнёрами сегодня», сказал Путин. Then “Cooperation is our priority for decades '
      + 'to come,” the President of Kazakhstan Nursultan Nazarbayev noted.';
    expect(speech(text)).toEqual({
      quotes: [['Cooperation is our priority for decades to come,', 'quoted', 's1', 'noted']],
      speakers: ['Nursultan Nazarbayev'],
    });
    expect(speech('Kassym-Jomart Tokayev said: “Our countries are strategic partners and friends.”').speakers)
      .toEqual(['Kassym-Jomart Tokayev']);
  });
});

describe('entities: head patterns read word flags', () => {
  it('stops a head pattern where the case of a long first word changes', () => {
    const text = 'The TAX SERVICE of Uzbekistan and the Tax Service of Uzbekistan met the Syr Darya Power Station staff. '
      + 'NATIONAL Bank of Kazakhstan.';
    expect(findEntities(text).entities.map((e) => [e.text, e.type, e.rule])).toEqual([
      ['Uzbekistan', 'COUNTRY', 'country-table'],
      ['Tax Service of Uzbekistan', 'ORG', 'org-head'],
      ['Syr Darya Power Station', 'PLACE', 'place-head'],
      ['Bank of Kazakhstan', 'ORG', 'org-head'],
    ]);
  });
});
