/**
 * "Save this page" in the background, from the popup, the side panel (request savePage) or the
 * context menu (context-menus.ts): ask the tab's top frame for a copy of its document (tab message
 * copyPage), validate the answer (lib/messages/page-copy.ts), and hand it to the save pipeline
 * (lib/save-page.ts). The page is only read; the copy is parsed here, never in the page.
 */
import { DB_NAME, openDatabase } from '../../db/database.ts';
import { isQuotaError } from '../../db/quota.ts';
import { parseCopyAnswer, type SaveResult } from '../../lib/messages/page-copy.ts';
import { sendToTab } from '../../lib/messages/tab-messages.ts';
import { savePageCopy } from '../../lib/save-page.ts';
import { ensureReady } from './data.ts';
import { parseHtml } from './parse-html.ts';

export async function savePage(tabId: number): Promise<SaveResult> {
  const started = performance.now();
  let answer: unknown;
  try {
    answer = await sendToTab(tabId, { type: 'copyPage' });
  } catch (e) {
    // No content script there: not an http(s) page, or a page the extension does not run on.
    return { status: 'failed', reason: 'not-a-page', detail: e instanceof Error ? e.message : String(e) };
  }
  const copy = parseCopyAnswer(answer);
  if ('failure' in copy) return { status: 'failed', reason: copy.failure, detail: copy.detail };
  const copyMs = performance.now() - started;
  try {
    await ensureReady();
  } catch (e) {
    return { status: 'failed', reason: isQuotaError(e) ? 'storage-full' : 'not-ready', detail: e instanceof Error ? e.message : String(e) };
  }
  return savePageCopy(copy, { db: openDatabase(DB_NAME), parseHtml, copyMs });
}
