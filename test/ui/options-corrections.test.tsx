// @vitest-environment happy-dom
/**
 * The options page's list of the reader's corrections (entrypoints/options/Corrections.tsx): what
 * is stored is listed (newest first, word, entity, where), a change made elsewhere (a card on a
 * page) shows up live, and removing one removes it from storage (and so from every open page).
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../entrypoints/options/App.tsx';
import type { Correction } from '../../lib/corrections.ts';
import { addCorrection, loadCorrections } from '../../lib/corrections-store.ts';
import { installBackground, openPages, resetBrowser, seedDatabase } from './helpers.ts';

const qaim = (host: string | null, at: number): Correction => ({
  surface: 'القايم',
  entityId: 'place:al-qaim',
  host,
  text: 'القائم',
  entityName: 'القائم',
  at,
});

beforeEach(async () => {
  await seedDatabase();
  installBackground();
  await openPages([], -1);
});
afterEach(() => {
  cleanup();
  resetBrowser();
});

async function list() {
  render(<OptionsApp />);
  return screen.findByRole('group', { name: 'كلمات طلبتَ عدم إبرازها' });
}

describe('the corrections in the options page', () => {
  it('says there are none, then shows one made elsewhere, live', async () => {
    const group = await list();
    await within(group).findByText(/لا شيء بعد/);
    await addCorrection(qaim('sport.example', 1));
    const item = await within(group).findByText('«القائم» ليست القائم');
    expect(item.closest('li')!.textContent).toContain('على sport.example');
  });

  it('lists newest first with their scope, and removes one (storage and list)', async () => {
    await addCorrection(qaim('sport.example', 1));
    await addCorrection(qaim(null, 2));
    const group = await list();
    await waitFor(() => expect(within(group).getAllByRole('listitem')).toHaveLength(2));
    expect(within(group).getAllByRole('listitem').map((li) => li.getAttribute('data-host'))).toEqual(['', 'sport.example']);
    fireEvent.click(within(group).getByRole('button', { name: 'إلغاء التصحيح: «القائم» على sport.example' }));
    await waitFor(() => expect(within(group).getAllByRole('listitem')).toHaveLength(1));
    expect((await loadCorrections()).map((c) => c.host)).toEqual([null]);
    expect(within(group).getByText('في كل المواقع')).toBeTruthy();
  });
});
