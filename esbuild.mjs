// One build script for every bundle: the extension (Node extension host and browser web worker), the CLI, and the
// integration and web tests.
//   node esbuild.mjs               development build (source maps)
//   node esbuild.mjs --production  minified, no source maps (what `npm run package` ships)
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { countriesPlugin } from './scripts/esbuild-countries.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the `file:line:col: error: text` form that VS Code's `$esbuild-watch` problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  // Only the fields of `world-countries` the analyzer reads go into the bundles (see scripts/esbuild-countries.mjs).
  plugins: watch ? [countriesPlugin, problemMatcher] : [countriesPlugin],
};

// The web-worker extension host (vscode.dev, github.dev, @vscode/test-web) has no Node: the browser bundles are built
// for the browser, so a `node:` import (or a Node built-in reached through a dependency) fails the build instead of
// failing at run time. Nothing is aliased away on purpose.
const browser = { ...common, platform: 'browser', format: 'cjs', target: 'es2022' };

const integrationSuites = readdirSync('test/integration/suite').filter((f) => f.endsWith('.test.ts'));

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...browser, entryPoints: ['src/extension/browser.ts'], outfile: 'dist/browser.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Integration tests run inside VS Code's extension host: `vscode` and `mocha` come from the host and node_modules.
  {
    ...common,
    minify: false,
    sourcemap: true,
    entryPoints: [
      'test/integration/index.ts',
      'test/runElectron.ts',
      'test/bench/vscode/openLarge.ts',
      ...integrationSuites.map((f) => join('test/integration/suite', f)),
    ],
    outbase: 'test',
    outdir: 'out/test',
    external: ['vscode', 'mocha', '@vscode/test-electron'],
  },
  // The web suite runs inside the web-worker extension host that @vscode/test-web starts (test/harness/testWeb.mjs).
  { ...browser, minify: false, sourcemap: true, entryPoints: ['test/web/index.ts'], outfile: 'out/test/web/index.js', external: ['vscode'] },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
