import * as vscode from 'vscode';

import { ActivationGuard } from './activation';
import { AnalysisCache } from './analysisCache';
import type { AnnotationsApi } from './annotate';
import { Annotations } from './annotate';
import { AnalysisHovers } from './highlight/hovers';
import type { PaintEvent } from './highlight/highlighter';
import { Highlighter } from './highlight/highlighter';
import { STATEMENT_LANGUAGE, StatementLanguage } from './language/statementLanguage';
import { Log } from './log';
import type { Platform } from './platform';
import { RegistryService } from './views/registryService';
import { Sidebar } from './views/sidebar';

/**
 * Diagnostics switch: when set in the extension host's environment, start-up fails on purpose so that the
 * failure path (one message, details in the log) can be seen and tested in a real VS Code.
 */
const SIMULATE_FAILURE = 'DIPLOMAT_SIMULATE_ACTIVATION_FAILURE';

/** The extension's API, returned from `activate` (read by `vscode.extensions.getExtension(...).exports`). */
export interface DiplomatApi {
  readonly annotations: AnnotationsApi | undefined;
  /** Fires after the analysis-driven decorations of an editor were set. */
  readonly onDidHighlight: vscode.Event<PaintEvent> | undefined;
  /** The sidebar's views and index (undefined if it failed to start). */
  readonly sidebar: Sidebar | undefined;
  /** Disposes the sidebar and starts a new one (tests use it to check that disposal leaves no listener behind). */
  restartSidebar(): Sidebar | undefined;
  stopSidebar(): void;
  /** Listeners on the services the features share. */
  listenerCounts(): Record<'analyses' | 'registry' | 'annotations', number>;
}

/**
 * Starts every feature; shared by the Node entry (`extension.ts`) and the web-worker entry (`browser.ts`), which
 * differ only in the `platform` they pass.
 */
export function activateDiplomat(context: vscode.ExtensionContext, platform: Platform): DiplomatApi {
  const log = new Log();
  context.subscriptions.push(log);
  context.subscriptions.push(vscode.commands.registerCommand('diplomat.showLog', () => log.show()));
  const guard = new ActivationGuard(log);
  guard.run('the statement language', () => context.subscriptions.push(new StatementLanguage(log, context.extensionUri)));
  const registry = new RegistryService(log, platform);
  const analyses = new AnalysisCache(registry);
  context.subscriptions.push(registry, analyses);
  const highlighter = guard.run('highlighting', () => {
    const feature = new Highlighter(analyses);
    context.subscriptions.push(feature, vscode.languages.registerHoverProvider({ language: STATEMENT_LANGUAGE }, new AnalysisHovers(analyses)));
    return feature;
  });
  const annotations = guard.run('annotations', () => {
    const feature = new Annotations(context, log, platform);
    context.subscriptions.push(feature);
    return feature;
  });
  const startSidebar = () =>
    guard.run('the sidebar', () => {
      if (platform.env(SIMULATE_FAILURE)) throw new Error(`start-up failure simulated by ${SIMULATE_FAILURE}`);
      return new Sidebar(analyses, registry, annotations?.store, log);
    });
  let sidebar = startSidebar();
  context.subscriptions.push({ dispose: () => sidebar?.dispose() });
  log.info(`Diplomat ${String(context.extension.packageJSON.version)} started in VS Code ${vscode.version}`);
  guard.report();
  return {
    annotations,
    onDidHighlight: highlighter?.onDidPaint,
    get sidebar() {
      return sidebar;
    },
    restartSidebar: () => {
      sidebar?.dispose();
      sidebar = startSidebar();
      return sidebar;
    },
    stopSidebar: () => {
      sidebar?.dispose();
      sidebar = undefined;
    },
    listenerCounts: () => ({
      analyses: analyses.changed.listenerCount,
      registry: registry.changed.listenerCount,
      annotations: annotations?.store.changed.listenerCount ?? 0,
    }),
  };
}
