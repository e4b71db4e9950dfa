// @vitest-environment happy-dom
/**
 * document.open() erases the page's listeners, ours too, and replaces the root element: the
 * watcher must say so (and only then), so that hover and keyboard listen again.
 */
import { describe, expect, it, vi } from 'vitest';
import { watchRootReplaced } from '../../page/document-watch.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('watchRootReplaced', () => {
  it('calls back once the root element is replaced, not while it is missing, not for other changes', async () => {
    const onReplaced = vi.fn();
    const abort = new AbortController();
    watchRootReplaced(document, onReplaced, abort.signal);
    document.body.append(document.createElement('p'));
    await settle();
    expect(onReplaced).not.toHaveBeenCalled();
    // What document.open() then write() do: the root goes, another comes.
    const old = document.documentElement;
    old.remove();
    await settle();
    expect(onReplaced).not.toHaveBeenCalled();
    const next = document.createElement('html');
    next.append(document.createElement('body'));
    document.append(next);
    await settle();
    expect(onReplaced).toHaveBeenCalledTimes(1);
    abort.abort();
    next.remove();
    document.append(old);
    await settle();
    expect(onReplaced).toHaveBeenCalledTimes(1);
  });
});
