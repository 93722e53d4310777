/**
 * What the extension needs from the machine it runs on, beyond the `vscode` API. The Node extension host (desktop,
 * remote, code-server) and the browser's web-worker extension host (vscode.dev, github.dev) each supply one; the
 * rest of the extension is the same code in both (see `activate.ts`).
 */
export interface Platform {
  /**
   * Writes `text` (UTF-8) to the local file at `fsPath` in one step: a temporary file beside it, renamed over it.
   * Undefined where there is no local file system (the browser): files are then written through `workspace.fs`.
   */
  readonly writeLocalFileAtomic: ((fsPath: string, text: string) => Promise<void>) | undefined;
  /** git's `user.name`, or null when unset or git is missing; undefined where there is no git to ask (the browser). */
  readonly gitUserName: ((cwd: string | undefined) => Promise<string | null>) | undefined;
  /** A variable of the extension host's environment; always undefined in the browser. */
  env(name: string): string | undefined;
}
