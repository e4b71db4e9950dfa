// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME, openDatabase } from '../../db/database.ts';
import { OptionsApp } from '../../entrypoints/options/App.tsx';
import { HOVER_DWELL_MS } from '../../lib/constants.ts';
import { categoryOf, type EntityKind } from '../../core/types.ts';
import {
  highlightStyleCss,
  loadSettings,
  parseSettings,
  resetSettings,
  saveSettings,
  SETTINGS_KEY,
  watchSettings,
  type Settings,
} from '../../lib/settings.ts';
import { installBackground, openPages, resetBrowser, seedDatabase } from './helpers.ts';

/** Whether names of this kind end up painted on a page: found (not hidden) and styled (not off). */
function kindPainted(settings: Settings, kind: EntityKind): boolean {
  return !settings.hiddenKinds.includes(kind) && settings.styles[categoryOf(kind)] !== 'off';
}

beforeEach(async () => {
  await seedDatabase();
  installBackground();
  await openPages([], -1);
});
afterEach(() => {
  cleanup();
  resetBrowser();
});

async function renderOptions() {
  render(<OptionsApp />);
  await screen.findByRole('group', { name: 'لغة الواجهة' });
}

describe('options page', () => {
  it('switches the interface language: strings and direction flip, and other pages hear of it', async () => {
    const heard: string[] = [];
    const stop = watchSettings((s) => heard.push(s.lang));
    await renderOptions();
    expect(document.documentElement.dir).toBe('rtl');
    fireEvent.click(screen.getByRole('radio', { name: 'الإنجليزية (English)' }));
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Khabar Lens settings');
    expect(screen.getByRole('group', { name: 'Interface language' })).toBeTruthy();
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect((await loadSettings()).lang).toBe('en');
    expect(heard).toEqual(['en']);
    fireEvent.click(screen.getByRole('radio', { name: 'Arabic (العربية)' }));
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    stop();
  });

  it('stores the kinds to highlight, one kind or a whole category', async () => {
    await renderOptions();
    const village = screen.getByRole('checkbox', { name: 'قرية' });
    expect((village as HTMLInputElement).checked).toBe(true);
    fireEvent.click(village);
    await waitFor(async () => expect((await loadSettings()).hiddenKinds).toEqual(['village']));
    await waitFor(() => expect((village as HTMLInputElement).checked).toBe(false));
    const allGroups = screen.getByRole('checkbox', { name: 'كل فئة «جماعة»' });
    fireEvent.click(allGroups);
    await waitFor(async () => expect((await loadSettings()).hiddenKinds).toContain('militia'));
    const s = await loadSettings();
    expect(kindPainted(s, 'army')).toBe(false);
    expect(kindPainted(s, 'city')).toBe(true);
    expect(kindPainted(s, 'village')).toBe(false);
  });

  it('stores the highlight style per category and the hover delay', async () => {
    await renderOptions();
    const place = screen.getByRole('combobox', { name: 'مكان' });
    fireEvent.change(place, { target: { value: 'underline' } });
    await waitFor(async () => expect((await loadSettings()).styles.place).toBe('underline'));
    const person = screen.getByRole('combobox', { name: 'شخص' });
    fireEvent.change(person, { target: { value: 'off' } });
    await waitFor(async () => expect((await loadSettings()).styles.person).toBe('off'));
    expect(kindPainted(await loadSettings(), 'person')).toBe(false);

    const delay = screen.getByRole('spinbutton', { name: 'مهلة ظهور البطاقة (بالميلي ثانية)' }) as HTMLInputElement;
    expect(delay.value).toBe(String(HOVER_DWELL_MS));
    fireEvent.change(delay, { target: { value: '600' } });
    await waitFor(async () => expect((await loadSettings()).hoverDelayMs).toBe(600));

    fireEvent.click(screen.getByRole('button', { name: 'استعادة الإعدادات الافتراضية' }));
    await waitFor(async () => expect((await loadSettings()).styles.place).toBe('both'));
    await waitFor(() => expect(delay.value).toBe(String(HOVER_DWELL_MS)));
  });

  it('keeps both of two changes made in a row, before the first is stored (regression)', async () => {
    await renderOptions();
    // Two checkboxes, then two selects, each pair without waiting for the first write.
    fireEvent.click(screen.getByRole('checkbox', { name: 'قرية' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'بلدة' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'مكان' }), { target: { value: 'underline' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'جماعة' }), { target: { value: 'off' } });
    await waitFor(async () => expect((await loadSettings()).styles.group).toBe('off'));
    const s = await loadSettings();
    expect([...s.hiddenKinds].sort()).toEqual(['town', 'village']);
    expect(s.styles).toEqual({ place: 'underline', group: 'off', person: 'both', outlet: 'both' });
  });

  it('says so when restoring the defaults fails, and stays usable (regression)', async () => {
    await renderOptions();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('storage unavailable'));
    fireEvent.click(screen.getByRole('button', { name: 'استعادة الإعدادات الافتراضية' }));
    expect((await screen.findByRole('alert')).textContent).toContain('storage unavailable');
    fireEvent.click(screen.getByRole('checkbox', { name: 'قرية' }));
    await waitFor(async () => expect((await loadSettings()).hiddenKinds).toEqual(['village']));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('lists the disabled sites and removes one', async () => {
    const db = openDatabase(DB_NAME);
    await db.sites.bulkPut([
      { host: 'www.aljazeera.net', enabled: false, updatedAt: 1 },
      { host: 'enabled.example.com', enabled: true, updatedAt: 1 },
      { host: 'www.alwatan.sy', enabled: false, updatedAt: 1 },
    ]);
    await renderOptions();
    const list = await waitFor(() => {
      const items = [...document.querySelectorAll<HTMLElement>('.site-list li')];
      if (items.length === 0) throw new Error('no sites yet');
      return items;
    });
    expect(list.map((li) => li.dataset['host'])).toEqual(['www.aljazeera.net', 'www.alwatan.sy']);
    fireEvent.click(screen.getByRole('button', { name: 'إزالة www.aljazeera.net من المواقع المعطّلة' }));
    await waitFor(() => expect(document.querySelectorAll('.site-list li')).toHaveLength(1));
    expect((await db.sites.get('www.aljazeera.net'))?.enabled).toBe(true);
  });

  it('says when no site is disabled', async () => {
    await renderOptions();
    expect(await screen.findByText(/^لا مواقع معطّلة\./)).toBeTruthy();
  });
});

describe('settings storage', () => {
  it('keeps only valid values and fills the rest from the defaults', () => {
    const s = parseSettings({ lang: 'fr', hiddenKinds: ['city', 'nonsense', 3], styles: { place: 'off', group: 'loud' }, hoverDelayMs: 99999 });
    expect(s.lang).toBe('ar');
    expect(s.hiddenKinds).toEqual(['city']);
    expect(s.styles).toEqual({ place: 'off', group: 'both', person: 'both', outlet: 'both' });
    expect(s.hoverDelayMs).toBe(2000);
    expect(parseSettings(undefined).hoverDelayMs).toBe(HOVER_DWELL_MS);
  });

  it('runs writes one after another: concurrent updaters all land (regression)', async () => {
    const hide = (kind: EntityKind) => (s: Settings) => ({ hiddenKinds: [...s.hiddenKinds, kind] });
    const stored = await Promise.all([saveSettings(hide('city')), saveSettings(hide('town')), saveSettings({ hoverDelayMs: 300 })]);
    expect(stored.map((s) => s.hiddenKinds)).toEqual([['city'], ['city', 'town'], ['city', 'town']]);
    const s = await loadSettings();
    expect(s.hiddenKinds).toEqual(['city', 'town']);
    expect(s.hoverDelayMs).toBe(300);
  });

  it('goes on writing after a failed write', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('storage unavailable'));
    await expect(saveSettings({ lang: 'en' })).rejects.toThrow('storage unavailable');
    expect((await saveSettings({ hoverDelayMs: 100 })).hoverDelayMs).toBe(100);
    expect((await resetSettings()).hoverDelayMs).toBe(HOVER_DWELL_MS);
  });

  it('is read from extension storage under one key', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { lang: 'en' } });
    expect((await loadSettings()).lang).toBe('en');
  });

  it('turns styles into ::highlight() rules that override the default painting', () => {
    const css = highlightStyleCss({ place: 'underline', group: 'background', person: 'off', outlet: 'both' }, (c) => `khabar-${c}`);
    expect(css).toContain('::highlight(khabar-place) { background-color: transparent; }');
    expect(css).toContain('::highlight(khabar-group) { text-decoration-line: none; }');
    expect(css).toContain('::highlight(khabar-person) { background-color: transparent; text-decoration-line: none; }');
    expect(css).not.toContain('khabar-outlet');
  });
});
