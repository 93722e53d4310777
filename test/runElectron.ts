// Runs the integration suite in desktop VS Code downloaded by @vscode/test-electron (needs internet access to
// the VS Code update service). `npm run test:electron`; the same suite as `npm test` runs in code-server.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const workspace = mkdtempSync(join(tmpdir(), 'diplomat-ws-'));
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error('Integration tests failed:', error);
  process.exit(1);
});
