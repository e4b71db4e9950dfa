/**
 * One answer per request type, each opening the database lazily and reading what it needs: the
 * service worker may have been stopped and restarted between any two messages.
 */
import { browser } from 'wxt/browser';
import { DB_NAME, openDatabase } from '../../db/database.ts';
import { importStatus, readImportRecord } from '../../db/import.ts';
import * as q from '../../db/queries.ts';
import type { BackgroundEvent, Request, ResponseOf } from '../../lib/messages.ts';
import { ensureData, ensureReady, unrecordedFailure } from './data.ts';
import { refreshPageSnapshot } from './page-snapshot.ts';
import { namesOfTab, reportFrame } from './tab-names.ts';
import type { From } from './validate.ts';
import { storeReaderRequest } from '../../lib/reader-request.ts';

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

export async function handle<R extends Request>(request: R, from: From): Promise<ResponseOf<R['type']>> {
  type Out = ResponseOf<R['type']>;
  const db = () => openDatabase(DB_NAME);
  const r = request as Request;
  switch (r.type) {
    case 'getStatus': {
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
      return status as Out;
    }
    case 'getMatcher': {
      await ensureReady();
      const payload = await q.matcherPayload(db());
      if (!payload) throw new Error('no matcher stored');
      return payload as Out;
    }
    case 'getCard':
      await ensureReady();
      return (await q.cardData(db(), r.entityId)) as Out;
    case 'getBaseMap':
      await ensureReady();
      return (await q.baseMap(db())) as Out;
    case 'reportPage':
      if (from.kind !== 'content') throw new Error('reportPage comes from content scripts');
      await reportFrame(from.tabId, from.frameId, r.names);
      return { ok: true } as Out;
    case 'getTabNames':
      return (await namesOfTab(r.tabId)) as Out;
    case 'getSiteEnabled':
      return { enabled: await q.siteEnabled(db(), r.host) } as Out;
    case 'openOptions':
      await browser.runtime.openOptionsPage();
      return { ok: true } as Out;
    case 'switchOffHere': {
      if (from.kind !== 'content') throw new Error('switchOffHere comes from content scripts');
      const enabled = await q.setSiteEnabled(db(), from.host, false);
      await refreshPageSnapshot();
      await announceSite(from.host, enabled);
      return { enabled } as Out;
    }
    case 'openSource': {
      if (from.kind !== 'content') throw new Error('openSource comes from content scripts');
      // The side panel opens only in answer to the reader's click: call it before any await.
      const opening = openSidePanelFor(from.tabId);
      await storeReaderRequest({ articleId: r.articleId, tabId: from.tabId, at: Date.now() });
      await opening;
      return { ok: true } as Out;
    }
    case 'setSiteEnabled': {
      const enabled = await q.setSiteEnabled(db(), r.host, r.enabled);
      await refreshPageSnapshot(); // before answering: the next page load must see the switch
      await announceSite(r.host, enabled);
      return { enabled } as Out;
    }
  }
}
