// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanelApp } from '../../entrypoints/sidepanel/App.tsx';
import { relatedSources, sources, uiDatabase } from '../../lib/ui-data.ts';
import { saveSettings } from '../../lib/settings.ts';
import { corpusBundle, installBackground, openPages, resetBrowser, seedDatabase } from './helpers.ts';

/** A page about al-Qaim and Rawa (Iraqi side), and one naming nothing from the gazetteer. */
const IRAQ_PAGE = {
  tabId: 1,
  url: 'https://iraq.example.com/alqaim',
  title: 'عمليات القائم وراوة',
  names: { 'place:al-qaim': 5, 'place:rawa': 3, 'group:pmf': 2 },
};
const OTHER_PAGE = { tabId: 2, url: 'https://sport.example.com/', title: 'كرة القدم', names: {} };

async function listed(): Promise<HTMLElement[]> {
  return waitFor(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('.sources > li')];
    if (rows.length === 0) throw new Error('no sources yet');
    return rows;
  });
}

const count = () => screen.getByTestId('source-count').textContent;

beforeEach(async () => {
  await seedDatabase();
  installBackground();
  await openPages([IRAQ_PAGE, OTHER_PAGE], 1);
});
afterEach(() => {
  cleanup();
  resetBrowser();
});

describe('side panel source list', () => {
  it('lists all five sources, newest first, with outlet, date, headline and number of names', async () => {
    render(<SidePanelApp />);
    const rows = await listed();
    const bundle = corpusBundle();
    expect(rows).toHaveLength(5);
    expect(count()).toBe('المصادر المعروضة: 5 من 5');
    const dates = rows.map((r) => r.querySelector('time')!.getAttribute('datetime')!);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const row of rows) {
      const id = row.dataset['articleRow']!;
      const article = bundle.articles.find((a) => a.id === id)!;
      expect(within(row).getByRole('button', { name: article.headline })).toBeTruthy();
      expect(row.textContent).toContain(article.outlet);
      expect(row.textContent).toMatch(/الأسماء: \d+/);
      expect(row.textContent!.includes('(تاريخ تقديري)')).toBe(article.dateEstimated);
    }
    // The number of names is the distinct entities the article mentions.
    const rowsData = await sources(uiDatabase());
    const first = rows[0]!;
    const data = rowsData.find((r) => r.article.id === first.dataset['articleRow'])!;
    expect(first.textContent).toContain(`الأسماء: ${data.names.length}`);
  });

  it('narrows to one outlet with an outlet chip, and back', async () => {
    render(<SidePanelApp />);
    await listed();
    const chip = screen.getByRole('button', { name: 'رويترز' });
    expect(chip.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(chip);
    await waitFor(() => expect(document.querySelectorAll('.sources > li')).toHaveLength(1));
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('.sources > li')!.textContent).toContain('رويترز');
    expect(count()).toBe('المصادر المعروضة: 1 من 5');
    fireEvent.click(chip);
    await waitFor(() => expect(document.querySelectorAll('.sources > li')).toHaveLength(5));
  });

  it('narrows to the sources naming an entity with an entity chip', async () => {
    render(<SidePanelApp />);
    await listed();
    const rows = await sources(uiDatabase());
    // Entity chips: the open page's names first, then corpus names that not every source mentions.
    const chips = await waitFor(() => {
      const c = [...document.querySelectorAll<HTMLButtonElement>('.chip[data-entity]')];
      if (c.length === 0) throw new Error('no entity chips yet');
      return c;
    });
    expect(chips[0]!.dataset['entity']).toBe('place:al-qaim');
    const namedBy = (id: string) => rows.filter((r) => (r.counts[id] ?? 0) > 0).map((r) => r.article.id);
    const chip = chips.find((c) => namedBy(c.dataset['entity']!).length < 5)!;
    const expected = namedBy(chip.dataset['entity']!);
    expect(expected.length).toBeGreaterThan(0);
    fireEvent.click(chip);
    await waitFor(() =>
      expect([...document.querySelectorAll<HTMLElement>('.sources > li')].map((li) => li.dataset['articleRow'])).toEqual(expected),
    );
    fireEvent.click(screen.getByRole('button', { name: 'مسح التصفية' }));
    await waitFor(() => expect(document.querySelectorAll('.sources > li')).toHaveLength(5));
  });

  it('shows only the sources related to the open page, ranked by shared names, and follows a tab change', async () => {
    render(<SidePanelApp />);
    await listed();
    await waitFor(() => expect(screen.getByTestId('current-page').textContent).toContain('عمليات القائم وراوة'));
    fireEvent.click(screen.getByRole('switch', { name: 'ذات صلة بالصفحة المفتوحة' }));
    const ranked = relatedSources(IRAQ_PAGE.names, await sources(uiDatabase()));
    expect(ranked.length).toBeGreaterThan(0);
    // The related list, each row saying what it shares (the order alone can be the full list's, when
    // every source is related: the rows' shared names show that the switch has taken effect).
    await waitFor(() => {
      expect([...document.querySelectorAll<HTMLElement>('.sources > li')].map((li) => li.dataset['articleRow'])).toEqual(
        ranked.map((r) => r.articleId),
      );
      expect(document.querySelector('.sources > li .shared')?.textContent).toMatch(/^مشترك مع الصفحة: /);
    });

    // The reader switches to a tab that names nothing: no related sources.
    await fakeBrowser.tabs.update(2, { active: true });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 2, windowId: (await fakeBrowser.tabs.get(2))!.windowId });
    await waitFor(() => expect(screen.getByTestId('current-page').textContent).toContain('كرة القدم'));
    await waitFor(() => expect(document.querySelectorAll('.sources > li')).toHaveLength(0));
    expect(screen.getByText('لا يشارك أي مصدر هذه الصفحةَ أسماءها.')).toBeTruthy();

    // And back.
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 1, windowId: (await fakeBrowser.tabs.get(1))!.windowId });
    await waitFor(() => expect(document.querySelectorAll('.sources > li')).toHaveLength(ranked.length));
  });

  it('updates when the open page reports new names', async () => {
    render(<SidePanelApp />);
    await listed();
    fireEvent.click(screen.getByRole('switch', { name: 'ذات صلة بالصفحة المفتوحة' }));
    await waitFor(() => expect(document.querySelectorAll('.sources > li').length).toBeGreaterThan(0));
    await fakeBrowser.storage.session.set({ 'names:1:0': {} });
    await fakeBrowser.storage.session.remove('names:1:0');
    await waitFor(() => expect(document.querySelectorAll('.sources > li')).toHaveLength(0));
  });
});

describe('side panel reader view', () => {
  it('shows the article as text with its names highlighted, and the card on focus and hover', async () => {
    render(<SidePanelApp />);
    const rows = await listed();
    const id = rows[0]!.dataset['articleRow']!;
    fireEvent.click(within(rows[0]!).getByRole('button'));
    const article = corpusBundle().articles.find((a) => a.id === id)!;
    const text = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.reader-text');
      if (!el) throw new Error('no reader yet');
      return el;
    });
    expect(screen.getByRole('heading', { level: 2, name: article.headline })).toBeTruthy();
    // Exactly the article's text, as text.
    expect(text.textContent).toBe(article.text);
    const names = [...text.querySelectorAll<HTMLElement>('.name')];
    expect(names.length).toBeGreaterThan(10);
    for (const n of names.slice(0, 10)) {
      expect(n.tabIndex).toBe(0);
      expect(n.dataset['entity']).toMatch(/^[a-z]+:/);
      expect(n.children).toHaveLength(0);
    }
    const mentions = corpusBundle().articleMentions.find((m) => m.articleId === id)!.mentions;
    const first = mentions.filter((m) => m.confidence >= 0.5).sort((a, b) => a.start - b.start)[0]!;
    expect(names[0]!.textContent).toBe(article.text.slice(first.start, first.end));

    // Focus opens the card at once.
    names[0]!.focus();
    fireEvent.focus(names[0]!);
    const card = await screen.findByRole('dialog');
    expect(card.classList.contains('khabar-card')).toBe(true);
    expect(card.getAttribute('data-category')).toBeTruthy();
    // Escape closes it and keeps the focus on the name.
    fireEvent.keyDown(names[0]!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // Hover opens it after the hover delay.
    await saveSettings({ hoverDelayMs: 0 });
    fireEvent.mouseEnter(names[1]!);
    await waitFor(() => expect(screen.getByRole('dialog')).toBeTruthy());

    fireEvent.click(screen.getByRole('button', { name: 'العودة إلى المصادر' }));
    await listed();
  });

  it('never shows the previous name’s card while the next one loads (regression)', async () => {
    await saveSettings({ hoverDelayMs: 0 });
    render(<SidePanelApp />);
    const rows = await listed();
    fireEvent.click(within(rows[0]!).getByRole('button'));
    const names = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('.reader-text .name')];
      if (found.length === 0) throw new Error('no reader yet');
      return found;
    });
    const first = names[0]!;
    const second = names.find((n) => n.dataset['entity'] !== first.dataset['entity'])!;
    const nameOf = (el: HTMLElement) => corpusBundle().entities.find((e) => e.id === el.dataset['entity'])!.name;

    fireEvent.mouseEnter(first);
    await screen.findByRole('dialog', { name: nameOf(first) });
    // Still open: the pointer moves straight to another name.
    fireEvent.mouseEnter(second);
    // Right after the switch, before the second card's data arrives: not the first card.
    expect(screen.queryByRole('dialog', { name: nameOf(first) })).toBeNull();
    expect(await screen.findByRole('dialog', { name: nameOf(second) })).toBeTruthy();
  });
});

describe('side panel language', () => {
  it('switches to English, left to right, when the setting changes', async () => {
    render(<SidePanelApp />);
    await listed();
    expect(document.documentElement.dir).toBe('rtl');
    await saveSettings({ lang: 'en' });
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
    expect(count()).toBe('Showing 5 of 5 sources');
    expect(screen.getByRole('button', { name: 'Reuters' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Related to the open page' })).toBeTruthy();
    expect(document.title).toBe('Coverage sources');
  });
});
