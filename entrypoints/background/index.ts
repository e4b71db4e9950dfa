/**
 * The background (MV3 service worker; Firefox: event page): imports the bundle, answers the
 * typed requests of lib/messages.ts after validating them, and keeps each tab's badge. Listeners
 * are registered synchronously on every start, and nothing lives only in memory: the database
 * and storage.session hold all state, so the worker may be stopped at any time.
 */
import { browser } from 'wxt/browser';
import type { Reply } from '../../lib/messages.ts';
import { ensureData } from './data.ts';
import { handle } from './handlers.ts';
import { clearTab, refreshBadges } from './tab-names.ts';
import { listenForCommands, runCommand } from './commands.ts';
import { openWelcome } from './welcome.ts';
import { listenForNameMenu } from './name-menu.ts';
import { resumeRescan } from './own-names.ts';
import { DB_NAME, openDatabase } from '../../db/database.ts';
import { RUN_COMMAND_HOOK } from '../../lib/commands.ts';
import { watchPaused } from '../../lib/pause.ts';
import { parseRequest, type SenderInfo } from './validate.ts';
import { isQuotaError } from '../../db/import.ts';

function replyError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return isQuotaError(e) && !/QuotaExceeded/.test(message) ? `QuotaExceededError: ${message}` : message;
}

export default defineBackground(() => {
  const origin = browser.runtime.getURL('').replace(/\/$/, '');

  browser.runtime.onInstalled.addListener((details) => {
    // Install, update, browser update: read the packaged bundle, import it if its version differs.
    ensureData({ check: true }).catch((e) => console.error('khabar-lens: import failed', e));
    // A first install: the welcome page says what the coverage is, how to use it, and the keys.
    if (details?.reason === 'install') void openWelcome().catch(() => undefined);
  });

  // The keyboard shortcuts (manifest commands), and the global pause on every tab's badge.
  listenForCommands();
  // The selection's context menu item: add it as a name (issue 13 item 3).
  listenForNameMenu();
  // A library rescan the last worker left half done (own-names.ts).
  void resumeRescan(openDatabase(DB_NAME)).catch((e: unknown) => console.warn('khabar-lens: rescan not resumed', e));
  watchPaused(() => void refreshBadges().catch(() => undefined));
  // The end-to-end tests' way to press a shortcut (lib/commands.ts RUN_COMMAND_HOOK).
  (globalThis as Record<string, unknown>)[RUN_COMMAND_HOOK] = runCommand;

  // Every start: finish an interrupted import, or notice an update whose onInstalled was missed;
  // either way the content scripts' copy of the matcher and the switched-off hosts is refreshed
  // (ensureData, page-snapshot.ts).
  ensureData({ check: false }).catch((e) => console.error('khabar-lens: import failed', e));

  browser.runtime.onMessage.addListener((message: unknown, sender: SenderInfo, sendResponse: (r: Reply<unknown>) => void) => {
    // Our own announcements (events) are not requests.
    if (typeof message === 'object' && message !== null && 'event' in message && !('type' in message)) return false;
    const parsed = parseRequest(message, sender, browser.runtime.id, origin);
    if (!parsed.ok) {
      sendResponse({ ok: false, error: parsed.error });
      return false;
    }
    handle(parsed.request, parsed.from).then(
      (value) => sendResponse({ ok: true, value }),
      // A full disk keeps its name in the message, so the pages can say so in the reader's words.
      (e: unknown) => sendResponse({ ok: false, error: replyError(e) }),
    );
    return true; // the answer comes asynchronously
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') void clearTab(tabId, { badge: true });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void clearTab(tabId, { badge: false });
  });
});
