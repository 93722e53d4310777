// Types of scripts/esbuild-countries.mjs, for vitest.config.ts (type-checked by `tsc -p .`).
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

/** A country of `world-countries` with only the fields the analyzer reads. */
export interface CompactCountry {
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng: { m: string; f: string } };
}

export function compactCountries(): CompactCountry[];
export const countriesPlugin: EsbuildPlugin;
export function countriesVitePlugin(): VitePlugin;
