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
    // Listed: maybe off, the background is asked; not listed: on.
    expect((await readStartup('news.example')).enabled).toBeUndefined();
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
    // A well-formed copy with the right version and no patterns (highlighting off everywhere).
    await browser.storage.local.set({ [SNAPSHOT_MATCHER_KEY]: { version: 'v1', matcher: { ...matcher, patterns: [] } } });
    await refreshPageSnapshot(sources);
    expect((await snapshot())[SNAPSHOT_MATCHER_KEY]).toEqual({ version: 'v1', matcher });
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
    // The first refresh reads "off" and is slow to finish; the reader switches the site on and a
    // second refresh reads "on" and would finish first. Run side by side, the first would write
    // last and leave the site off; one after another, the second reads after the first is done.
    let call = 0;
    const slowFirst: SnapshotSources = {
      matcher: sources.matcher,
      disabledHosts: async () => {
        const answer = await sources.disabledHosts();
        await new Promise((resolve) => setTimeout(resolve, call++ === 0 ? 60 : 5));
        return answer;
      },
    };
    sites.set('news.example', false);
    const first = refreshPageSnapshot(slowFirst);
    await new Promise((resolve) => setTimeout(resolve, 10));
    sites.set('news.example', true);
    const second = refreshPageSnapshot(slowFirst);
    await Promise.all([first, second]);
    expect((await snapshot())[SNAPSHOT_DISABLED_HOSTS_KEY]).toEqual([]);
  });
});

describe('host keys', () => {
  it('differ for different hosts and do not spell the host', () => {
    const hosts = ['news.example', 'news.example.', 'www.news.example', 'x.example', 'y.example', '127.0.0.1', '127.0.0.2', 'aljazeera.net', 'www.aljazeera.net'];
    const keys = hosts.map(hostKey);
    expect(new Set(keys).size).toBe(hosts.length);
    for (const [i, k] of keys.entries()) {
      expect(k).toMatch(/^[0-9a-f]{4}$/);
      expect(k).not.toContain(hosts[i]);
      expect(hostKey(hosts[i]!)).toBe(k);
    }
  });
});

describe('host keys as a filter', () => {
  it('stand for many hosts each, so a list of known domains does not reveal which one was switched off', () => {
    const hosts = Array.from({ length: 200_000 }, (_, i) => `site${i}.example`);
    const byKey = new Map<string, number>();
    for (const h of hosts) byKey.set(hostKey(h), (byKey.get(hostKey(h)) ?? 0) + 1);
    // 16 bits, evenly spread: 200,000 domains fall on nearly all 65,536 keys, about three a key.
    expect(byKey.size).toBeGreaterThan(60_000);
    expect(byKey.size).toBeLessThanOrEqual(65_536);
    expect(hosts.filter((h) => hostKey(h) === hostKey('site7.example')).length).toBeGreaterThan(1);
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
    expect(startup).toMatchObject({ enabled: undefined, matcher });
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
