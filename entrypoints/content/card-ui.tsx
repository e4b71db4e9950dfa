/**
 * The hover card on the page: one shadow-root host (WXT createShadowRootUi, mode open, `all:
 * initial` on the host so the page's styles do not leak in), mounted on first use as the last
 * child of <html>, outside <body>, 0×0 and position: relative, so it shifts nothing in the page's
 * layout. The card inside is position: fixed and placed next to the name with @floating-ui/dom
 * (flipping above when there is no room below, shifting to stay on screen, following scrolls).
 *
 * Card data comes from the background (getCard), cached per entity for the page's life; a fetch
 * starts as soon as the pointer settles on a name, so the data is usually there when the dwell ends.
 *
 * Where the host lives: <html> unless the page removes it from there (some pages keep <html> to
 * <head> and <body>); then <body>, watched the same way. After document.open() the host is mounted
 * in the new document's root when a card next opens.
 *
 * The first opening would pay for what is made once (the card sheet's rules, the Arabic fonts'
 * shaping, the Intl formatters' locale data): prewarm() does that in idle time after the scan.
 */
import { render, type JSX } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { cardFontPx } from '../../components/card-font.ts';
import { followName, placeNextTo } from '../../components/card-position.ts';
import { CorrectionControl, type CorrectionActions } from '../../components/CorrectionControl.tsx';
import { CardActions } from '../../components/CardActions.tsx';
import { EntityCard } from '../../components/EntityCard.tsx';
import { CARD_PREWARM_IDLE_TIMEOUT_MS, HOST_ELEMENT_NAME, HOST_REMOUNTS_MAX } from '../../lib/constants.ts';
import { countryName, formatDate, t, type UiLang } from '../../lib/i18n.ts';
import { sendRequest, type CardData } from '../../lib/messages.ts';
import type { BaseMap } from '../../core/geo/basemap.ts';
import { setPaused } from '../../lib/pause.ts';
import { sentenceAround } from '../../page/sentence.ts';
import { toLiveRange } from '../../page/collect-text.ts';
import type { PlacedMention } from '../../page/mention-index.ts';
import { pageTheme } from '../../page/theme.ts';
import { adoptShadowStyles } from './shadow-styles.ts';

/** The focused element, looking into open shadow roots (the page's own components). */
function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

type CardState =
  | { kind: 'closed' }
  | { kind: 'loading'; mention: PlacedMention }
  | { kind: 'ready'; mention: PlacedMention; data: CardData }
  | { kind: 'missing'; mention: PlacedMention };

export interface CardUiOptions {
  fetchCard: (entityId: string) => Promise<CardData | null>;
  /** The locator map's base map: asked once per page, for the first card of a place with coordinates. */
  fetchBaseMap?: () => Promise<BaseMap | null>;
  /** The card's language; a function is read at each render (a setting may change it). */
  lang?: UiLang | (() => UiLang);
  /** Told when the card closes by its own means (close button, Escape inside the card). */
  onClosed?: () => void;
  /** The reader's "not this" (issue 10 item 4): shown in the card when given. */
  corrections?: CorrectionActions;
}

export class CardUi {
  private state: CardState = { kind: 'closed' };
  private mounted = false;
  private container: HTMLElement | undefined;
  private floating: HTMLElement | null = null;
  private cleanupPosition: (() => void) | undefined;
  private theme: 'light' | 'dark' = 'light';
  /** The card's text size, from the page's text around the name (card-font.ts). */
  private fontPx = 16;
  private readonly cache = new Map<string, Promise<CardData | null>>();
  private readonly settled = new Map<string, CardData | null>();
  private baseMap: Promise<BaseMap | null> | undefined;
  private baseMapValue: BaseMap | null = null;
  private announcement = '';
  /** Counts the card's opens on a new mention: the match line (CorrectionControl) starts afresh. */
  private opens = 0;
  /** Pinned: stays open until closed (its button, Escape), whatever the pointer does. */
  private pinned = false;
  /** Where focus was before it moved into the card: it goes back there when the card closes. */
  private returnFocus: Element | null = null;
  /** A hover's open being timed: from the dwell's end to the frame that paints the card's data. */
  private timing: { mention: PlacedMention; since: number; restAt?: number; loading: boolean } | undefined;
  /** Parents that removed the host (the page's, not ours): it is not mounted there again. */
  private readonly refused = new WeakSet<Node>();
  /** Watches the host's parent, to tell when the page removes the host. */
  private hostWatch: MutationObserver | undefined;
  /** Mounts again after the page removed the host, since the card last opened (bounded). */
  private remounts = 0;
  private prewarmed = false;
  /** Taken off the page for good (the session ended): nothing mounts it again. */
  private removed = false;

  private constructor(
    private readonly ui: ShadowRootContentScriptUi<HTMLElement>,
    private readonly options: CardUiOptions,
  ) {}

  static async create(ctx: ContentScriptContext, options: CardUiOptions): Promise<CardUi> {
    let self: CardUi | undefined;
    let listening = false;
    const ui = await createShadowRootUi<HTMLElement>(ctx, {
      name: HOST_ELEMENT_NAME,
      mode: 'open',
      position: 'overlay',
      zIndex: 2147483647,
      anchor: () => self?.hostParent() ?? document.documentElement,
      append: 'last',
      // Keys typed while focus is in the card (its close button) are not the page's business.
      isolateEvents: true,
      onMount: (container) => {
        if (!listening) {
          listening = true;
          container.addEventListener('keydown', (e) => {
            if (e.key === 'Escape') self?.close(true);
          });
        }
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
    adoptShadowStyles(ui.shadow);
    self = new CardUi(ui, options);
    return self;
  }

  /** The only node the extension adds to the page. */
  get host(): HTMLElement {
    return this.ui.shadowHost;
  }

  owns(node: Node): boolean {
    const host = this.ui.shadowHost;
    return node === host || host.contains(node) || node.getRootNode() === this.ui.shadow;
  }

  /** Whether the event happened over the card (composed path through the host). */
  contains(event: Event): boolean {
    try {
      return event.composedPath().includes(this.ui.shadowHost);
    } catch {
      return false;
    }
  }

  get openMention(): PlacedMention | undefined {
    return this.state.kind === 'closed' ? undefined : this.state.mention;
  }

  get isOpen(): boolean {
    return this.state.kind !== 'closed';
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  /** Whether keyboard focus is inside the card. */
  hasFocus(): boolean {
    return this.state.kind !== 'closed' && !!this.ui.shadow.activeElement;
  }

  /**
   * Moves keyboard focus into the open card (its scroll box, so arrow keys and Page Down scroll it
   * and Tab goes on to its buttons), remembering where focus was; false when no card is open.
   */
  focus(): boolean {
    if (!this.hasFocus()) this.returnFocus = deepActiveElement(document);
    return this.focusCard();
  }

  private focusCard(): boolean {
    const card = this.floating?.querySelector<HTMLElement>('.khabar-card');
    if (!card) return false;
    card.tabIndex = -1;
    card.focus({ preventScroll: true });
    return this.hasFocus();
  }

  /** The pointer left (hover's grace ended): close, unless pinned or the keyboard is in the card. */
  closeUnlessHeld(): void {
    if (this.pinned || this.hasFocus()) return;
    this.close();
  }

  /** Shows another entity's card (a related name) in the open card's place. */
  openEntity(entityId: string): void {
    if (this.state.kind === 'closed') return;
    const m = this.state.mention;
    const known = this.settled.get(entityId);
    if (known) {
      this.show({ kind: 'ready', mention: m, data: known });
      return;
    }
    this.prefetch(entityId).then(
      (data) => {
        if (data && this.state.kind !== 'closed' && this.state.mention === m) this.show({ kind: 'ready', mention: m, data });
      },
      (error: unknown) => console.warn('[khabar] card data unavailable', error),
    );
  }

  /** Starts fetching a card's data (idempotent); failures are forgotten so a later hover retries. */
  prefetch(entityId: string): Promise<CardData | null> {
    let p = this.cache.get(entityId);
    if (!p) {
      p = this.options.fetchCard(entityId).then(
        async (data) => {
          // A place's card waits for the map, so that it opens once, whole.
          if (data?.entity.coords) await this.loadBaseMap();
          this.settled.set(entityId, data);
          return data;
        },
        (error: unknown) => {
          this.cache.delete(entityId);
          throw error;
        },
      );
      this.cache.set(entityId, p);
    }
    return p;
  }

  /** The base map, asked for once; a failure is forgotten (the card shows no map) and asked again later. */
  private loadBaseMap(): Promise<BaseMap | null> {
    const fetch = this.options.fetchBaseMap;
    if (!fetch) return Promise.resolve(null);
    return (this.baseMap ??= fetch().then(
      (map) => (this.baseMapValue = map),
      (error: unknown) => {
        this.baseMap = undefined;
        console.warn('[khabar] base map unavailable', error);
        return null;
      },
    ));
  }

  /**
   * @param since when the hover's dwell ended (performance.now()): the time until the card's data
   *   is painted goes to the console (verbose level), for the benchmark
   * @param restAt when the pointer came to rest on the name (its last move), likewise
   */
  open(m: PlacedMention, since?: number, restAt?: number): void {
    // A hover (a timed open) leaves a pinned card alone; the keyboard moves on from it.
    if (this.pinned && since !== undefined && this.state.kind !== 'closed') return;
    this.pinned = false;
    if (this.state.kind === 'closed' || this.state.mention !== m) this.opens++;
    this.timing = since === undefined ? undefined : { mention: m, since, restAt, loading: false };
    this.remounts = 0;
    this.ensureMounted();
    this.theme = pageTheme(m.spec.startContainer.parentElement);
    this.fontPx = cardFontPx(m.spec.startContainer.parentElement);
    const known = this.settled.get(m.entityId);
    if (known !== undefined) this.show(known ? { kind: 'ready', mention: m, data: known } : { kind: 'missing', mention: m });
    else {
      this.show({ kind: 'loading', mention: m });
      this.prefetch(m.entityId).then(
        (data) => {
          if (this.state.kind !== 'closed' && this.state.mention === m) {
            this.show(data ? { kind: 'ready', mention: m, data } : { kind: 'missing', mention: m });
          }
        },
        (error: unknown) => {
          console.warn('[khabar] card data unavailable', error);
          if (this.state.kind !== 'closed' && this.state.mention === m) this.show({ kind: 'missing', mention: m });
        },
      );
    }
  }

  /** @param own closed from inside the card (button, Escape there): tell the owner. */
  close(own = false): void {
    if (this.state.kind === 'closed') return;
    this.pinned = false;
    this.show({ kind: 'closed' });
    if (own) this.options.onClosed?.();
  }

  remove(): void {
    this.removed = true;
    this.cleanupPosition?.();
    this.cleanupPosition = undefined;
    this.hostWatch?.disconnect();
    this.hostWatch = undefined;
    if (this.mounted) this.ui.remove();
    this.mounted = false;
  }

  /** Where the host goes: <html>, or <body> where <html> would not keep it. */
  private hostParent(): Element {
    const html = document.documentElement;
    const body = document.body;
    return this.refused.has(html) && body && !this.refused.has(body) ? body : html;
  }

  private ensureMounted(): void {
    // Mounted on first use; mounted again if the page removed the host element.
    if (this.mounted && this.ui.shadowHost.isConnected) return;
    this.ui.mount();
    this.mounted = true;
    this.container = this.ui.mounted ?? this.ui.uiContainer;
    this.watchHost();
  }

  /**
   * Tells when the page removes the host from its parent: that parent is refused from then on, and
   * an open card is mounted again at once in the next place (the page's own observer, made before
   * ours, has run by the time ours hears of it).
   */
  private watchHost(): void {
    const parent = this.ui.shadowHost.parentNode;
    if (!parent) return;
    this.hostWatch ??= new MutationObserver((records) => {
      const host = this.ui.shadowHost;
      if (!this.mounted || host.isConnected) return;
      for (const r of records) if ([...r.removedNodes].includes(host)) this.refused.add(r.target);
      if (this.state.kind === 'closed' || this.remounts >= HOST_REMOUNTS_MAX) return;
      this.remounts++;
      try {
        this.ensureMounted();
        this.show(this.state);
        this.track(this.state.mention);
      } catch (error) {
        console.warn('[khabar] the card could not be mounted again', error);
      }
    });
    this.hostWatch.disconnect();
    this.hostWatch.observe(parent, { childList: true });
  }

  /**
   * Does in idle time what the first card's opening would otherwise do in its task: the Intl
   * formatters' locale data; the host and a card rendered once, hidden, so that the sheet's rules
   * are matched, the fonts found and the Arabic of the card's labels and coverage shaped (the first
   * layout of a card took 20 ms, later ones 8). The card is a real one, of `entityId()` (the page's
   * most mentioned name, say: its data is fetched now), the loading card when there is none. Each
   * step in an idle callback of its own; the browser lays the hidden card out in its next frame.
   * Once per page.
   */
  prewarm(entityId?: () => string | undefined): void {
    if (this.prewarmed) return;
    this.prewarmed = true;
    const lang = this.lang();
    // Each formatter in a task of its own: making the Intl.DisplayNames alone takes 15-25 ms.
    whenIdle(() => this.guard(() => void countryName('SY', lang)));
    whenIdle(() => {
      this.guard(() => void formatDate('2017-11-01', lang));
      const id = entityId?.();
      const data = id ? this.prefetch(id).catch(() => null) : Promise.resolve(null);
      void data.then((card) => whenIdle(() => this.guard(() => this.renderHidden(lang, card))));
    });
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      console.warn('[khabar] card prewarm failed', error);
    }
  }

  /** The shadow root's one tree: the floating card (if any) and the screen readers' live region. */
  private renderLayer(floating: JSX.Element | false): void {
    render(
      <div class="khabar-layer">
        {floating}
        <div class="khabar-live" aria-live="polite">
          {this.announcement}
        </div>
      </div>,
      this.container!,
    );
  }

  /** Renders a card, hidden, for one frame (unless a card opens meanwhile, which takes its place). */
  private renderHidden(lang: UiLang, data: CardData | null): void {
    if (this.state.kind !== 'closed' || this.removed) return;
    this.ensureMounted();
    if (!this.container) return;
    this.renderLayer(
      <div class="khabar-floating" style={{ visibility: 'hidden' }} aria-hidden="true">
        {data ? (
          <EntityCard {...data} lang={lang} theme={this.theme} baseMap={this.baseMapValue} onClose={() => undefined} />
        ) : (
          <section class="khabar-card" data-theme={this.theme} dir="rtl" lang={lang}>
            <p class="kc-status">{t('loading', lang)}</p>
          </section>
        )}
      </div>,
    );
    // Taken away once the frame that lays it out has run.
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (this.state.kind === 'closed') this.guard(() => this.show(this.state));
      }, 0),
    );
  }

  private lang(): UiLang {
    const option = this.options.lang;
    return (typeof option === 'function' ? option() : option) ?? 'ar';
  }

  private show(state: CardState): void {
    const previous = this.state;
    this.state = state;
    if (state.kind === 'ready' && (previous.kind !== 'ready' || previous.data !== state.data)) {
      this.announcement = state.data.entity.name;
    }
    if (!this.container) return;
    const hadFocus = !!this.ui.shadow.activeElement;
    const lang = this.lang();
    this.renderLayer(
      state.kind !== 'closed' && (
        <div class="khabar-floating" style={{ '--kc-font': `${this.fontPx}px` }} ref={(el) => {
            this.floating = el;
          }}>
          {state.kind === 'ready' ? (
            <EntityCard
              {...state.data}
              lang={lang}
              theme={this.theme}
              baseMap={this.baseMapValue}
              onClose={() => this.close(true)}
              onOpenRelated={(id) => this.openEntity(id)}
              matchNote={
                <CorrectionControl
                  key={this.opens}
                  mention={state.mention}
                  entityName={state.data.entity.name}
                  lang={lang}
                  actions={this.options.corrections}
                />
              }
            >
              {this.actions(state.mention, state.data, lang)}
            </EntityCard>
          ) : (
            <section class="khabar-card" data-theme={this.theme} dir="rtl" lang={lang} role="dialog" aria-label={state.mention.text}>
              <p class="kc-status">{t(state.kind === 'loading' ? 'loading' : 'notFound', lang)}</p>
            </section>
          )}
        </div>
      ),
    );
    this.reportTiming(state);
    if (hadFocus) {
      if (state.kind !== 'closed' && !this.ui.shadow.activeElement) this.focusCard();
      if (state.kind === 'closed') this.restoreFocus();
    }
    if (state.kind === 'closed') {
      this.cleanupPosition?.();
      this.cleanupPosition = undefined;
      this.floating = null;
      return;
    }
    if (previous.kind === 'closed' || previous.mention !== state.mention || !this.cleanupPosition) {
      this.track(state.mention);
    }
  }

  /** Focus back where it was before it moved into the card (the card just closed). */
  private restoreFocus(): void {
    const back = this.returnFocus;
    this.returnFocus = null;
    try {
      if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
    } catch {
      // The element cannot take focus any more: focus stays on the page.
    }
  }

  /** The card's action row (components/CardActions.tsx). */
  private actions(m: PlacedMention, data: CardData, lang: UiLang) {
    let sentence = '';
    try {
      sentence = sentenceAround(m.spec.startContainer, m.spec.startOffset, m.text.length);
    } catch {
      // A name whose text changed under it: no sentence to copy.
    }
    const articleId = data.coverage?.articles.find((a) => data.articles[a.articleId])?.articleId;
    const fail = (what: string) => (error: unknown) => console.warn(`[khabar] ${what} failed`, error);
    return (
      <CardActions
        lang={lang}
        pinned={this.pinned}
        name={data.entity.name}
        {...(sentence ? { sentence } : {})}
        {...(articleId ? { articleId } : {})}
        onPin={() => {
          this.pinned = !this.pinned;
          this.show(this.state);
        }}
        copy={(text) => navigator.clipboard.writeText(text)}
        onOpenSource={(id) => void sendRequest({ type: 'openSource', articleId: id }).catch(fail('opening the source'))}
        onSiteOff={() => void sendRequest({ type: 'switchOffHere' }).catch(fail('switching the site off'))}
        onPause={() => void setPaused(true).catch(fail('pausing'))}
        onSettings={() => void sendRequest({ type: 'openOptions' }).catch(fail('opening the settings'))}
      />
    );
  }

  /** Logs how long the timed open took: to the render, and to the next frame (which paints it). */
  private reportTiming(state: CardState): void {
    const timing = this.timing;
    if (!timing) return;
    if (state.kind === 'closed' || state.mention !== timing.mention) {
      this.timing = undefined;
      return;
    }
    if (state.kind === 'loading') {
      timing.loading = true;
      return;
    }
    this.timing = undefined;
    const renderMs = performance.now() - timing.since;
    requestAnimationFrame(() => {
      const now = performance.now();
      const frameMs = now - timing.since;
      const sinceRestMs = timing.restAt === undefined ? null : now - timing.restAt;
      console.debug('[khabar] card', JSON.stringify({ state: state.kind, loading: timing.loading, renderMs, frameMs, sinceRestMs }));
    });
  }

  /** Keeps the card next to the name through scrolls and resizes until it closes. */
  private track(m: PlacedMention): void {
    this.cleanupPosition?.();
    this.cleanupPosition = undefined;
    const floating = this.floating;
    if (!floating) return;
    const range = toLiveRange(m.spec);
    const reference = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: m.spec.startContainer.parentElement ?? undefined,
    };
    // Placed once the browser has laid the new card out in its frame, not in this task: forcing
    // that layout here made the first card's opening one task of 40-60 ms. A ResizeObserver's
    // first call comes after the frame's layout, before its paint: the card, hidden until placed,
    // is placed there (layout is clean: measuring is cheap) and shows in the frame that renders
    // it. Following scrolls and resizes (autoUpdate, whose own observers must not start inside
    // an observer's call: the browser would report a ResizeObserver loop to the page) starts in
    // the next task. A tab that renders no frames places the card when it renders one again.
    floating.style.visibility = 'hidden';
    let stop: (() => void) | undefined;
    let follow: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      if (done) return;
      void placeNextTo(reference, floating).then(() => {
        if (done) return;
        floating.style.visibility = '';
        follow = setTimeout(() => {
          if (!done) stop = followName(reference, floating);
        }, 0);
      });
    });
    observer.observe(floating);
    this.cleanupPosition = () => {
      done = true;
      observer.disconnect();
      clearTimeout(follow);
      stop?.();
    };
  }
}

/** Runs `fn` when the page is idle (within CARD_PREWARM_IDLE_TIMEOUT_MS at the latest). */
function whenIdle(fn: () => void): void {
  const w = window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
  if (typeof w.requestIdleCallback === 'function') w.requestIdleCallback(fn, { timeout: CARD_PREWARM_IDLE_TIMEOUT_MS });
  else setTimeout(fn, 0);
}
