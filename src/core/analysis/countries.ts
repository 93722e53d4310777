import countries from 'world-countries';
import type { LexEntry } from './lexicon';

/**
 * Country names from the `world-countries` package (common and official names, Latin-script alternative
 * spellings, capitals, demonyms), plus the short forms that package does not carry (`U.S.`, `America`).
 * The package is bundled whole (about 1.4 MB of JSON, parsed once on first use).
 */
export interface CountryTables {
  readonly names: readonly LexEntry[];
  readonly capitals: readonly LexEntry[];
  /** Demonym or adjective (`Kazakhstani`, `American`) → canonical country name. */
  readonly demonyms: ReadonlyMap<string, string>;
  /** Single-word country names, for adjectives that are a prefix of them (`Kazakh` → `Kazakhstan`). */
  readonly singleWord: readonly string[];
}

const EXTRA_FORMS: readonly (readonly [string, string])[] = [
  ['U.S.', 'United States'], ['U.S', 'United States'], ['U.S.A.', 'United States'], ['US', 'United States'],
  ['USA', 'United States'], ['America', 'United States'], ['the States', 'United States'],
  ['United States', 'United States'], ['UK', 'United Kingdom'], ['U.K.', 'United Kingdom'], ['Britain', 'United Kingdom'],
  ['Great Britain', 'United Kingdom'], ['Soviet Union', 'Soviet Union'], ['USSR', 'Soviet Union'], ['U.S.S.R.', 'Soviet Union'],
  ['Yugoslavia', 'Yugoslavia'], ['Czechoslovakia', 'Czechoslovakia'], ['East Germany', 'East Germany'],
  ['West Germany', 'West Germany'], ['PRC', 'China'], ['DPRK', 'North Korea'], ['ROK', 'South Korea'],
  ['Republic of Korea', 'South Korea'], ['Korea', 'South Korea'], ['Holland', 'Netherlands'], ['Burma', 'Myanmar'],
  ['Turkey', 'Turkey'], ['Türkiye', 'Turkey'], ['Czech Republic', 'Czechia'], ['Kyrgyz Republic', 'Kyrgyzstan'],
  ['Swaziland', 'Eswatini'], ['Viet Nam', 'Vietnam'], ['Lao People\'s Democratic Republic', 'Laos'], ['Syria', 'Syria'],
  ['Syrian Arab Republic', 'Syria'], ['Russian Federation', 'Russia'], ['Macedonia', 'North Macedonia'],
  ['Vatican', 'Vatican City'], ['Holy See', 'Vatican City'], ['Cabo Verde', 'Cape Verde'], ['Timor-Leste', 'Timor-Leste'],
];

/** Demonyms the package spells differently from common English usage. */
const EXTRA_DEMONYMS: readonly (readonly [string, string])[] = [
  ['US', 'United States'], ['U.S.', 'United States'], ['American', 'United States'], ['Russian', 'Russia'],
  ['Chinese', 'China'], ['British', 'United Kingdom'], ['Soviet', 'Soviet Union'], ['Kazakh', 'Kazakhstan'],
  ['Uzbek', 'Uzbekistan'], ['Kyrgyz', 'Kyrgyzstan'], ['Tajik', 'Tajikistan'], ['Turkmen', 'Turkmenistan'],
  ['Emirati', 'United Arab Emirates'], ['UAE', 'United Arab Emirates'], ['Korean', 'South Korea'],
  ['Ukrainian', 'Ukraine'], ['Belarusian', 'Belarus'], ['Azerbaijani', 'Azerbaijan'], ['Turkish', 'Turkey'],
];

let tables: CountryTables | undefined;

function latin(s: string): boolean {
  return /^[A-Za-z\u00C0-\u024F .'’\-&()]+$/.test(s);
}

/** The country tables, built once. */
export function countryTables(): CountryTables {
  if (tables) return tables;
  const names: LexEntry[] = [];
  const capitals: LexEntry[] = [];
  const demonyms = new Map<string, string>();
  const singleWord: string[] = [];
  for (const c of countries) {
    const canonical = c.name.common;
    names.push(canonical);
    if (!canonical.includes(' ')) singleWord.push(canonical);
    if (latin(c.name.official)) names.push([c.name.official, canonical]);
    for (const alt of c.altSpellings) {
      if (alt.length < 3 || !latin(alt) || alt.includes(',') || alt === 'Emirates') continue;
      // Two-letter codes (`IN`, `NO`, `IT`) are ordinary words in capitals; only longer codes are kept.
      names.push([alt, canonical]);
    }
    for (const cap of c.capital) if (latin(cap) && cap.length > 2) capitals.push(cap);
    const dem = c.demonyms?.eng;
    if (dem) {
      demonyms.set(dem.m, canonical);
      demonyms.set(dem.f, canonical);
    }
  }
  for (const [form, canonical] of EXTRA_FORMS) names.push([form, canonical]);
  for (const [d, canonical] of EXTRA_DEMONYMS) demonyms.set(d, canonical);
  tables = { names, capitals, demonyms, singleWord };
  return tables;
}

let singleWordByFirst: Map<number, string[]> | undefined;

/**
 * Country for an adjective or short form in a role phrase (`Kazakh`, `US`, `Russian`), or null. A name that is a
 * prefix of the word or has it as a prefix shares its first letter: only the names with that letter are tried, in
 * the order of `singleWord`.
 */
export function countryOfAdjective(word: string): string | null {
  const t = countryTables();
  const direct = t.demonyms.get(word);
  if (direct) return direct;
  if (word.length < 4) return null;
  if (!singleWordByFirst) {
    singleWordByFirst = new Map();
    for (const name of t.singleWord) {
      const c = name.charCodeAt(0);
      const list = singleWordByFirst.get(c);
      if (list) list.push(name);
      else singleWordByFirst.set(c, [name]);
    }
  }
  const names = singleWordByFirst.get(word.charCodeAt(0));
  if (names) for (const name of names) if (name.startsWith(word) || word.startsWith(name)) return name;
  return null;
}
