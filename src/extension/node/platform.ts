import { execFile } from 'node:child_process';
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import type { Platform } from '../platform';

/** The Node extension host: local files are written with the file system's own rename, git is asked for the author. */
export const nodePlatform: Platform = {
  // `workspace.fs.rename` deletes the target first; the file system's rename replaces it in one step, so a crash or a
  // full disk never leaves a half-written file and a reader never sees it missing.
  async writeLocalFileAtomic(fsPath, text) {
    const temp = join(dirname(fsPath), `.${basename(fsPath)}.${Date.now().toString(36)}.tmp`);
    await writeFile(temp, text, 'utf8');
    await rename(temp, fsPath);
  },
  gitUserName: (cwd) =>
    new Promise((resolve) => {
      // A missing git, or one waiting on a credential prompt, must not hold up tagging.
      execFile('git', ['config', 'user.name'], { cwd, timeout: 2000 }, (error, stdout) => resolve(error ? null : stdout.trim() || null));
    }),
  env: (name) => process.env[name],
};
