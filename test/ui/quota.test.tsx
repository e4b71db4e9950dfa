// @vitest-environment happy-dom
/**
 * A full disk, as the reader sees it: an import stopped by the browser's storage quota shows in the
 * popup and the side panel as an alert in words they can act on (not "preparing…" for ever, not a
 * DOMException's text); a settings write or a site switch refused for lack of space says so too.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DataStatus } from '../../components/DataStatus.tsx';
import { closeDatabase, DB_NAME, openDatabase } from '../../db/database.ts';
import { importBundle, QUOTA_MESSAGE } from '../../db/import.ts';
import { OptionsApp } from '../../entrypoints/options/App.tsx';
import { PopupApp } from '../../entrypoints/popup/App.tsx';
import { SidePanelApp } from '../../entrypoints/sidepanel/App.tsx';
import { errorText, isQuotaFailure } from '../../lib/errors.ts';
import { t } from '../../lib/i18n.ts';
import { corpusBundle, installBackground, openPages, resetBrowser, seedDatabase } from './helpers.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const PAGE = { tabId: 1, url: 'https://news.example.com/a', title: 'خبر', names: { 'place:albukamal': 1 } };

afterEach(() => {
  cleanup();
  resetBrowser();
});

describe('DataStatus', () => {
  it('says that storage is full, in the reader’s language, not the error’s text', () => {
    const status = { state: 'error' as const, progress: 0.4, error: QUOTA_MESSAGE, errorKind: 'quota' as const };
    const { unmount } = render(<DataStatus status={status} lang="ar" />);
    expect(screen.getByRole('alert').textContent).toBe(t('dataErrorQuota', 'ar'));
    unmount();
    render(<DataStatus status={status} lang="en" />);
    expect(screen.getByRole('alert').textContent).toBe(t('dataErrorQuota', 'en'));
    expect(screen.getByRole('alert').textContent).toMatch(/storage space/);
  });

  it('shows any other failure with its message', () => {
    render(<DataStatus status={{ state: 'error', progress: 0, error: 'bundle.json: missing version' }} lang="en" />);
    expect(screen.getByRole('alert').textContent).toContain('bundle.json: missing version');
  });
});

describe('an import stopped by the quota', () => {
  beforeEach(async () => {
    closeDatabase(DB_NAME);
    await Dexie.delete(DB_NAME);
    const db = openDatabase(DB_NAME);
    const proto = Object.getPrototypeOf(db.table('articles')) as { bulkPut: (...args: unknown[]) => Promise<unknown> };
    const bulkPut = proto.bulkPut;
    const spy = vi.spyOn(proto, 'bulkPut').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
      return this.name === 'articles' ? Promise.reject(quota()) : bulkPut.apply(this, args);
    });
    await expect(importBundle(db, corpusBundle())).rejects.toThrow(QUOTA_MESSAGE);
    spy.mockRestore();
    installBackground();
    // The background would try again on getStatus after a while: not during this test.
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in tests'));
    await openPages([PAGE], 1);
  });

  it.each([
    ['popup', () => <PopupApp />],
    ['side panel', () => <SidePanelApp />],
  ])('is shown in the %s as an alert', async (_where, app) => {
    render(app());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(t('dataErrorQuota', 'ar'));
  });
});

describe('a write refused for lack of space', () => {
  beforeEach(async () => {
    await seedDatabase();
    installBackground();
  });

  it('in the options page: the setting is not saved, and the reader is told why', async () => {
    await openPages([], -1);
    render(<OptionsApp />);
    await screen.findByRole('group', { name: 'لغة الواجهة' });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'قرية' }));
    expect((await screen.findByRole('alert')).textContent).toBe(t('storageFull', 'ar'));
  });

  it('in the popup’s site switch (the background’s write into IndexedDB)', async () => {
    await openPages([PAGE], 1);
    render(<PopupApp />);
    const toggle = await screen.findByRole('switch', { name: 'إبراز الأسماء على news.example.com' });
    const sites = openDatabase(DB_NAME).sites;
    vi.spyOn(Object.getPrototypeOf(sites) as { put: () => Promise<unknown> }, 'put').mockRejectedValue(quota());
    fireEvent.click(toggle);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(t('storageFull', 'ar')));
    expect(await openDatabase(DB_NAME).sites.get('news.example.com')).toBeUndefined();
  });

  it('errorText tells quota errors from others', () => {
    expect(isQuotaFailure(quota())).toBe(true);
    expect(isQuotaFailure(new Error('QuotaExceededError: full'))).toBe(true);
    expect(isQuotaFailure(new Error('Resource::kQuotaBytes quota exceeded'))).toBe(true);
    expect(errorText(new Error('network down'), 'en')).toBe('network down');
    expect(errorText(quota(), 'en')).toBe(t('storageFull', 'en'));
  });
});
