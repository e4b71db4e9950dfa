/**
 * The reader's settings: interface language, which kinds of names are highlighted, how each
 * category is painted, and how long the pointer rests on a name before its card opens.
 *
 * Stored in browser.storage.local under one key, `settings`, not in the IndexedDB settings table:
 * content scripts run in the page's origin and cannot open the extension's database, but they can
 * read extension storage, and storage.onChanged reaches every context (content scripts, popup, side
 * panel, options) without the background relaying anything. That is how a change made in the
 * options page applies live on open pages. The per-site switch is not here: it lives in the
 * database's `sites` table behind getSiteEnabled/setSiteEnabled (lib/messages.ts), and content
 * scripts read the background's copy of it (lib/page-snapshot.ts) in the same storage read as this.
 *
 * Whatever is stored is read through `parseSettings`, which keeps only valid values and fills the
 * rest from the defaults, so a setting written by an older or newer version never breaks a page.
 */
import { browser } from 'wxt/browser';
import type { SerializedMatcher } from '../core/match/automaton.ts';
import { ENTITY_KINDS, type Category, type EntityKind } from '../core/types.ts';
import { HOVER_DWELL_MS } from './constants.ts';
import { SETTINGS_KEY } from './storage-keys.ts';
import type { UiLang } from './i18n.ts';

export type HighlightStyle = 'both' | 'underline' | 'background' | 'off';
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['both', 'underline', 'background', 'off'];
export const CATEGORIES: readonly Category[] = ['place', 'group', 'person', 'outlet'];

export interface Settings {
  lang: UiLang;
  /** Kinds whose names are neither highlighted nor hoverable. Stored as the exceptions, so that a
   * kind added in a later version is highlighted by default. */
  hiddenKinds: EntityKind[];
  /** How each category's names are painted: 'off' paints nothing (the card still opens on hover). */
  styles: Record<Category, HighlightStyle>;
  hoverDelayMs: number;
  /** Paint only the first mention of each name on a page (page/first-mention.ts). */
  firstMentionOnly: boolean;
}

export { SETTINGS_KEY } from './storage-keys.ts';
export const HOVER_DELAY_RANGE = { min: 0, max: 2000, step: 50 } as const;

export const DEFAULT_SETTINGS: Settings = {
  lang: 'ar',
  hiddenKinds: [],
  styles: { place: 'both', group: 'both', person: 'both', outlet: 'both' },
  hoverDelayMs: HOVER_DWELL_MS,
  firstMentionOnly: false,
};

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Any stored value → valid settings (unknown or invalid fields fall back to the defaults). */
export function parseSettings(raw: unknown): Settings {
  const s = isRecord(raw) ? raw : {};
  const lang: UiLang = s['lang'] === 'en' || s['lang'] === 'ar' ? s['lang'] : DEFAULT_SETTINGS.lang;
  const hidden = Array.isArray(s['hiddenKinds']) ? s['hiddenKinds'] : [];
  const hiddenKinds = ENTITY_KINDS.filter((k) => hidden.includes(k));
  const rawStyles = isRecord(s['styles']) ? s['styles'] : {};
  const styles = { ...DEFAULT_SETTINGS.styles };
  for (const c of CATEGORIES) {
    const v = rawStyles[c];
    if (typeof v === 'string' && (HIGHLIGHT_STYLES as readonly string[]).includes(v)) styles[c] = v as HighlightStyle;
  }
  const delay = s['hoverDelayMs'];
  const hoverDelayMs =
    typeof delay === 'number' && Number.isFinite(delay)
      ? Math.round(Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, delay)))
      : DEFAULT_SETTINGS.hoverDelayMs;
  const firstMentionOnly = s['firstMentionOnly'] === true;
  return { lang, hiddenKinds, styles, hoverDelayMs, firstMentionOnly };
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** A change to the settings: the fields to change, or a function of the settings stored now. */
export type SettingsChange = Partial<Settings> | ((current: Settings) => Partial<Settings>);

/** The writes of this context, one after another (see `saveSettings`). */
let writes: Promise<unknown> = Promise.resolve();

/**
 * Merge a change into the stored settings; resolves with what is stored now. Writes from one
 * context run one after another, each reading what the one before stored, so two quick changes
 * (two checkboxes clicked in a row) both land. Pass an updater when the change depends on the
 * current settings (add a kind to hiddenKinds): it gets the stored settings, not a render's copy.
 * (Two contexts writing at the same moment could still interleave: storage.local has no
 * transactions. Only the options page writes settings.)
 */
export function saveSettings(change: SettingsChange): Promise<Settings> {
  const write = async (): Promise<Settings> => {
    const current = await loadSettings();
    const next = parseSettings({ ...current, ...(typeof change === 'function' ? change(current) : change) });
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    return next;
  };
  const done = writes.then(write, write);
  writes = done.catch(() => undefined);
  return done;
}

/** Back to the defaults (in turn with the other writes). */
export function resetSettings(): Promise<Settings> {
  return saveSettings(() => DEFAULT_SETTINGS);
}

/** Calls `listener` with the new settings whenever any context stores them. Returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/**
 * ::highlight() rules that turn the default painting (background and underline) into each
 * category's chosen style. Meant for a stylesheet adopted after the highlighter's own, so these
 * win by order; 'both' needs no rule. `highlightName` maps a category to its highlight's name.
 */
export function highlightStyleCss(styles: Settings['styles'], highlightName: (c: Category) => string): string {
  return CATEGORIES.flatMap((c) => {
    const sel = `::highlight(${highlightName(c)})`;
    switch (styles[c]) {
      case 'both':
        return [];
      case 'underline':
        return [`${sel} { background-color: transparent; }`];
      case 'background':
        return [`${sel} { text-decoration-line: none; }`];
      case 'off':
        return [`${sel} { background-color: transparent; text-decoration-line: none; }`];
    }
  }).join('\n');
}

/**
 * The matcher with the entities of hidden kinds marked hidden (SerializedMatcher.hidden): detect
 * finds and weighs them as evidence for the others — a hidden city still says where its
 * neighbourhood is — and shows none of them: neither painted, nor hoverable, nor counted.
 */
export function withoutKinds(matcher: SerializedMatcher, hidden: readonly EntityKind[]): SerializedMatcher {
  if (hidden.length === 0) return matcher;
  const drop = new Set(hidden);
  const indexes: number[] = [];
  matcher.kinds.forEach((kind, i) => {
    if (drop.has(kind)) indexes.push(i);
  });
  return { ...matcher, hidden: indexes };
}
