import type { Platform } from '../platform';

/**
 * The browser's web-worker extension host: no local file system (every file, sidecars included, goes through
 * `workspace.fs`), no git to ask for the author (the `diplomat.author` setting alone names it), no environment.
 */
export const browserPlatform: Platform = {
  writeLocalFileAtomic: undefined,
  gitUserName: undefined,
  env: () => undefined,
};
