import { createRequire } from 'node:module';
import { describe, it, expect } from 'vitest';
import { analyze, analyzeWithoutFigures } from '../../../src/core/analysis/analyze';
import { findEntities } from '../../../src/core/analysis/entities';
import { findFigures } from '../../../src/core/analysis/figures';
import { countryTables } from '../../../src/core/analysis/countries';
import { collapseSpaces } from '../../../src/core/analysis/text';
import { Gap, tokenize } from '../../../src/core/analysis/tokens';
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
    expect(t.conn.get(6)).toBe('of the');
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
