// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME, openDatabase } from '../../db/database.ts';
import { entityRow } from '../../db/queries.ts';
import { coverageOf } from '../../db/rows.ts';
import { PopupApp } from '../../entrypoints/popup/App.tsx';
import { saveSettings } from '../../lib/settings.ts';
import { corpusBundle, installBackground, openPages, resetBrowser, seedDatabase, tabMessages } from './helpers.ts';

const PAGE = {
  tabId: 1,
  url: 'https://news.example.com/2017/albukamal',
  title: 'معركة البوكمال',
  names: { 'place:albukamal': 4, 'place:al-qaim': 2, 'group:isis': 7 },
};

async function renderPopup() {
  render(<PopupApp />);
  return screen.findByRole('combobox');
}

async function type(input: HTMLElement, text: string) {
  fireEvent.input(input, { target: { value: text } });
  return screen.findAllByRole('option');
}

beforeEach(async () => {
  await seedDatabase();
  installBackground();
  await openPages([PAGE], 1);
});
afterEach(() => {
  cleanup();
  resetBrowser();
});

describe('popup search', () => {
  it.each(['البوكمال', 'bukamal', 'Abu Kamal', 'وبالبوكمال', 'البوكمل'])('"%s" shows al-Bukamal first', async (q) => {
    const input = await renderPopup();
    await waitFor(() => expect(document.querySelector('[role=status]')?.textContent ?? '').not.toMatch(/تجهيز/));
    const options = await type(input, q);
    expect(options[0]!.textContent).toContain('البوكمال');
    expect(options[0]!.textContent).toContain('al-Bukamal');
  });

  it('shows kind, Arabic and English name and the coverage count of each result', async () => {
    const input = await renderPopup();
    const [first] = await type(input, 'bukamal');
    expect(first!).toHaveProperty('textContent');
    const text = first!.textContent ?? '';
    expect(text).toContain('مدينة'); // kind: city
    expect(text).toContain('al-Bukamal');
    expect(text).toMatch(/\d+ إشارة/);
    const mentions = Number(/(\d+) إشارة/.exec(text)![1]);
    const row = await entityRow(openDatabase(DB_NAME), 'place:albukamal');
    expect(mentions).toBe(coverageOf(row!)!.mentions);
  });

  it('finds English names and transliterations (Deir ez-Zor, ISIS)', async () => {
    const input = await renderPopup();
    expect((await type(input, 'Deir ez-Zor'))[0]!.textContent).toContain('دير الزور');
    expect((await type(input, 'ISIS'))[0]!.textContent).toContain('داعش');
  });

  it('says so when nothing matches', async () => {
    const input = await renderPopup();
    await screen.findByRole('heading', { name: 'في هذه الصفحة' });
    fireEvent.input(input, { target: { value: 'طوكيو' } });
    expect(await screen.findByText('لا نتائج لـ «طوكيو».', { selector: 'p.muted' })).toBeTruthy();
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });

  it('moves with the arrow keys and opens the chosen result’s card with Enter', async () => {
    const input = await renderPopup();
    const options = await type(input, 'القائم');
    expect(options.length).toBeGreaterThan(1);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    await waitFor(() => expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true'));
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]!.id);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    await waitFor(() => expect(screen.getAllByRole('option')[0]!.getAttribute('aria-selected')).toBe('true'));
    const firstName = screen.getAllByRole('option')[0]!.querySelector('.result-name')!.textContent!;
    fireEvent.keyDown(input, { key: 'Enter' });
    const card = await screen.findByRole('region', { name: firstName });
    expect(card.classList.contains('khabar-card')).toBe(true);
  });

  it('opens the shared entity card on click, with its coverage, and goes back to the results', async () => {
    const input = await renderPopup();
    const [first] = await type(input, 'bukamal');
    fireEvent.click(first!);
    const card = await screen.findByRole('region', { name: 'البوكمال' });
    expect(within(card).getByText('al-Bukamal')).toBeTruthy();
    await waitFor(() => expect(within(card).getByText(/يرد في \d+ مصادر/)).toBeTruthy());
    expect(card.querySelectorAll('.kc-article').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'رجوع' }));
    const again = await screen.findByRole('combobox');
    expect((again as HTMLInputElement).value).toBe('bukamal');
    expect(await screen.findAllByRole('option')).not.toHaveLength(0);
  });
});

describe('popup: the active tab', () => {
  it('lists the names found on the page, most mentioned first, with their counts', async () => {
    await renderPopup();
    const heading = await screen.findByRole('heading', { name: 'في هذه الصفحة' });
    const section = heading.closest('section')!;
    await waitFor(() => expect(section.querySelectorAll('.page-name')).toHaveLength(3));
    const rows = [...section.querySelectorAll('.page-name')].map((b) => b.textContent ?? '');
    expect(rows[0]).toContain('داعش');
    expect(rows[0]).toContain('7 إشارات');
    expect(rows[1]).toContain('البوكمال');
    expect(rows[1]).toContain('4 إشارات');
    expect(rows[2]).toContain('القائم');
  });

  it('asks the tab to scroll to a name’s first mention when it is clicked', async () => {
    await renderPopup();
    const button = await waitFor(() => {
      const b = document.querySelector<HTMLButtonElement>('.page-name[data-entity="place:albukamal"]');
      if (!b) throw new Error('not yet');
      return b;
    });
    fireEvent.click(button);
    await waitFor(() => expect(tabMessages.some((m) => m.message.type === 'reveal')).toBe(true));
    expect(tabMessages.find((m) => m.message.type === 'reveal')).toEqual({
      tabId: 1,
      message: { type: 'reveal', entityId: 'place:albukamal' },
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('switches the extension off for the tab’s site and on again', async () => {
    await renderPopup();
    const toggle = await screen.findByRole('switch', { name: 'إبراز الأسماء على news.example.com' });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(async () => expect((await openDatabase(DB_NAME).sites.get('news.example.com'))?.enabled).toBe(false));
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(false));
    fireEvent.click(toggle);
    await waitFor(async () => expect((await openDatabase(DB_NAME).sites.get('news.example.com'))?.enabled).toBe(true));
  });

  it('says the extension does not run on a page without a content script', async () => {
    cleanup();
    resetBrowser();
    installBackground();
    await openPages([], -1);
    await fakeBrowser.tabs.create({ active: true });
    render(<PopupApp />);
    expect(await screen.findByText('لا تعمل الإضافة في هذه الصفحة.')).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('has a button that opens the side panel (Chrome) or sidebar (Firefox)', async () => {
    const opened: unknown[] = [];
    (fakeBrowser as unknown as { sidePanel: { open: (o: unknown) => Promise<void> } }).sidePanel.open = async (o) => {
      opened.push(o);
    };
    await renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'افتح قائمة المصادر' }));
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(opened[0]).toHaveProperty('windowId');
  });
});

describe('popup language', () => {
  it('is Arabic and right-to-left by default, English and left-to-right when switched', async () => {
    await renderPopup();
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
    expect(screen.getByLabelText('ابحث عن مكان أو جماعة')).toBeTruthy();
    await saveSettings({ lang: 'en' });
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Khabar Lens');
    expect(screen.getByLabelText('Search for a place or group')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'On this page' })).toBeTruthy();
    const [first] = await type(screen.getByRole('combobox'), 'bukamal');
    expect(first!.textContent).toContain('City');
    expect(first!.textContent).toMatch(/\d+ mentions/);
  });
});

describe('popup: what the names list tells the reader (issue 12)', () => {
  it('says the site is switched off, not that the page has no names', async () => {
    await renderPopup();
    const toggle = await screen.findByRole('switch');
    await waitFor(() => expect(document.querySelectorAll('.page-name').length).toBe(3));
    fireEvent.click(toggle);
    await waitFor(() => expect(screen.getByText('الإضافة متوقفة على هذا الموقع: لا تُبرز الأسماء هنا.')).toBeTruthy());
    expect(screen.queryByText('لم يُعثر على أسماء في هذه الصفحة.')).toBeNull();
    expect(document.querySelectorAll('.page-name')).toHaveLength(0);
  });

  it('gives the total and a scroll cue when the list is longer than it shows', async () => {
    cleanup();
    resetBrowser();
    installBackground();
    const ids = corpusBundle().entities.slice(0, 13).map((e) => e.id);
    await openPages([{ ...PAGE, names: Object.fromEntries(ids.map((id, i) => [id, i + 1])) }], 1);
    await renderPopup();
    await waitFor(() => expect(document.querySelectorAll('.page-name')).toHaveLength(13));
    expect(screen.getByText('13 اسماً')).toBeTruthy();
    expect(screen.getByText('مرّر القائمة لرؤية المزيد.')).toBeTruthy();
    expect(document.querySelector('.page-names')!.classList.contains('page-names-more')).toBe(true);
  });

  it('writes counts on the page and in the sources the same way, with the right plural form', async () => {
    const input = await renderPopup();
    await waitFor(() => expect(document.querySelectorAll('.page-name')).toHaveLength(3));
    const pageCounts = [...document.querySelectorAll('.page-name .count')].map((c) => c.textContent);
    expect(pageCounts).toEqual(['7 إشارات', '4 إشارات', 'إشارتان']);
    const [first] = await type(input, 'bukamal');
    expect(first!.querySelector('.count')!.textContent).toMatch(/^\d+ إشارة$|^\d+ إشارات$/);
    expect(screen.getByText('3 أسماء')).toBeTruthy();
  });
});
