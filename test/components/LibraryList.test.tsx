// @vitest-environment happy-dom
/**
 * The library page's list (entrypoints/library/LibraryList.tsx) over a real (fake-indexeddb)
 * database: the reader's articles newest first with outlet, origin and names; the search; delete
 * and its undo bar bringing the article back.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryDocument } from '../../core/library/document.ts';
import type { LibraryInput } from '../../core/library/input.ts';
import { loadMatcher } from '../../core/match/automaton.ts';
import { DB_NAME, openDatabase } from '../../db/database.ts';
import { addToLibrary, libraryRows } from '../../db/library.ts';
import { matcherPayload } from '../../db/queries.ts';
import { LibraryList } from '../../entrypoints/library/LibraryList.tsx';
import { gazetteer } from '../../lib/ui-data.ts';
import { seedDatabase } from '../ui/helpers.ts';

const input = (title: string, outlet: string, date: string, text: string): LibraryInput => ({
  title, outlet, date, dateEstimated: false, language: 'ar', text, origin: 'imported',
});

beforeEach(async () => {
  await seedDatabase();
  const db = openDatabase(DB_NAME);
  const m = loadMatcher((await matcherPayload(db))!.matcher);
  await addToLibrary(
    db,
    [
      input('معارك قرب الميادين', 'صحيفة الفرات', '2017-10-30', 'اشتباكات عنيفة قرب مدينة الميادين في ريف دير الزور.'),
      input('تقرير عن القائم', 'مرصد الحدود', '2017-11-04', 'أحكمت القوات العراقية سيطرتها على مدينة القائم الحدودية.'),
    ].map((i) => libraryDocument(i, m)),
    { origin: 'imported', importId: 'imp', now: 5 },
  );
});
afterEach(cleanup);

async function show() {
  const gaz = await gazetteer(openDatabase(DB_NAME));
  render(<LibraryList lang="ar" gazetteer={gaz} onOpen={() => undefined} />);
  await waitFor(() => expect(screen.getByTestId('library-rows').querySelectorAll(':scope > li')).toHaveLength(2));
  return () => [...screen.getByTestId('library-rows').querySelectorAll(':scope > li h3')].map((h) => h.textContent);
}

describe('LibraryList', () => {
  it('lists the articles newest first, with outlet, origin and names found', async () => {
    const headlines = await show();
    expect(headlines()).toEqual(['تقرير عن القائم', 'معارك قرب الميادين']);
    const row = screen.getByTestId('library-rows').querySelector('li:last-child') as HTMLElement;
    expect(row.textContent).toContain('صحيفة الفرات');
    expect(row.textContent).toContain('مستوردة');
    expect(within(row).getByTestId('row-names').textContent).toContain('الميادين');
  });

  it('searches with Arabic normalised and says when nothing matches', async () => {
    const headlines = await show();
    fireEvent.input(screen.getByLabelText('ابحث في العناوين والمصادر والأسماء والنصوص'), { target: { value: 'القائِم' } });
    await waitFor(() => expect(headlines()).toEqual(['تقرير عن القائم']));
    fireEvent.input(screen.getByLabelText('ابحث في العناوين والمصادر والأسماء والنصوص'), { target: { value: 'الموصل' } });
    await waitFor(() => expect(screen.getByText('لا مقالات تطابق البحث.')).toBeTruthy());
  });

  it('deletes an article and the undo bar brings it back', async () => {
    const headlines = await show();
    fireEvent.click(screen.getByRole('button', { name: 'احذف «معارك قرب الميادين»' }));
    await waitFor(() => expect(headlines()).toEqual(['تقرير عن القائم']));
    expect((await libraryRows(openDatabase(DB_NAME))).map((r) => r.headline)).toEqual(['تقرير عن القائم']);
    const bar = screen.getByTestId('undo-bar');
    expect(bar.textContent).toContain('حُذف «معارك قرب الميادين».');
    fireEvent.click(within(bar).getByRole('button', { name: 'تراجع' }));
    await waitFor(() => expect(headlines()).toEqual(['تقرير عن القائم', 'معارك قرب الميادين']));
    expect(screen.queryByTestId('undo-bar')).toBeNull();
  });
});
