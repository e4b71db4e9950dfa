/**
 * document.open() (an old-style page rewriting itself after load, `document.write` after the
 * parse) erases every event listener of the document, of its nodes and of its window, the
 * content script's too, and replaces the root element: whoever listens there must listen again.
 * Nothing is dispatched for it, but the document's child list changes: a MutationObserver on the
 * document alone (not its subtree), which costs nothing while the page does not do that.
 */

/**
 * Calls `onReplaced` (after the mutation, as a microtask) whenever the document's root element is
 * another one than it was, until `signal` aborts.
 */
export function watchRootReplaced(doc: Document, onReplaced: () => void, signal: AbortSignal): void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const Observer = win?.MutationObserver ?? globalThis.MutationObserver;
  if (!Observer || signal.aborted) return;
  let root = doc.documentElement;
  const observer = new Observer(() => {
    const now = doc.documentElement;
    if (now === root) return;
    root = now;
    // An empty document (open() before write()) gets its root with the next write: wait for it.
    if (!now) return;
    try {
      onReplaced();
    } catch (error) {
      console.warn('[khabar] re-listening after document.open failed', error);
    }
  });
  observer.observe(doc, { childList: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
