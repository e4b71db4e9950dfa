/**
 * "Save this page": the top frame answers the background's `copyPage` with a copy of its document
 * as HTML (lib/messages/page-copy.ts). Reading only: serialising the document changes nothing in
 * it, and the article is found in the background, from the copy. Above LIMITS.pageHtmlChars the
 * answer is a refusal instead of the HTML.
 */
import { browser } from 'wxt/browser';
import { LIMITS } from '../../lib/messages.ts';
import type { CopyPageAnswer } from '../../lib/messages/page-copy.ts';
import { asTabMessage } from '../../lib/messages/tab-messages.ts';

export function copyOfPage(doc: Document): CopyPageAnswer {
  const html = doc.documentElement.outerHTML;
  if (html.length > LIMITS.pageHtmlChars) return { refused: 'too-large' };
  return { html, url: doc.location?.href ?? doc.URL, lang: doc.documentElement.lang.slice(0, 35), title: doc.title.slice(0, LIMITS.pageTitleLength) };
}

/** Answer `copyPage` in the top frame; returns the unsubscribe. */
export function answerCopyPage(): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void): boolean => {
    if (window !== window.top || !asTabMessage(message, 'copyPage')) return false;
    try {
      sendResponse(copyOfPage(document));
    } catch (error) {
      console.warn('[khabar] copying the page failed', error);
    }
    return false;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
