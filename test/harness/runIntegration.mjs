// Runs the mocha integration suite inside code-server's extension host through the workbench's test payload, and
// reports mocha's counts. The server must have been started with `testDriver: true`.
import { format } from 'node:util';
import { join } from 'node:path';

import { launchBrowser, readJson, workbenchUrl } from './vscodeOffline.mjs';

/** Lines of workbench chatter that say nothing about the extension under test. */
const NOISE = /ChatModelSelection|AgentHost|AccountPolicyGate|Service Worker|socket|connection token|grace time|builtin extensions cache|127\.0\.0\.1:9|ECONNREFUSED/;

/**
 * root       the extension folder (extensionDevelopmentPath)
 * workspace  the folder to open
 * runDir     where the results file goes
 * Resolves to `{ passed, failed, failures, vscodeVersion, exitCode }`.
 */
export async function runIntegration(server, { root, workspace, runDir, timeoutMs = 300_000, env = {} }) {
  const resultsFile = join(runDir, 'integration-results.json');
  const url = workbenchUrl(server, workspace, {
    developmentPath: root,
    testsPath: join(root, 'out', 'test', 'integration', 'index.js'),
    env: { DIPLOMAT_TEST_RESULTS: resultsFile, ...env },
  });
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    let finish;
    const exited = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(args ?? [])).replace(/%c\s*\S+\s*color: #\w+\s*/, '');
      if (process.env.VERBOSE || !NOISE.test(line)) console.log(`  ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && /test runner|extension host|extensionDevelopment|extensionTests/i.test(text)) {
        console.log(`  [workbench] ${text.slice(0, 300)}`);
      }
    });
    await page.goto(url);
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const exitCode = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    const results = readJson(resultsFile);
    if (!results) {
      const why = exitCode === 'timeout' ? `no result within ${timeoutMs / 1000} s` : `exit code ${exitCode} and no results file`;
      return { passed: 0, failed: 1, failures: [{ title: 'integration suite', error: why }], exitCode };
    }
    return { ...results, exitCode };
  } finally {
    await browser.close();
  }
}
