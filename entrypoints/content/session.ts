/**
 * One page's session of the content script: waits for the page to read as Arabic, asks whether the
 * site is switched on, then runs the scanner, hover, keyboard and card until the site is switched
 * off or the extension reloads. Kept out of the entrypoint module because WXT imports that module
 * at build time to read its options, and only code inside main() is dropped for that.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadMatcher, type Matcher } from '../../core/match/automaton.ts';
import { LANGUAGE_RECHECK_MS } from '../../lib/constants.ts';
import { sendRequest, type BackgroundEvent } from '../../lib/messages.ts';
import { Highlighter } from '../../page/highlighter.ts';
import { HoverController } from '../../page/hover.ts';
import { KeyboardNavigator } from '../../page/keyboard.ts';
import { detectPageLanguage } from '../../page/language.ts';
import { MentionIndex } from '../../page/mention-index.ts';
import { Scanner } from '../../page/scanner.ts';
import { CardUi } from './card-ui.tsx';
import { answerExtensionPages, PageSettings } from './extension-pages.ts';

function log(what: string): (error: unknown) => void {
  return (error) => console.warn(`[khabar] ${what}`, error);
}

/** Resolves true once the page reads as Arabic, false when it clearly does not (or never says). */
function waitForArabic(ctx: ContentScriptContext): Promise<boolean> {
  const first = detectPageLanguage(document);
  if (first.arabic) return Promise.resolve(true);
  if (first.reason !== 'undecided') return Promise.resolve(false);
  // A single-page app's shell: look again as its content arrives, for a while.
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        const verdict = detectPageLanguage(document);
        if (verdict.reason !== 'undecided') finish(verdict.arabic);
      }, 300);
    });
    const finish = (arabic: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
      resolve(arabic);
    };
    const deadline = setTimeout(() => finish(false), LANGUAGE_RECHECK_MS);
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => finish(false));
  });
}

export class PageSession {
  private matcher: Matcher | undefined;
  private active:
    | {
        scanner: Scanner;
        hover: HoverController;
        keyboard: KeyboardNavigator;
        highlighter: Highlighter;
        index: MentionIndex;
        card: CardUi;
      }
    | undefined;
  private starting: Promise<void> | undefined;
  /** The reader's settings (issue 4: kinds, styles, language, hover delay), followed live. */
  private readonly settings = new PageSettings();

  constructor(private readonly ctx: ContentScriptContext) {
    // The popup's and side panel's questions (pageInfo, reveal): answered on every page.
    ctx.onInvalidated(answerExtensionPages(() => this.active));
  }

  async boot(): Promise<void> {
    if (!(await waitForArabic(this.ctx))) return;
    if (this.ctx.isInvalid) return;
    await this.settings.load();
    this.ctx.onInvalidated(this.settings.watch(() => this.rescan()));
    const host = location.hostname;
    // The reader's per-site switch, live: the background announces changes to every tab.
    const onMessage = (message: unknown) => {
      try {
        const event = message as BackgroundEvent;
        if (event && typeof event === 'object' && event.event === 'siteEnabledChanged' && event.host === host) {
          if (event.enabled) this.activate().catch(log('activation failed'));
          else this.deactivate();
        }
      } catch (error) {
        log('message handling failed')(error);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    this.ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      this.deactivate();
    });
    const { enabled } = await sendRequest({ type: 'getSiteEnabled', host });
    if (enabled) await this.activate();
  }

  private activate(): Promise<void> {
    if (this.active) return Promise.resolve();
    this.starting ??= this.start().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async start(): Promise<void> {
    if (!this.matcher) {
      const payload = await sendRequest({ type: 'getMatcher' });
      this.matcher = loadMatcher(this.settings.filter(payload.matcher));
    }
    if (this.ctx.isInvalid) return;
    const index = new MentionIndex();
    const highlighter = new Highlighter(document);
    this.settings.adoptStyles(document);
    const settings = this.settings;
    const shadowRoots: ShadowRoot[] = [];
    let keyboard: KeyboardNavigator | undefined;
    let hover: HoverController | undefined;
    const card = await CardUi.create(this.ctx, {
      fetchCard: (entityId) => sendRequest({ type: 'getCard', entityId }),
      onClosed: () => keyboard?.clearCurrent(),
      get lang() {
        return settings.current.lang;
      },
    });
    if (this.ctx.isInvalid) return;
    const scanner = new Scanner({
      doc: document,
      matcher: this.matcher,
      index,
      highlighter,
      isOwn: (node) => card.owns(node),
      onShadowRoot: (root) => shadowRoots.push(root),
      report: (names) => {
        sendRequest({ type: 'reportPage', names }).catch(log('report failed'));
      },
      onChange: () => {
        // The open card's name may have been scanned away (the page replaced it).
        const open = card.openMention;
        if (open && !index.has(open) && !open.spec.startContainer.isConnected) card.close();
      },
    });
    hover = new HoverController({
      doc: document,
      index,
      isInCard: (e) => card.contains(e),
      openMention: () => card.openMention,
      onIntent: (m) => void card.prefetch(m.entityId).catch(() => undefined),
      open: (m) => {
        card.open(m);
        hover?.notifyOpened(true);
      },
      close: () => card.close(),
      shadowRoots: () => shadowRoots,
      get dwellMs() {
        return settings.current.hoverDelayMs;
      },
    });
    keyboard = new KeyboardNavigator({
      doc: document,
      index,
      highlighter,
      open: (m) => {
        card.open(m);
        hover?.notifyOpened(false);
      },
      close: () => card.close(),
      isOpen: () => card.isOpen,
    });
    this.active = { scanner, hover, keyboard, highlighter, index, card };
    await scanner.start();
    // One line for developers and the end-to-end tests (verbose level: hidden by default).
    console.debug('[khabar] scanned', JSON.stringify({ ...scanner.stats, highlights: highlighter.supported }));
  }

  /** The reader changed the kinds to highlight: scan again with the matcher filtered anew. */
  private rescan(): void {
    if (!this.active) return;
    this.matcher = undefined;
    this.deactivate();
    this.activate().catch(log('restart failed'));
  }

  private deactivate(): void {
    if (this.starting) {
      // Switched off while starting: finish starting, then undo it.
      void this.starting.then(() => this.deactivate());
      return;
    }
    const a = this.active;
    this.active = undefined;
    if (!a) return;
    for (const step of [
      () => a.scanner.stop(),
      () => a.hover.stop(),
      () => a.keyboard.stop(),
      () => a.card.close(),
      () => a.card.remove(),
      () => a.highlighter.dispose(),
      () => a.index.clear(),
    ]) {
      try {
        step();
      } catch (error) {
        log('teardown step failed')(error);
      }
    }
    // An empty report clears this frame's names from the badge.
    sendRequest({ type: 'reportPage', names: {} }).catch(() => undefined);
  }
}
