// The extensionTestsPath module: VS Code (code-server's Node extension host here, desktop VS Code under
// @vscode/test-electron) loads it inside the extension host and awaits run().
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import Mocha from 'mocha';
import * as vscode from 'vscode';

interface Results {
  vscodeVersion: string;
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

export function run(): Promise<void> {
  console.log(`Integration suite in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost}, Node ${process.version})`);
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.DIPLOMAT_TEST_GREP;
  if (grep) mocha.grep(grep);
  const suiteDir = join(__dirname, 'suite');
  for (const file of readdirSync(suiteDir).filter((f) => f.endsWith(".test.js")).sort()) mocha.addFile(join(suiteDir, file));
  const results: Results = { vscodeVersion: vscode.version, passed: 0, failed: 0, failures: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The browser-side harness cannot see mocha's output files, so the counts also go to a file it reads.
      const out = process.env.DIPLOMAT_TEST_RESULTS;
      if (out) {
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, JSON.stringify(results, null, 2));
      }
      if (failures > 0) reject(new Error(`${failures} integration tests failed.`));
      else resolve();
    });
    runner.on('pass', () => results.passed++);
    runner.on('fail', (test, error: Error) => {
      results.failed++;
      results.failures.push({ title: test.fullTitle(), error: error.message });
    });
  });
}
