// @vitest-environment happy-dom
/**
 * The side panel's reader view on its own, over the corpus in a fake IndexedDB, with the card's
 * positioning made to fail.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReaderView } from '../../components/ReaderView.tsx';
import { corpusBundle, resetBrowser, seedDatabase } from '../ui/helpers.ts';

vi.mock('../../components/card-placement.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../components/card-placement.ts')>()),
  placeBoundedCard: vi.fn(() => {
    throw new Error('no layout');
  }),
}));

beforeEach(seedDatabase);
afterEach(() => {
  cleanup();
  resetBrowser();
});

describe('ReaderView', () => {
  it('keeps the card open and usable when placing it fails (regression)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const article = corpusBundle().articles[0]!;
    render(<ReaderView articleId={article.id} lang="ar" gazetteer={undefined} hoverDelayMs={0} onBack={() => {}} />);
    const name = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.reader-text .name');
      if (!el) throw new Error('no reader yet');
      return el;
    });
    name.focus();
    fireEvent.focus(name);
    const card = await screen.findByRole('dialog');
    // The failure is logged, not left unhandled (Vitest fails a run on an unhandled rejection).
    await waitFor(() => expect(warn).toHaveBeenCalledWith('[khabar] card positioning failed', expect.any(Error)));
    expect(card.isConnected).toBe(true);
    // Still usable: its close button closes it.
    fireEvent.click(await screen.findByRole('button', { name: 'إغلاق' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
