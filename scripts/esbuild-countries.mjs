// Build-time slimming of the `world-countries` package. The package ships about 1.4 MB of JSON per country
// (translations, flags, borders, currencies …); the analyzer reads only names, alternative spellings, capitals and
// English demonyms (src/core/analysis/countries.ts). These plugins replace the import of `world-countries` with
// just those fields, taken from the installed package at build time, so the data stays the package's own and the
// bundles carry a few dozen KB instead of the whole file.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The countries of the installed `world-countries` package, with only the fields the analyzer reads. */
export function compactCountries() {
  /** @type {any[]} */
  const all = require('world-countries');
  return all.map((c) => {
    const eng = c.demonyms?.eng;
    return {
      name: { common: c.name.common, official: c.name.official },
      altSpellings: c.altSpellings,
      capital: c.capital,
      ...(eng ? { demonyms: { eng: { m: eng.m, f: eng.f } } } : {}),
    };
  });
}

/** Path of the package's data file, so watch builds rebuild when the package is updated. */
function dataFile() {
  return require.resolve('world-countries/countries.json');
}

/** esbuild plugin: `import countries from 'world-countries'` yields the compact data. */
export const countriesPlugin = {
  name: 'compact-world-countries',
  setup(build) {
    build.onResolve({ filter: /^world-countries$/ }, () => ({ path: 'world-countries', namespace: 'compact-countries' }));
    build.onLoad({ filter: /.*/, namespace: 'compact-countries' }, () => ({
      contents: JSON.stringify(compactCountries()),
      loader: 'json',
      watchFiles: [dataFile()],
    }));
  },
};

/** The same replacement for Vite/Vitest, so unit tests run on the data the bundles ship. */
export function countriesVitePlugin() {
  const id = '\0compact-world-countries';
  return {
    name: 'compact-world-countries',
    enforce: 'pre',
    resolveId: (source) => (source === 'world-countries' ? id : null),
    load: (loaded) => (loaded === id ? `export default ${JSON.stringify(compactCountries())};` : null),
  };
}
