import * as vscode from 'vscode';

import { Disposable } from './util/dispose';

/** The extension's one output channel ("Diplomat" in the Output panel), with levels the user can change there. */
export class Log extends Disposable {
  readonly channel = this._register(vscode.window.createOutputChannel('Diplomat', { log: true }));

  info(message: string): void {
    this.channel.info(message);
  }

  error(message: string, error?: unknown): void {
    this.channel.error(error === undefined ? message : `${message}: ${describeError(error)}`);
  }

  show(): void {
    this.channel.show(true);
  }
}

/** The message and stack of an error, or its string form for anything else that was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
