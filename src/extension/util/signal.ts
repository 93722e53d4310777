import * as vscode from 'vscode';

/**
 * An event emitter that knows how many listeners it has, for the services that outlive the features listening to
 * them: tests check that disposing a feature leaves none of its listeners behind.
 */
export class Signal<T> implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<T>();
  private listeners = 0;

  readonly event: vscode.Event<T> = (listener, thisArgs, disposables) => {
    const subscription = this.emitter.event(listener, thisArgs);
    this.listeners++;
    let active = true;
    const counted = new vscode.Disposable(() => {
      if (!active) return;
      active = false;
      this.listeners--;
      subscription.dispose();
    });
    disposables?.push(counted);
    return counted;
  };

  get listenerCount(): number {
    return this.listeners;
  }

  fire(value: T): void {
    this.emitter.fire(value);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
