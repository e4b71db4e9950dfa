/**
 * One page's session of the content script (from document_end): waits for the page to read as
 * Arabic, asks whether the site is switched on, then runs the scanner, hover, keyboard and card
 * until the site is switched off or the extension reloads. Kept out of the entrypoint module
 * because WXT imports that module at build time to read its options, and only code inside main()
 * is dropped for that.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadMatcher, type Matcher } from '../../core/match/automaton.ts';
import { FIRST_FRAME_WAIT_MS, LANGUAGE_RECHECK_MS, LARGE_DOCUMENT_ELEMENTS } from '../../lib/constants.ts';
import { sendRequest, type BackgroundEvent } from '../../lib/messages.ts';
import { Highlighter } from '../../page/highlighter.ts';
import { HoverController } from '../../page/hover.ts';
import { KeyboardNavigator } from '../../page/keyboard.ts';
import { detectPageLanguage, isArabicLangTag } from '../../page/language.ts';
import { MentionIndex } from '../../page/mention-index.ts';
import { Scanner } from '../../page/scanner.ts';
import { CardUi } from './card-ui.tsx';
import { answerExtensionPages, PageSettings } from './extension-pages.ts';

function log(what: string): (error: unknown) => void {
  return (error) => console.warn(`[khabar] ${what}`, error);
}

/** A new task: scheduler.yield where the browser has it. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves at DOMContentLoaded (at once when it is past). */
function domContentLoaded(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * Whether restyling the whole document is a long task: our highlight styles, once adopted,
 * restyle every element, and our first computed style would force that inside our first slice.
 */
function isLargeDocument(): boolean {
  return document.getElementsByTagName('*').length > LARGE_DOCUMENT_ELEMENTS;
}

/**
 * Resolves after the page's next frame (its style, layout and paint), or after
 * FIRST_FRAME_WAIT_MS in a tab that renders no frames (in the background).
 */
function afterNextFrame(): Promise<void> {
  return new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, FIRST_FRAME_WAIT_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
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

  /** When the content script started on this page (performance.now()), for the benchmark. */
  private readonly bootAt = performance.now();
  /** When each step of the way to the first scan finished (performance.now()), for the benchmark. */
  private readonly steps: Record<string, number> = {};
  private step(name: string): void {
    this.steps[name] ??= Math.round(performance.now() * 10) / 10;
  }

  /**
   * The matcher asked for while the page was still loading (see boot), built with the hidden
   * kinds it was filtered by; used by the first start if those still apply.
   */
  private early: Promise<{ hiddenKinds: string; matcher: Matcher; ms: number }> | undefined;
  /** The highlighter made in boot (see there), for the first start to take over. */
  private earlyHighlighter: Highlighter | undefined;

  private earlyDropped = false;

  /** The site is off (or the extension went away) before the first start: nothing of ours stays. */
  private dropEarlyHighlighter(): void {
    this.earlyDropped = true;
    const h = this.earlyHighlighter;
    this.earlyHighlighter = undefined;
    if (!h) return;
    h.dispose();
    if (!this.active && !this.starting) this.settings.removeStyles(document);
  }

  /**
   * Runs at document_end (DOMContentLoaded). A page that declares itself Arabic (`<html lang="ar">`)
   * gets everything the scan needs asked for at once — settings, the site switch, the matcher,
   * built as soon as it arrives — rather than one round trip to the background after another.
   * Other pages (most of the web) cost nothing until their text says they are Arabic: they wake
   * no service worker.
   */
  async boot(): Promise<void> {
    const host = location.hostname;
    const declared = isArabicLangTag(document.documentElement?.getAttribute('lang'));
    const settingsLoaded = declared ? this.settings.load().finally(() => this.step('settings')) : undefined;
    const siteEnabled = declared ? sendRequest({ type: 'getSiteEnabled', host }).finally(() => this.step('siteEnabled')) : undefined;
    if (declared) {
      // The highlight styles go on early, usually before the page's first style resolution: added
      // later, a sheet of ::highlight() rules restyles every element of the page once more. In a
      // task of their own, to keep this first one (the script's evaluation) short.
      void yieldToPage().then(() => {
        if (this.active || this.starting || this.earlyDropped || this.ctx.isInvalid) return;
        try {
          this.earlyHighlighter = new Highlighter(document);
          this.settings.adoptStyles(document);
        } catch (error) {
          log('early highlight styles failed')(error);
        }
      });
      this.ctx.onInvalidated(() => this.dropEarlyHighlighter());
      this.early = sendRequest({ type: 'getMatcher' }).then(async (payload) => {
        this.step('matcherPayload');
        await settingsLoaded;
        const t = performance.now();
        const matcher = loadMatcher(this.settings.filter(payload.matcher));
        return { hiddenKinds: this.settings.current.hiddenKinds.join(), matcher, ms: performance.now() - t };
      });
      // Used (and its failure reported) by start(); never an unhandled rejection meanwhile.
      this.early.catch(() => undefined);
      siteEnabled!.catch(() => undefined);
    }
    await domContentLoaded();
    this.step('domContentLoaded');
    if (!(await waitForArabic(this.ctx))) return;
    if (this.ctx.isInvalid) return;
    await (settingsLoaded ?? this.settings.load());
    this.ctx.onInvalidated(this.settings.watch(() => this.rescan()));
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
    const { enabled } = await (siteEnabled ?? sendRequest({ type: 'getSiteEnabled', host }));
    if (enabled) await this.activate();
    else this.dropEarlyHighlighter();
  }

  private activate(): Promise<void> {
    if (this.active) return Promise.resolve();
    this.starting ??= this.start().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async start(): Promise<void> {
    const startAt = performance.now();
    const settings = this.settings;
    let keyboard: KeyboardNavigator | undefined;
    let hover: HoverController | undefined;
    // The card's UI (its styles come by a fetch) is made while the matcher comes.
    const cardReady = CardUi.create(this.ctx, {
      fetchCard: (entityId) => sendRequest({ type: 'getCard', entityId }),
      onClosed: () => keyboard?.clearCurrent(),
      get lang() {
        return settings.current.lang;
      },
    });
    cardReady.catch(() => undefined);
    let matcherMs = 0;
    const early = this.early;
    this.early = undefined;
    if (!this.matcher && early) {
      const built = await early.catch(() => undefined);
      if (built && built.hiddenKinds === this.settings.current.hiddenKinds.join()) {
        this.matcher = built.matcher;
        matcherMs = built.ms;
      }
    }
    if (!this.matcher) {
      const payload = await sendRequest({ type: 'getMatcher' });
      const t = performance.now();
      this.matcher = loadMatcher(this.settings.filter(payload.matcher));
      matcherMs = performance.now() - t;
    }
    this.step('matcher');
    if (this.ctx.isInvalid) return;
    const index = new MentionIndex();
    const highlighter = this.earlyHighlighter ?? new Highlighter(document);
    this.earlyHighlighter = undefined;
    this.settings.adoptStyles(document);
    // The page restyles itself for the sheets just adopted in its own next frame, not inside our
    // first slice (on a small page that is a millisecond, and the scan starts at once).
    if (isLargeDocument()) {
      await afterNextFrame();
      if (this.ctx.isInvalid) {
        highlighter.dispose();
        return;
      }
    }
    const shadowRoots: ShadowRoot[] = [];
    // The scan starts now; the card's UI joins when it is ready (its host element is only added
    // to the page when a card first opens, so until then no node of the page is ours).
    let card: CardUi | undefined;
    const scanner = new Scanner({
      doc: document,
      matcher: this.matcher,
      index,
      highlighter,
      isOwn: (node) => card?.owns(node) ?? false,
      onShadowRoot: (root) => shadowRoots.push(root),
      report: (names) => {
        sendRequest({ type: 'reportPage', names }).catch(log('report failed'));
      },
      onChange: () => {
        // The open card's name may have been scanned away (the page replaced it).
        const open = card?.openMention;
        if (open && !index.has(open) && !open.spec.startContainer.isConnected) card!.close();
      },
    });
    // The scan's first slice in a task of its own, not after the matcher's build in this one.
    await yieldToPage();
    if (this.ctx.isInvalid) {
      highlighter.dispose();
      return;
    }
    const scanAt = performance.now();
    let doneAt = 0;
    const scanned = scanner.start().then(() => {
      doneAt = performance.now();
    });
    try {
      card = await cardReady;
      if (this.ctx.isInvalid) throw new Error('the extension was reloaded');
    } catch (error) {
      scanner.stop();
      highlighter.dispose();
      index.clear();
      if (this.ctx.isInvalid) return;
      throw error;
    }
    this.step('cardUi');
    const ui = card;
    hover = new HoverController({
      doc: document,
      index,
      isInCard: (e) => ui.contains(e),
      openMention: () => ui.openMention,
      onIntent: (m) => void ui.prefetch(m.entityId).catch(() => undefined),
      open: (m) => {
        ui.open(m, performance.now(), hover?.lastMoveAt);
        hover?.notifyOpened(true);
      },
      close: () => ui.close(),
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
        ui.open(m);
        hover?.notifyOpened(false);
      },
      close: () => ui.close(),
      isOpen: () => ui.isOpen,
    });
    this.active = { scanner, hover, keyboard, highlighter, index, card: ui };
    await scanned;
    // One line for developers, the end-to-end tests and the benchmark (verbose level: hidden by
    // default). Times are performance.now() of this document (the page's own clock too).
    console.debug(
      '[khabar] scanned',
      JSON.stringify({
        ...scanner.stats,
        highlights: highlighter.supported,
        bootAt: this.bootAt,
        startAt,
        scanAt,
        doneAt,
        matcherMs,
        steps: this.steps,
      }),
    );
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
