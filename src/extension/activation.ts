import * as vscode from 'vscode';

import type { Log } from './log';

/**
 * Runs each feature's start-up and keeps going when one fails. VS Code reports a failed `activate` only in the
 * developer tools, so a failure is logged with its stack and shown to the user once, whatever number of features
 * failed, with a button that opens the log.
 */
export class ActivationGuard {
  private readonly failures: string[] = [];

  constructor(private readonly log: Log) {}

  /** Runs `start`; on a throw, records the failure under `feature` and returns undefined. */
  run<T>(feature: string, start: () => T): T | undefined {
    try {
      return start();
    } catch (error) {
      this.failures.push(feature);
      this.log.error(`Diplomat could not start ${feature}`, error);
      return undefined;
    }
  }

  /** Shows one message naming every feature that failed to start; does nothing when all started. */
  report(): void {
    if (this.failures.length === 0) return;
    const features = this.failures.join(', ');
    const showLog = vscode.l10n.t('Show Log');
    const message = vscode.l10n.t(
      'Diplomat could not start {0}. The rest of the extension works; the log has the details.',
      features,
    );
    void vscode.window.showErrorMessage(message, showLog).then((choice) => {
      if (choice === showLog) this.log.show();
    });
  }
}
