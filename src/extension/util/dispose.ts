import type * as vscode from 'vscode';

/**
 * Base for every object that owns VS Code resources: whatever it `_register`s is disposed with it, once, in
 * reverse order of registration. Registering on an already disposed owner disposes the resource at once.
 */
export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected _register<T extends vscode.Disposable>(resource: T): T {
    if (this.disposed) resource.dispose();
    else this.owned.push(resource);
    return resource;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const resource of this.owned.splice(0).reverse()) resource.dispose();
  }
}
