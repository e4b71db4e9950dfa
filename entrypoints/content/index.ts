/**
 * The content script: on Arabic pages where the reader has not switched the extension off, find the
 * names, highlight them, and explain them on hover or from the keyboard. It runs in every frame
 * (allFrames), and each frame looks after itself: its own text, its own highlights, its own card.
 *
 * Two promises to the page: its DOM does not change apart from the one host element of the card
 * (highlights are painted by the CSS Custom Highlight API, styles are adopted, not inserted), and
 * nothing the extension does throws into it (every handler is wrapped; failures are logged).
 */
// First: starts the page's one storage read before the rest of the script is initialised.
import './early-read.ts';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PageSession } from './session.ts';
import { answerCopyPage } from './copy-page.ts';
import { SaveNotices } from './save-notice.ts';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  // Frames a page makes without a URL of its own (about:blank filled by script, srcdoc, and a frame
  // written with document.write) belong to it: scanned too. Chrome also lets the creator's origin
  // match blob: and data: frames (match_origin_as_fallback); Firefox's MV2 has no such key.
  matchAboutBlank: true,
  matchOriginAsFallback: { chrome: true },
  // document_end: right at DOMContentLoaded, where document_idle could come up to 200 ms later (or
  // at load). Not document_start: evaluating this script (≈15 ms) would then hold up the parsing
  // of every page and frame on the web, Arabic or not.
  runAt: 'document_end',
  cssInjectionMode: 'ui',
  // WXT would also window.postMessage a "content script started" note (with the extension's id)
  // that every script of the page can read: the page must not learn that the extension is there.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // "Save this page" (issue 13): a copy of the document for the background, on any http(s) page.
    ctx.onInvalidated(answerCopyPage());
    // Its outcome when the save came from the context menu: a notice in the extension's own host.
    ctx.onInvalidated(new SaveNotices(ctx).listen());
    const page = new PageSession(ctx);
    page.boot().catch((error: unknown) => console.warn('[khabar] content script failed', error));
  },
});
