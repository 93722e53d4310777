#!/usr/bin/env node
// `npm start`: builds the extension and opens a real VS Code with it on a copy of the samples/ folder (made once, in
// the cache, so that tags and registry edits made while trying Diplomat do not change the repository; delete the
// copy to start afresh).
// With a desktop `code` on PATH it uses `code --extensionDevelopmentPath`; otherwise it starts code-server
// (installed once into the cache, see test/harness/vscodeOffline.mjs) on 127.0.0.1, prints the address to open
// in a browser, and runs until Ctrl-C.  Options: --port N (default 8080, or the next free one).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { MissingPrerequisite, cacheRoot, freePort, startCodeServer, workbenchUrl } from '../test/harness/vscodeOffline.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const samples = join(cacheRoot, 'samples');
if (!existsSync(samples)) cpSync(join(root, 'samples'), samples, { recursive: true });
const args = process.argv.slice(2);
const portArg = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : undefined;

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

if (onPath('code') && !process.env.DIPLOMAT_USE_CODE_SERVER) {
  console.log('Opening desktop VS Code with Diplomat loaded from this folder…');
  const code = spawn('code', ['--extensionDevelopmentPath', root, samples], { stdio: 'inherit' });
  code.on('exit', (status) => process.exit(status ?? 0));
} else {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  let server;
  try {
    const runDir = join(cacheRoot, 'start');
    mkdirSync(runDir, { recursive: true });
    server = await startCodeServer({
      port: portArg ?? (await isFree(8080) ? 8080 : await freePort()),
      runDir,
      // Linked, not copied: rebuild (`npm run watch`) and reload the window to see a change.
      extensions: { [`diplomat.diplomat-${version}`]: root },
      settings: { 'workbench.colorTheme': process.env.DIPLOMAT_THEME ?? 'Default Light Modern' },
    });
  } catch (error) {
    console.error(error instanceof MissingPrerequisite ? error.message : error);
    process.exit(1);
  }
  console.log(`\nDiplomat is running in VS Code (code-server ${server.url}), on ${samples}.`);
  console.log(`Open this address in a browser:\n\n  ${workbenchUrl(server, samples)}\n`);
  console.log('Press Ctrl-C to stop.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping VS Code…');
    await server.stop({ keep: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.on('exit', (status) => {
    if (!stopping) {
      console.error(`code-server stopped (exit ${status}); its log is in ${join(server.runDir, 'code-server.log')}`);
      process.exit(1);
    }
  });
}

async function isFree(port) {
  const { createServer } = await import('node:net');
  return new Promise((resolveFree) => {
    const probe = createServer();
    probe.once('error', () => resolveFree(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolveFree(true)));
  });
}
