/**
 * What the extension's own pages ask of the content script, and the reader's settings applied on
 * the page (issue 4). Kept out of index.ts so that the page session only needs a few hooks:
 *
 * - `answerExtensionPages`: the popup and side panel message the tab (lib/tabs.ts TabMessage):
 *   `pageInfo` answers the page's address and title (the extension asks for no "tabs" permission,
 *   so the tabs API does not tell them), `reveal` scrolls to the first mention of an entity and
 *   flashes it with the `current` highlight.
 * - `PageSettings`: the settings (lib/settings.ts) read from extension storage and followed live
 *   through storage.onChanged: the hidden kinds filter the matcher, the highlight styles go into a
 *   stylesheet adopted after the highlighter's own, and the interface language and hover delay are
 *   read through getters each time they are needed.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, highlightStyleCss, watchSettings, type Settings } from '../../lib/settings.ts';
import { isTabMessage, type PageInfo, type PageText } from '../../lib/tabs.ts';
import { adoptSheet, dropSheet } from '../../page/adopted-sheets.ts';
import { highlightName, type Highlighter } from '../../page/highlighter.ts';
import { scrollMentionIntoView } from '../../page/keyboard.ts';
import type { MentionIndex } from '../../page/mention-index.ts';

/** How long a revealed name keeps the `current` highlight. */
export const REVEAL_FLASH_MS = 2000;

export interface RevealTarget {
  index: MentionIndex;
  highlighter: Highlighter;
}

/** Scroll to the first mention of `entityId` on the page and flash it; false when there is none. */
export function reveal(target: RevealTarget | undefined, entityId: string): boolean {
  if (!target) return false;
  const m = target.index.inDocumentOrder().find((x) => x.entityId === entityId);
  if (!m) return false;
  scrollMentionIntoView(m);
  target.highlighter.setCurrent(m.range);
  setTimeout(() => {
    if (target.highlighter.currentRange === m.range) target.highlighter.setCurrent(null);
  }, REVEAL_FLASH_MS);
  return true;
}

/**
 * The page's text for an annotation export (lib/tabs.ts PageText): body's Text nodes in tree order,
 * and each mention whose two ends lie among them as offsets into their concatenation. Names in
 * frames and shadow roots are not in that text, and are left out.
 */
export function pageText(target: RevealTarget | undefined): PageText {
  const offsets = new Map<Node, number>();
  let text = '';
  const body = document.body;
  if (body) {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      offsets.set(n, text.length);
      text += (n as Text).data;
    }
  }
  const mentions: PageText['mentions'] = [];
  for (const m of target?.index.inDocumentOrder() ?? []) {
    const a = offsets.get(m.spec.startContainer);
    const b = offsets.get(m.spec.endContainer);
    if (a !== undefined && b !== undefined) mentions.push({ start: a + m.spec.startOffset, end: b + m.spec.endOffset, entityId: m.entityId });
  }
  return { url: location.href, title: document.title, text, mentions };
}

/** Answer the popup's and side panel's messages; returns the unsubscribe. */
export function answerExtensionPages(target: () => RevealTarget | undefined): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void): boolean => {
    try {
      if (!isTabMessage(message)) return false;
      if (message.type === 'pageInfo') {
        if (window !== window.top) return false;
        sendResponse({ url: location.href, title: document.title } satisfies PageInfo);
      } else if (message.type === 'pageText') {
        if (window !== window.top) return false;
        sendResponse(pageText(target()));
      } else {
        sendResponse({ ok: reveal(target(), message.entityId) });
      }
    } catch (error) {
      console.warn('[khabar] answering the extension failed', error);
    }
    return false;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

export class PageSettings {
  current: Settings = DEFAULT_SETTINGS;
  private sheet: CSSStyleSheet | undefined;
  /** The CSS text the sheet holds. */
  private sheetCss: string | undefined;

  /** Settings read elsewhere (in one read with the page snapshot, startup.ts). */
  use(settings: Settings): void {
    this.current = settings;
  }

  /** Adopt (again, so that it comes last and wins) the sheet with the reader's highlight styles. */
  adoptStyles(doc: Document): void {
    try {
      const win = doc.defaultView as (Window & typeof globalThis) | null;
      if (!win) return;
      const sheet = (this.sheet ??= new win.CSSStyleSheet());
      this.writeSheet(sheet);
      adoptSheet(doc, sheet, { last: true });
    } catch (error) {
      console.warn('[khabar] could not apply the highlight styles', error);
    }
  }

  /** Take the reader's highlight styles off the page again. */
  removeStyles(doc: Document): void {
    const sheet = this.sheet;
    if (!sheet) return;
    try {
      dropSheet(doc, sheet);
    } catch {
      // A document that went away: nothing to undo.
    }
  }

  /**
   * Follow the stored settings: styles apply at once, language and hover delay at their next use;
   * `onKindsChanged` runs when the hidden kinds change (the page must be scanned again).
   * Returns the unsubscribe.
   */
  watch(onKindsChanged: () => void): () => void {
    return watchSettings((next) => {
      if (this.apply(next)) onKindsChanged();
    });
  }

  /**
   * Take `next` as the settings: styles apply at once (when they changed). Returns whether the
   * hidden kinds changed (the page must then be scanned again).
   */
  apply(next: Settings): boolean {
    const kindsChanged = next.hiddenKinds.join() !== this.current.hiddenKinds.join();
    this.current = next;
    if (this.sheet) {
      try {
        this.writeSheet(this.sheet);
      } catch (error) {
        console.warn('[khabar] could not apply the highlight styles', error);
      }
    }
    return kindsChanged;
  }

  /** The reader's styles into the sheet: each change of a sheet with ::highlight() rules restyles the whole page, so only when they differ. */
  private writeSheet(sheet: CSSStyleSheet): void {
    const css = highlightStyleCss(this.current.styles, highlightName);
    if (css === this.sheetCss) return;
    sheet.replaceSync(css);
    this.sheetCss = css;
  }
}
