/**
 * The page snapshot (entrypoints/background/page-snapshot.ts writes it, the content script's
 * startup.ts reads it): kept in step with its sources, written only when they changed, removed
 * when it cannot be written, and read defensively (a content script may have overwritten it).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SerializedMatcher } from '../../core/match/automaton.ts';
import { refreshPageSnapshot, type SnapshotSources } from '../../entrypoints/background/page-snapshot.ts';
import { readStartup } from '../../entrypoints/content/startup.ts';
import { hostKey, SNAPSHOT_DISABLED_HOSTS_KEY, SNAPSHOT_MATCHER_KEY, SNAPSHOT_MATCHER_MAX_CHARS } from '../../lib/page-snapshot.ts';
import { SETTINGS_KEY } from '../../lib/settings.ts';

const matcher: SerializedMatcher = { format: 1, entityIds: ['place:a'], kinds: ['city'], patterns: [['ا', 0, [0]]] };

let sites: Map<string, boolean>;
let stored: { version: string; matcher: SerializedMatcher } | null;
const sources: SnapshotSources = {
  matcher: async () => stored,
  disabledHosts: async () => [...sites].filter(([, on]) => !on).map(([host]) => host),
};
const snapshot = () => browser.storage.local.get([SNAPSHOT_MATCHER_KEY, SNAPSHOT_DISABLED_HOSTS_KEY]);

beforeEach(() => {
  fakeBrowser.reset();
  sites = new Map();
  stored = { version: 'v1', matcher };
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('page snapshot, written by the background', () => {
  it('copies the matcher and the switched-off hosts, and follows each switch', async () => {
    await refreshPageSnapshot(sources);
    expect(await snapshot()).toEqual({ [SNAPSHOT_MATCHER_KEY]: { version: 'v1', matcher }, [SNAPSHOT_DISABLED_HOSTS_KEY]: [] });
    sites.set('news.example', false);
    sites.set('other.example', true);
    await refreshPageSnapshot(sources);
    expect((await snapshot())[SNAPSHOT_DISABLED_HOSTS_KEY]).toEqual([hostKey('news.example')]);
    expect((await readStartup('news.example')).enabled).toBe(false);
    expect((await readStartup('other.example')).enabled).toBe(true);
    sites.set('news.example', true);
    await refreshPageSnapshot(sources);
    expect((await readStartup('news.example')).enabled).toBe(true);
  });

  it('writes only what changed: a worker start with nothing new writes nothing', async () => {
    await refreshPageSnapshot(sources);
    const set = vi.spyOn(browser.storage.local, 'set');
    await refreshPageSnapshot(sources);
    expect(set).not.toHaveBeenCalled();
    stored = { version: 'v2', matcher };
    await refreshPageSnapshot(sources);
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0] as object)).toEqual([SNAPSHOT_MATCHER_KEY]);
  });

  it('repairs a snapshot a content script overwrote', async () => {
    sites.set('news.example', false);
    await refreshPageSnapshot(sources);
    await browser.storage.local.set({ [SNAPSHOT_DISABLED_HOSTS_KEY]: [], [SNAPSHOT_MATCHER_KEY]: 'junk' });
    await refreshPageSnapshot(sources);
    expect(await snapshot()).toEqual({ [SNAPSHOT_MATCHER_KEY]: { version: 'v1', matcher }, [SNAPSHOT_DISABLED_HOSTS_KEY]: [hostKey('news.example')] });
  });

  it('keeps the last matcher while the database has none (an import under way)', async () => {
    await refreshPageSnapshot(sources);
    stored = null;
    await refreshPageSnapshot(sources);
    expect((await snapshot())[SNAPSHOT_MATCHER_KEY]).toEqual({ version: 'v1', matcher });
  });

  it('leaves out a matcher too big for extension storage', async () => {
    await refreshPageSnapshot(sources);
    const patterns = Array.from({ length: SNAPSHOT_MATCHER_MAX_CHARS / 10 }, (): [string, 0 | 1, number[]] => ['ابتث', 0, [0]]);
    stored = { version: 'v2', matcher: { ...matcher, patterns } };
    await refreshPageSnapshot(sources);
    expect(await snapshot()).toEqual({ [SNAPSHOT_DISABLED_HOSTS_KEY]: [] });
    expect((await readStartup('news.example')).matcher).toBeUndefined();
  });

  it('removes the snapshot when it cannot be written (storage full), so pages ask by message', async () => {
    await refreshPageSnapshot(sources);
    sites.set('news.example', false);
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(new Error('QuotaExceededError'));
    await refreshPageSnapshot(sources);
    expect(await snapshot()).toEqual({});
    expect(await readStartup('news.example')).toMatchObject({ enabled: undefined, matcher: undefined });
  });

  it('runs refreshes one after another, the last reflecting the last switch', async () => {
    const runs = [true, false, true, false].map((on) => {
      sites.set('news.example', on);
      return refreshPageSnapshot(sources);
    });
    await Promise.all(runs);
    expect((await snapshot())[SNAPSHOT_DISABLED_HOSTS_KEY]).toEqual([hostKey('news.example')]);
  });
});

describe('host keys', () => {
  it('differ for different hosts and do not spell the host', () => {
    const hosts = ['news.example', 'news.example.', 'www.news.example', 'x.example', 'y.example', '127.0.0.1', '127.0.0.2', 'aljazeera.net', 'www.aljazeera.net'];
    const keys = hosts.map(hostKey);
    expect(new Set(keys).size).toBe(hosts.length);
    for (const [i, k] of keys.entries()) {
      expect(k).toMatch(/^[0-9a-f]{14}$/);
      expect(k).not.toContain(hosts[i]);
      expect(hostKey(hosts[i]!)).toBe(k);
    }
  });
});

describe('page snapshot, read by the content script', () => {
  it('reads settings and snapshot together; anything malformed counts as missing', async () => {
    await browser.storage.local.set({
      [SETTINGS_KEY]: { lang: 'en', hiddenKinds: ['city', 'not-a-kind'] },
      [SNAPSHOT_MATCHER_KEY]: { version: 'v1', matcher },
      [SNAPSHOT_DISABLED_HOSTS_KEY]: [hostKey('news.example')],
    });
    const get = vi.spyOn(browser.storage.local, 'get');
    const startup = await readStartup('news.example');
    expect(get).toHaveBeenCalledTimes(1);
    expect(startup).toMatchObject({ enabled: false, matcher });
    expect(startup.settings).toMatchObject({ lang: 'en', hiddenKinds: ['city'] });
    for (const junk of [{ version: 1, matcher }, { version: 'v', matcher: { ...matcher, format: 2 } }, { version: 'v', matcher: { ...matcher, patterns: {} } }, 'x']) {
      await browser.storage.local.set({ [SNAPSHOT_MATCHER_KEY]: junk, [SNAPSHOT_DISABLED_HOSTS_KEY]: ['a', 3] });
      expect(await readStartup('news.example')).toMatchObject({ enabled: undefined, matcher: undefined });
    }
  });

  it('falls back to the defaults when extension storage fails', async () => {
    vi.spyOn(browser.storage.local, 'get').mockRejectedValue(new Error('gone'));
    expect(await readStartup('news.example')).toMatchObject({ enabled: undefined, matcher: undefined, settings: { lang: 'ar', hiddenKinds: [] } });
  });
});
