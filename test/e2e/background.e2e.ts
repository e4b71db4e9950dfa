/**
 * The background in real Chromium: the bundle import into IndexedDB, the typed messages and
 * their validation, the per-tab badge fed by the content script on the fixture pages (article,
 * navigation, single-page app, iframe, infinite scroll), the per-site switch, a service-worker
 * restart, and that no request leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../core/types.ts';
import type { PageNames } from '../../lib/messages.ts';
import { hostKey, SNAPSHOT_DISABLED_HOSTS_KEY, SNAPSHOT_MATCHER_KEY } from '../../lib/page-snapshot.ts';
import { readArticles } from './fixtures/make-pages.ts';
import { EXTENSION_DIR, Harness, waitFor } from './harness.ts';

let h: Harness;
let bundle: Bundle;
const articles = readArticles();

beforeAll(async () => {
  bundle = JSON.parse(readFileSync(join(EXTENSION_DIR, 'data', 'bundle.json'), 'utf8')) as Bundle;
  h = await Harness.launch();
});
afterAll(async () => {
  await h?.close();
});

/** Entities an article names unambiguously (a mention of confidence 1): any scan must find them. */
function sureNames(articleId: string): string[] {
  const mentions = bundle.articleMentions.find((a) => a.articleId === articleId)?.mentions ?? [];
  return [...new Set(mentions.filter((m) => m.confidence >= 1).map((m) => m.entityId))].sort();
}

async function tabNames(page: Page): Promise<PageNames> {
  return h.send({ type: 'getTabNames', tabId: await h.tabId(page) });
}

/** Wait until the tab's reported names include `expected` and the badge shows their number. */
async function settledNames(page: Page, expected: string[], what: string): Promise<{ names: PageNames; badge: string }> {
  return waitFor(
    async () => {
      const names = await tabNames(page);
      const badge = await h.badgeText(page);
      const ids = Object.keys(names);
      if (ids.length === 0 || !expected.every((id) => ids.includes(id))) return undefined;
      return badge === String(ids.length) ? { names, badge } : undefined;
    },
    { timeout: 30_000, what },
  );
}

async function dbCounts(): Promise<Record<string, number>> {
  const sw = await h.serviceWorker();
  return sw.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('khabar-lens');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const out: Record<string, number> = {};
    // Entities and articles are stored a few to a row ({ id, items }: db/database.ts).
    for (const store of ['entities', 'articles']) {
      out[store] = await new Promise<number>((ok, ko) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok((r.result as { items: unknown[] }[]).reduce((n, row) => n + row.items.length, 0));
        r.onerror = () => ko(r.error);
      });
    }
    db.close();
    return out;
  });
}

describe('background in Chromium', () => {
  it('imports the packaged bundle into IndexedDB when installed', async () => {
    const status = await h.waitForReady();
    expect(status).toEqual({ state: 'ready', progress: 1, bundleVersion: bundle.version });
    // Every entity (its coverage with it) and every article (its mentions with it).
    expect(await dbCounts()).toEqual({ entities: bundle.entities.length, articles: bundle.articles.length });
    // The bundle is one of the extension's own files, and the request log sees the worker's
    // traffic (its install-time fetch may come before the log is attached, so fetch it again).
    const worker = await h.serviceWorker();
    expect(await worker.evaluate(async () => (await fetch('/data/bundle.json')).ok)).toBe(true);
    await waitFor(async () => h.requests.some((r) => r.url === `${h.extensionOrigin}/data/bundle.json` && r.fromServiceWorker) || undefined, {
      timeout: 10_000,
      what: "the worker's fetch in the request log",
    });
    expect(h.requests).toContainEqual(
      expect.objectContaining({ url: `${h.extensionOrigin}/data/bundle.json`, fromServiceWorker: true }),
    );
  });

  it('hands out the compiled matcher (it carries each entity’s kind)', async () => {
    const payload = await h.send({ type: 'getMatcher' });
    expect(payload).toEqual({ version: bundle.version, matcher: bundle.matcher });
  });

  it('resolves everything a card shows in one answer', async () => {
    const top = [...bundle.coverage].sort((a, b) => b.mentions - a.mentions)[0]!;
    const entity = bundle.entities.find((e) => e.id === top.entityId)!;
    const card = await h.send({ type: 'getCard', entityId: top.entityId });
    expect(card).not.toBeNull();
    expect(card!.entity).toEqual(entity);
    expect(card!.coverage).toEqual(top);
    expect(Object.keys(card!.articles).sort()).toEqual(top.articles.map((a) => a.articleId).sort());
    for (const a of Object.values(card!.articles)) {
      expect(a).not.toHaveProperty('text');
      expect(a.headline).toBe(bundle.articles.find((x) => x.id === a.id)!.headline);
    }
    expect(card!.related.map((r) => r.id)).toEqual(top.related.map((r) => r.entityId));
    for (const r of card!.related) expect(r.name).toBe(bundle.entities.find((e) => e.id === r.id)!.name);
    if (entity.parent) expect(card!.parent?.id).toBe(entity.parent);
    expect(await h.send({ type: 'getCard', entityId: 'place:no-such-place' })).toBeNull();
  });

  it('refuses malformed and misdirected messages with an error', async () => {
    const refused = async (message: unknown) => h.sendRaw(message) as Promise<{ ok: boolean; error?: string }>;
    expect(await refused('getStatus')).toEqual({ ok: false, error: 'a request is a plain object' });
    expect(await refused({ type: 'dropTables' })).toEqual({ ok: false, error: 'unknown request type "dropTables"' });
    expect(await refused({ type: 'getCard' })).toEqual({ ok: false, error: 'missing field "entityId"' });
    expect(await refused({ type: 'getCard', entityId: 'place:x', sql: 1 })).toEqual({ ok: false, error: 'unknown field "sql"' });
    // The pages read the database themselves: no search or article requests.
    expect(await refused({ type: 'search', query: 'x' })).toEqual({ ok: false, error: 'unknown request type "search"' });
    // Only content scripts report pages.
    expect(await refused({ type: 'reportPage', names: { 'place:x': 1 } })).toEqual({ ok: false, error: 'reportPage comes from content scripts' });
    expect(await h.send({ type: 'getStatus' })).toMatchObject({ state: 'ready' });
  });

  it('shows on the badge how many distinct names an article page has', async () => {
    const article = articles[0]!;
    const page = await h.open(`/article/${encodeURIComponent(article.meta.id)}.html`);
    const { names, badge } = await settledNames(page, sureNames(article.meta.id), 'the article page’s names on the badge');
    expect(Number(badge)).toBeGreaterThan(0);
    expect(Number(badge)).toBe(Object.keys(names).length);
    for (const n of Object.values(names)) expect(n).toBeGreaterThan(0);
    // Navigating the tab to a page without Arabic names clears it.
    await page.goto(h.url('/english.html'));
    await waitFor(async () => ((await h.badgeText(page)) === '' ? true : undefined), { what: 'the badge to clear' });
    expect(await tabNames(page)).toEqual({});
    await page.close();
  });

  it('follows a single-page app from one article to the next', async () => {
    const first = articles[0]!;
    const page = await h.open('/spa.html');
    const before = await settledNames(page, sureNames(first.meta.id), 'the single-page app’s first article');
    // The next article to open: one that names something the page does not show yet.
    const next = articles.find((a) => sureNames(a.meta.id).some((id) => !(id in before.names)));
    expect(next, 'an article naming something new').toBeDefined();
    await page.click(`#links a[data-id="${next!.meta.id}"]`);
    await page.waitForURL(`**/spa/${encodeURIComponent(next!.meta.id)}`);
    const after = await settledNames(page, sureNames(next!.meta.id), 'the swapped article’s names');
    expect(Object.keys(after.names)).not.toEqual(Object.keys(before.names));
    await page.close();
  });

  it('counts the names of an article in a same-origin iframe', async () => {
    const embedded = articles[articles.length > 1 ? 1 : 0]!;
    const page = await h.open('/iframe.html');
    await page.frameLocator('#embedded').locator('article h1').waitFor();
    await settledNames(page, sureNames(embedded.meta.id), 'the iframe’s names on the badge');
    await page.close();
  });

  it('adds the names of articles an infinite-scroll page appends', async () => {
    const [first, second] = [articles[0]!, articles[1] ?? articles[0]!];
    const page = await h.open('/infinite.html');
    const before = await settledNames(page, sureNames(first.meta.id), 'the first article’s names');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator(`article[data-article-id="${second.meta.id}"]`).waitFor();
    const after = await settledNames(page, sureNames(second.meta.id), 'the appended article’s names');
    const added = sureNames(second.meta.id).filter((id) => !(id in before.names));
    if (added.length > 0) expect(Number(after.badge)).toBeGreaterThan(Number(before.badge));
    await page.close();
  });

  it('keeps the per-site switch, turns the page off and on, and forgets nothing when the worker stops', async () => {
    const article = articles[0]!;
    const host = '127.0.0.1';
    const page = await h.open(`/article/${encodeURIComponent(article.meta.id)}.html`);
    const on = await settledNames(page, sureNames(article.meta.id), 'names before switching off');
    const tabId = await h.tabId(page);

    // Stopping the service worker loses nothing: import state, the tab's names, the answers.
    await h.restartServiceWorker();
    expect(await h.send({ type: 'getStatus' })).toEqual({ state: 'ready', progress: 1, bundleVersion: bundle.version });
    expect(await h.send({ type: 'getTabNames', tabId })).toEqual(on.names);
    expect(await h.badgeText(page)).toBe(on.badge);

    expect(await h.send({ type: 'setSiteEnabled', host, enabled: false })).toEqual({ enabled: false });
    await waitFor(async () => ((await h.badgeText(page)) === '' ? true : undefined), { what: 'the badge to clear when the site is switched off' });
    await h.restartServiceWorker();
    expect(await h.send({ type: 'getSiteEnabled', host })).toEqual({ enabled: false });
    // A reload stays off: no names reported, no highlights registered.
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await h.badgeText(page)).toBe('');
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);

    expect(await h.send({ type: 'setSiteEnabled', host, enabled: true })).toEqual({ enabled: true });
    await settledNames(page, sureNames(article.meta.id), 'names after switching back on');
    await page.close();
    await waitFor(
      async () => {
        const sw = await h.serviceWorker();
        const keys = await sw.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
        return keys.some((k) => k.startsWith(`names:${tabId}:`)) ? undefined : true;
      },
      { what: 'a closed tab’s names to be forgotten' },
    );
  });

  it('keeps the page snapshot in step with the popup’s switch: a new page on a switched-off host stays idle', async () => {
    const path = `/article/${encodeURIComponent(articles[0]!.meta.id)}.html`;
    const host = '127.0.0.1';
    const snapshot = async () =>
      (await h.serviceWorker()).evaluate((keys) => chrome.storage.local.get(keys), [SNAPSHOT_MATCHER_KEY, SNAPSHOT_DISABLED_HOSTS_KEY]);
    // Written after the import: what the content scripts read instead of asking the worker.
    await waitFor(async () => ((await snapshot())[SNAPSHOT_MATCHER_KEY] ? true : undefined), { what: 'the snapshot after the import' });
    expect(await snapshot()).toEqual({
      [SNAPSHOT_MATCHER_KEY]: { version: bundle.version, matcher: bundle.matcher },
      [SNAPSHOT_DISABLED_HOSTS_KEY]: [],
    });
    const page = await h.open(path);
    await settledNames(page, sureNames(articles[0]!.meta.id), 'names before switching off');
    const popup = await h.context.newPage();
    await popup.goto(`${h.extensionOrigin}/popup.html?tab=${await h.tabId(page)}`);
    const toggle = popup.getByRole('switch', { name: `إبراز الأسماء على ${host}` });
    await toggle.uncheck();
    await waitFor(async () => (((await snapshot())[SNAPSHOT_DISABLED_HOSTS_KEY] as string[]).includes(hostKey(host)) ? true : undefined), {
      what: 'the switched-off host in the snapshot',
    });
    const fresh = await h.open(path);
    await fresh.waitForTimeout(1500);
    expect(await fresh.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await h.badgeText(fresh)).toBe('');
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    // On again: the snapshot follows, and the open page follows the announcement.
    await toggle.check();
    await waitFor(async () => (((await snapshot())[SNAPSHOT_DISABLED_HOSTS_KEY] as string[]).length === 0 ? true : undefined), {
      what: 'the host back on in the snapshot',
    });
    await settledNames(fresh, sureNames(articles[0]!.meta.id), 'names after switching back on');
    for (const p of [popup, fresh, page]) await p.close();
  });

  it('made no request outside 127.0.0.1 and the extension, and no page threw', () => {
    expect(h.requests.length).toBeGreaterThan(0);
    expect(h.foreignRequests()).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    expect(h.console.filter((c) => c.text.includes('[khabar]'))).toEqual([]);
  });
});

declare const chrome: typeof import('wxt/browser').Browser;
