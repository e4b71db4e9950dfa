/**
 * One answer per request type, each opening the database lazily and reading what it needs: the
 * service worker may have been stopped and restarted between any two messages.
 */
import { browser } from 'wxt/browser';
import { DB_NAME, openDatabase } from '../../db/database.ts';
import { importStatus, readImportRecord } from '../../db/import.ts';
import * as q from '../../db/queries.ts';
import type { BackgroundEvent, Request } from '../../lib/messages.ts';
import { REQUESTS, type From, type FromOf, type RequestOf, type RequestType, type ResponseOf } from '../../lib/messages/requests.ts';
import { ensureData, ensureReady, unrecordedFailure } from './data.ts';
import { refreshPageSnapshot } from './page-snapshot.ts';
import { namesChanged } from './own-names.ts';
import { namesOfTab, reportFrame } from './tab-names.ts';
import { storeReaderRequest } from '../../lib/reader-request.ts';
import { savePage } from './save-page.ts';

/** A failed import is retried on getStatus at most this often. */
const RETRY_AFTER_MS = 30_000;

/** Tell every tab's content scripts that a site was switched on or off. */
async function announceSite(host: string, enabled: boolean): Promise<void> {
  const event: BackgroundEvent = { event: 'siteEnabledChanged', host, enabled };
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((t) => (t.id === undefined ? undefined : browser.tabs.sendMessage(t.id, event).catch(() => {}))),
  );
}

interface SidePanelApis {
  sidePanel?: { open(options: { tabId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

function openSidePanelFor(tabId: number): Promise<void> {
  const b = browser as unknown as SidePanelApis;
  if (b.sidebarAction?.open) return b.sidebarAction.open();
  if (b.sidePanel?.open) return b.sidePanel.open({ tabId });
  return Promise.reject(new Error('no side panel in this browser'));
}

export type Handlers = { [T in RequestType]: (request: RequestOf<T>, from: FromOf<T>) => Promise<ResponseOf<T>> };
const db = () => openDatabase(DB_NAME);

/**
 * One handler per declared request (lib/messages/requests.ts): a request without a handler is a
 * type error. A content-only request's handler gets the content script's tab, frame and host.
 */
export const handlers: Handlers = {
  async getStatus() {
    let status = await importStatus(db());
    const record = await readImportRecord(db());
    // A failure the database could not record (the bundle unreadable, storage full to the last
    // byte) is reported all the same.
    const failure = unrecordedFailure();
    if (failure && status.state !== 'ready' && status.state !== 'error' && failure.at >= (record?.updatedAt ?? 0)) {
      status = { state: 'error', progress: status.progress, error: failure.message, ...(failure.kind ? { errorKind: failure.kind } : {}) };
    }
    // Nothing stored, or the last import failed a while ago: try (again). Not on every poll.
    const failedAt = failure?.at ?? record?.updatedAt ?? 0;
    const retry = (status.state === 'empty' && !failure) || (status.state === 'error' && Date.now() - failedAt > RETRY_AFTER_MS);
    if (retry) void ensureData({ check: false }).catch(() => {});
    return status;
  },
  async getMatcher() {
    await ensureReady();
    const payload = await q.matcherPayload(db());
    if (!payload) throw new Error('no matcher stored');
    return payload;
  },
  async getCard(r) {
    await ensureReady();
    return await q.cardData(db(), r.entityId);
  },
  async reportPage(r, from) {
    await reportFrame(from.tabId, from.frameId, r.names);
    return { ok: true };
  },
  getTabNames: (r) => namesOfTab(r.tabId),
  async getSiteEnabled(r) {
    return { enabled: await q.siteEnabled(db(), r.host) };
  },
  async openOptions() {
    await browser.runtime.openOptionsPage();
    return { ok: true };
  },
  async openLibrary(_r, from) {
    // Next to the page the reader saved from, in its window.
    await browser.tabs.create({ url: browser.runtime.getURL('/library.html'), openerTabId: from.tabId, active: true });
    return { ok: true };
  },
  async switchOffHere(_r, from) {
    const enabled = await q.setSiteEnabled(db(), from.host, false);
    await refreshPageSnapshot();
    await announceSite(from.host, enabled);
    return { enabled };
  },
  async openSource(r, from) {
    // The side panel opens only in answer to the reader's click: call it before any await.
    const opening = openSidePanelFor(from.tabId);
    await storeReaderRequest({ articleId: r.articleId, tabId: from.tabId, at: Date.now() });
    await opening;
    return { ok: true };
  },
  async getBaseMap() {
    await ensureReady();
    return q.baseMap(db());
  },
  async namesChanged() {
    // The reader's names are already in the database (the extension page wrote them).
    await namesChanged(db());
    return { ok: true };
  },
  async setSiteEnabled(r) {
    const enabled = await q.setSiteEnabled(db(), r.host, r.enabled);
    await refreshPageSnapshot(); // before answering: the next page load must see the switch
    await announceSite(r.host, enabled);
    return { enabled };
  },
  savePage: (r) => savePage(r.tabId),
};

/**
 * Answer a validated request (parseRequest has checked its fields and that its sender may send
 * it, so a content-only request comes with a content sender; checked again here all the same).
 */
export function handle<R extends Request>(request: R, from: From): Promise<ResponseOf<R['type']>> {
  if (REQUESTS[request.type].from === 'content' && from.kind !== 'content') {
    return Promise.reject(new Error(`${request.type} comes from content scripts`));
  }
  const handler = handlers[request.type] as (request: R, from: From) => Promise<ResponseOf<R['type']>>;
  return handler(request, from);
}
