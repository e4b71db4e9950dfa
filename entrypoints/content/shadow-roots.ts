/**
 * The open shadow roots the scanner met, for the hover's caret look-ups (caretPositionFromPoint
 * sees into the roots it is given). Roots whose host has left the document are dropped whenever
 * the list is read or added to: a page that keeps replacing its widgets would otherwise grow the
 * list, and every look-up pass all of it.
 */
export class ShadowRootList {
  private readonly roots = new Set<ShadowRoot>();
  private list: ShadowRoot[] = [];

  add(root: ShadowRoot): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    this.prune();
    this.list = [...this.roots];
  }

  /** The roots still in the document. */
  live(): readonly ShadowRoot[] {
    if (this.prune()) this.list = [...this.roots];
    return this.list;
  }

  clear(): void {
    this.roots.clear();
    this.list = [];
  }

  /** Drops the disconnected roots; whether any were. */
  private prune(): boolean {
    let dropped = false;
    for (const root of this.roots) {
      if (!root.host.isConnected) {
        this.roots.delete(root);
        dropped = true;
      }
    }
    return dropped;
  }
}
