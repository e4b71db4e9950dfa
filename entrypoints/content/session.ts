/**
 * One page's session of the content script (from document_end): waits for the page to read as
 * Arabic, reads the settings and the site switch (startup.ts: one storage read, no round trip to
 * the service worker), then runs the scanner, hover, keyboard and card while the site is switched
 * on, following the switch and the hidden kinds live. Kept out of the entrypoint module because WXT
 * imports that module at build time to read its options, and only code inside main() is dropped
 * for that.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadMatcher, type Matcher, type SerializedMatcher } from '../../core/match/automaton.ts';
import type { EntityKind } from '../../core/types.ts';
import { FIRST_FRAME_WAIT_MS, HOST_ELEMENT_NAME, LANGUAGE_RECHECK_MS, LARGE_DOCUMENT_ELEMENTS } from '../../lib/constants.ts';
import { sendRequest, type PageNames } from '../../lib/messages.ts';
import { asEvent } from '../../lib/messages/events.ts';
import { withoutKinds } from '../../lib/settings.ts';
import { Highlighter } from '../../page/highlighter.ts';
import { HoverController } from '../../page/hover.ts';
import { KeyboardNavigator } from '../../page/keyboard.ts';
import { listenTabIntoCard } from '../../page/card-keys.ts';
import { FirstMentionFilter } from '../../page/first-mention.ts';
import { watchSettings } from '../../lib/settings.ts';
import { watchPaused } from '../../lib/pause.ts';
import { answerCommands, type CommandTarget } from './commands.ts';
import { detectPageLanguage, isArabicLangTag } from '../../page/language.ts';
import { MentionIndex } from '../../page/mention-index.ts';
import { Scanner, yieldToPage } from '../../page/scanner.ts';
import { isInExtensionHost } from './card-host.ts';
import { CardUi } from './card-ui.tsx';
import { PageCorrections } from './corrections.ts';
import { scriptStartAt, takeEarlyRead } from './early-read.ts';
import { answerExtensionPages, PageSettings } from './extension-pages.ts';
import { ShadowRootList } from './shadow-roots.ts';
import { watchRootReplaced } from '../../page/document-watch.ts';
import {
  INITIAL_SESSION_STATE,
  isWanted,
  nextSessionState,
  startStillWanted,
  type SessionEvent,
  type SessionState,
} from '../../page/session-state.ts';
import { matcherOf, parseStartup, readStartup, siteEnabled, type Startup } from './startup.ts';
import { watchMatcherSnapshot } from './matcher-watch.ts';

function log(what: string): (error: unknown) => void {
  return (error) => console.warn(`[khabar] ${what}`, error);
}

/**
 * The host the page is on. A frame the page made without a URL of its own (about:blank filled by
 * script, srcdoc) has no hostname, but its creator's origin: it is that page's, switched with it.
 */
function pageHost(): string {
  if (location.hostname) return location.hostname;
  try {
    return self.origin && self.origin !== 'null' ? new URL(self.origin).hostname : '';
  } catch {
    return '';
  }
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
    // The document, not its <html>: a frame its parent writes (document.open/write) gets a new one.
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => finish(false));
  });
}

/** An automaton with the hidden kinds it was filtered by (joined), and how long it took to build. */
interface BuiltMatcher {
  kinds: string;
  matcher: Matcher;
  ms: number;
}

interface Active {
  scanner: Scanner;
  hover: HoverController;
  keyboard: KeyboardNavigator;
  highlighter: Highlighter;
  index: MentionIndex;
  card: CardUi;
  shadowRoots: ShadowRootList;
  /** Stops Tab from moving into the card (page/card-keys.ts). */
  stopCardKeys: () => void;
  /** The hidden kinds this scan's matcher was filtered by (joined). */
  kinds: string;
}

/**
 * The automaton for `startup`'s matcher without the `hidden` kinds. A snapshot that does not load
 * (a copy overwritten with junk) is replaced by the background's answer.
 */
async function buildMatcher(startup: Startup, hidden: readonly EntityKind[]): Promise<BuiltMatcher> {
  const build = (source: SerializedMatcher): BuiltMatcher => {
    const t = performance.now();
    const matcher = loadMatcher(withoutKinds(source, hidden));
    return { kinds: hidden.join(), matcher, ms: performance.now() - t };
  };
  const source = await matcherOf(startup);
  try {
    return build(source);
  } catch (error) {
    if (!startup.matcher) throw error;
    log('the stored matcher does not load; asking the background')(error);
    return build((await sendRequest({ type: 'getMatcher' })).matcher);
  }
}

/** The entity with most mentions on the page, if any. */
function mostMentioned(index: MentionIndex): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [id, n] of Object.entries(index.counts())) if (n > most) [best, most] = [id, n];
  return best;
}

export class PageSession {
  /** The last automaton built (kept for a restart with the same hidden kinds). */
  private matcher: BuiltMatcher | undefined;
  /** The running session's parts; there while `state.run` is running (and while a start hands over). */
  private active: Active | undefined;
  /**
   * What is asked for (site switch, pause, kinds) and what runs (page/session-state.ts): changed
   * only by `dispatch`, whose effects start and tear down, however quickly events follow each other.
   */
  private state: SessionState = INITIAL_SESSION_STATE;
  /** The start under way (a 'start' effect), for whoever waits for the session to settle. */
  private starting: Promise<void> | undefined;
  /** Live switch announcements seen: a slower read of the switch must not undo a newer one. */
  private switchEvents = 0;
  private host = '';
  /** The reader's settings (issue 4: kinds, styles, language, hover delay), followed live. */
  private readonly settings = new PageSettings();
  /** The reader's "not this" corrections (issue 10 item 4): the scan's filter, followed live. */
  private readonly corrections = new PageCorrections(() => this.matcher?.matcher);

  constructor(private readonly ctx: ContentScriptContext) {
    // The popup's and side panel's questions (pageInfo, reveal): answered on every page.
    ctx.onInvalidated(answerExtensionPages(() => this.active));
    // The keyboard commands (lib/commands.ts), forwarded by the background.
    ctx.onInvalidated(
      answerCommands(() => {
        const target = (): CommandTarget | undefined => {
          const a = this.active;
          return a && { step: (dir) => a.keyboard.step(dir), focusCard: () => a.card.focus() };
        };
        // A command during a start (the page just switched on, or resumed) is for the session it
        // brings: answered once that runs, not refused.
        return this.active || this.state.run.kind !== 'starting' ? target() : this.settled().then(target);
      }),
    );
  }

  /** When the content script started on this page (performance.now()), for the benchmark. */
  private readonly bootAt = performance.now();
  /** When each step of the way to the first scan finished (performance.now()), for the benchmark. */
  private readonly steps: Record<string, number> = {};
  private step(name: string): void {
    this.steps[name] ??= Math.round(performance.now() * 10) / 10;
  }

  /** The matcher built while the page was still loading (see boot), for the first start. */
  private early: Promise<BuiltMatcher> | undefined;
  /** What was just read (boot, on a page that turned Arabic later; restored): for the start it brings about. */
  private firstStartup: Startup | undefined;
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

  private kindsKey(): string {
    return this.settings.current.hiddenKinds.join();
  }

  /**
   * Runs at document_end (DOMContentLoaded). A page that declares itself Arabic (`<html lang="ar">`)
   * reads the settings and the background's snapshot (matcher, switched-off hosts) at once, and
   * builds the automaton as soon as they arrive. Other pages (most of the web) cost nothing until
   * their text says they are Arabic.
   */
  async boot(): Promise<void> {
    const host = (this.host = pageHost());
    const declared = isArabicLangTag(document.documentElement?.getAttribute('lang'));
    const early = takeEarlyRead();
    const startup = declared
      ? (early ? early.then((stored) => parseStartup(stored, host)) : readStartup(host)).finally(() => this.step('startup'))
      : undefined;
    if (declared) {
      // The highlight styles go on early, in a task of their own (added later, a sheet of
      // ::highlight() rules restyles every element of the page once more), but only where the
      // snapshot says the site is on: a site that may be switched off gets nothing of ours (no
      // highlight registered, no sheet adopted) until the background has answered.
      void startup!
        .then(async (s) => {
          if (s.enabled !== true || s.paused) return;
          await yieldToPage();
          if (this.active || this.starting || this.earlyDropped || this.ctx.isInvalid) return;
          this.settings.use(s.settings);
          this.earlyHighlighter = new Highlighter(document);
          this.settings.adoptStyles(document);
        })
        .catch(log('early highlight styles failed'));
      this.ctx.onInvalidated(() => this.dropEarlyHighlighter());
      this.early = startup!.then((s) => buildMatcher(s, s.settings.hiddenKinds)).finally(() => this.step('matcherBuilt'));
      // Used (and its failure reported) by start(); never an unhandled rejection meanwhile.
      this.early.catch(() => undefined);
    }
    await domContentLoaded();
    this.step('domContentLoaded');
    if (!(await waitForArabic(this.ctx)) || this.ctx.isInvalid) {
      this.dropEarlyHighlighter();
      return;
    }
    const settings = await (startup ?? readStartup(host));
    this.corrections.start(host, settings.corrections);
    this.settings.use(settings.settings);
    void this.dispatch({ type: 'kinds', kinds: this.kindsKey() });
    if (settings.matcherVersion !== undefined) void this.dispatch({ type: 'matcher', version: settings.matcherVersion });
    void this.dispatch({ type: 'paused', paused: settings.paused });
    this.ctx.onInvalidated(watchPaused((paused) => void this.dispatch({ type: 'paused', paused })));
    if (!declared) this.firstStartup = settings;
    this.ctx.onInvalidated(this.settings.watch(() => void this.dispatch({ type: 'kinds', kinds: this.kindsKey() })));
    this.ctx.onInvalidated(this.corrections.watch(() => this.active, (names) => this.report(names)));
    // A name the reader added, edited or deleted: a new matcher in the snapshot, scanned with at once.
    this.ctx.onInvalidated(
      watchMatcherSnapshot((version) => {
        if (version === this.state.wants.matcher) return;
        // What was built or read before is the old matcher: the restart reads the new one.
        this.matcher = undefined;
        this.early = undefined;
        this.firstStartup = undefined;
        void this.dispatch({ type: 'matcher', version });
      }),
    );
    // The reader's per-site switch, live: the background announces changes to every tab.
    const onMessage = (message: unknown) => {
      try {
        const event = asEvent(message, 'siteEnabledChanged');
        if (event && event.host === host) {
          this.switchEvents++;
          void this.dispatch({ type: 'site', on: event.enabled });
        }
      } catch (error) {
        log('message handling failed')(error);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    // Back from the back/forward cache: the page heard nothing while it was there.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted && event.isTrusted) this.restored().catch(log('restoring the page failed'));
    };
    window.addEventListener('pageshow', onPageShow);
    // document.open()/write() replaced the page: its listeners (ours on window too) are gone and
    // the running session's ranges point into the old tree; the state machine restarts it.
    const replaced = new AbortController();
    watchRootReplaced(
      document,
      () => {
        window.addEventListener('pageshow', onPageShow);
        void this.dispatch({ type: 'pageReplaced' });
      },
      replaced.signal,
    );
    this.ctx.onInvalidated(() => {
      replaced.abort();
      browser.runtime.onMessage.removeListener(onMessage);
      window.removeEventListener('pageshow', onPageShow);
      void this.dispatch({ type: 'invalidated' });
    });
    const seen = this.switchEvents;
    const enabled = await siteEnabled(settings, host);
    this.step('siteEnabled');
    if (this.switchEvents !== seen || this.ctx.isInvalid) return;
    await this.dispatch({ type: 'site', on: enabled });
  }

  /** Moves the state machine (page/session-state.ts) and carries out its effects; resolves once settled. */
  private dispatch(event: SessionEvent): Promise<void> {
    const { state, effects } = nextSessionState(this.state, event);
    this.state = state;
    for (const effect of effects) {
      if (effect.type === 'teardown') this.teardown();
      else if (effect.type === 'dropEarly') this.dropEarlyHighlighter();
      else this.begin(effect.kinds);
    }
    return this.settled();
  }

  /** Resolves when no start is under way (one start may lead to another: a restart). */
  private settled(): Promise<void> {
    const starting = this.starting;
    return starting ? starting.then(() => this.settled()) : Promise.resolve();
  }

  /** The 'start' effect: a start whose end is reported back to the state machine. */
  private begin(kinds: string): void {
    let failed = false;
    const starting: Promise<void> = this.start(kinds)
      .catch((error: unknown) => {
        failed = true;
        log('activation failed')(error);
      })
      .finally(() => {
        if (this.starting === starting) this.starting = undefined;
        // One that reached a running session said so itself ('started'); this one did not.
        const run = this.state.run;
        if (run.kind === 'starting' && run.kinds === kinds) void this.dispatch({ type: 'startEnded', failed });
      });
    this.starting = starting;
  }

  /** Whether a start should give up: switched off, paused, the kinds changed, the page replaced, or the extension went away. */
  private abandoned(kinds: string): boolean {
    return this.ctx.isInvalid || !startStillWanted(this.state, kinds);
  }

  private async start(kinds: string): Promise<void> {
    const startAt = performance.now();
    const settings = this.settings;
    let keyboard: KeyboardNavigator | undefined;
    let hover: HoverController | undefined;
    // The card's UI (its styles come by a fetch) is made while the matcher is built.
    const cardReady = CardUi.create(this.ctx, {
      fetchCard: (entityId) => sendRequest({ type: 'getCard', entityId }),
      fetchBaseMap: () => sendRequest({ type: 'getBaseMap' }),
      onClosed: () => keyboard?.clearCurrent(),
      corrections: this.corrections,
      get lang() {
        return settings.current.lang;
      },
    });
    cardReady.catch(() => undefined);
    const giveUp = (highlighter?: Highlighter) => {
      highlighter?.dispose();
      if (!isWanted(this.state.wants) || this.ctx.isInvalid) this.dropEarlyHighlighter();
      void cardReady.then((c) => c.remove(), () => undefined);
    };
    const early = this.early;
    this.early = undefined;
    if (this.matcher?.kinds !== kinds) this.matcher = undefined;
    let matcherMs = 0;
    if (!this.matcher && early) {
      const built = await early.catch(() => undefined);
      if (built?.kinds === kinds) this.matcher = built;
    }
    if (!this.matcher) {
      const startup = this.firstStartup ?? (await readStartup(this.host));
      this.firstStartup = undefined;
      this.matcher = await buildMatcher(startup, settings.current.hiddenKinds);
      if (this.matcher.kinds !== kinds) this.matcher = undefined;
    }
    this.step('matcher');
    if (!this.matcher || this.abandoned(kinds)) return giveUp();
    matcherMs = this.matcher.ms;
    const index = new MentionIndex();
    const highlighter = this.earlyHighlighter ?? new Highlighter(document);
    this.earlyHighlighter = undefined;
    this.settings.adoptStyles(document);
    // The page restyles itself for the sheets just adopted in its own next frame, not inside our
    // first slice (on a small page that is a millisecond, and the scan starts at once).
    if (isLargeDocument()) {
      await afterNextFrame();
      if (this.abandoned(kinds)) return giveUp(highlighter);
    }
    const shadowRoots = new ShadowRootList();
    // The scan starts now; the card's UI joins when it is ready (its host element is only added
    // to the page when a card first opens, so until then no node of the page is ours).
    let card: CardUi | undefined;
    const firstOnly = new FirstMentionFilter(index, highlighter);
    const scanner = new Scanner({
      doc: document,
      matcher: this.matcher.matcher,
      index,
      highlighter,
      isOwn: (node) => (card?.owns(node) ?? false) || isInExtensionHost(node, HOST_ELEMENT_NAME),
      onShadowRoot: (root) => shadowRoots.add(root),
      accept: this.corrections.accepts,
      report: (names) => this.report(names),
      onChange: () => {
        // The open card's name may have been scanned away (the page replaced it).
        const open = card?.openMention;
        if (open && !index.has(open) && !open.spec.startContainer.isConnected) card!.close();
        firstOnly.apply(settings.current.firstMentionOnly);
      },
    });
    // The scan's first slice in a task of its own, not after the matcher's build in this one.
    await yieldToPage();
    if (this.abandoned(kinds)) return giveUp(highlighter);
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
      card?.remove();
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
      close: () => ui.closeUnlessHeld(),
      shadowRoots: () => shadowRoots.live(),
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
    // Active from here: a switch off from now on tears it down at once (the scan stops).
    // The first-mention-only option, live (each scan pass applies it too: onChange above).
    const stopFirstOnly = watchSettings((s) => firstOnly.apply(s.firstMentionOnly));
    // A change made while the card's UI was still coming (the scan already ran and applied the old
    // value) reached no listener of this: apply what the settings say now.
    firstOnly.apply(settings.current.firstMentionOnly);
    const cardKeys = listenTabIntoCard(document, {
      isOpen: () => ui.isOpen,
      hasFocus: () => ui.hasFocus(),
      focus: () => ui.focus(),
    });
    const stopCardKeys = () => {
      cardKeys();
      stopFirstOnly();
    };
    this.active = { scanner, hover, keyboard, highlighter, index, card: ui, shadowRoots, stopCardKeys, kinds };
    // Running from here: the state machine tears it down at once if it is no longer what is asked for.
    void this.dispatch({ type: 'started', kinds });
    await scanned;
    // The first card's one-time costs, in idle time now that the page is scanned.
    if (this.active?.card === ui) ui.prewarm(() => mostMentioned(index));
    // One line for developers, the end-to-end tests and the benchmark (verbose level: hidden by
    // default). Times are performance.now() of this document (the page's own clock too).
    console.debug(
      '[khabar] scanned',
      JSON.stringify({
        ...scanner.stats,
        highlights: highlighter.supported,
        scriptAt: scriptStartAt,
        bootAt: this.bootAt,
        startAt,
        scanAt,
        doneAt,
        matcherMs,
        steps: this.steps,
      }),
    );
  }

  private report(names: PageNames): void {
    sendRequest({ type: 'reportPage', names }).catch(log('report failed'));
  }

  /**
   * Back from the back/forward cache: the switch and the settings may have changed meanwhile (no
   * announcement reaches a cached page), and the background forgot the tab's names when the tab
   * navigated away, so the badge needs them again.
   */
  private async restored(): Promise<void> {
    const seen = this.switchEvents;
    const corrections = this.corrections.readToken;
    const startup = await readStartup(this.host);
    this.settings.apply(startup.settings);
    this.corrections.refresh(startup.corrections, corrections, this.active, (names) => this.report(names));
    const enabled = await siteEnabled(startup, this.host);
    const before = this.active;
    // A start this brings about uses what was just read rather than reading it again.
    this.firstStartup = startup;
    try {
      // A name added while the page was in the cache: scanned again with the new matcher.
      if (startup.matcherVersion !== undefined && startup.matcherVersion !== this.state.wants.matcher) {
        this.matcher = undefined;
        void this.dispatch({ type: 'matcher', version: startup.matcherVersion });
      }
      void this.dispatch({ type: 'paused', paused: startup.paused });
      if (this.switchEvents === seen) void this.dispatch({ type: 'site', on: enabled });
      await this.settled();
    } finally {
      this.firstStartup = undefined;
    }
    // A session that restarted reports by itself; one that carried on must say its names again.
    if (this.active && this.active === before) this.report(this.active.index.counts());
  }

  private teardown(): void {
    const a = this.active;
    this.active = undefined;
    if (!a) return;
    for (const step of [
      () => a.scanner.stop(),
      () => a.hover.stop(),
      () => a.keyboard.stop(),
      () => a.stopCardKeys(),
      () => a.card.close(),
      () => a.card.remove(),
      () => a.highlighter.dispose(),
      () => a.index.clear(),
      () => a.shadowRoots.clear(),
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
