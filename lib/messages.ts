/**
 * The typed messages that content scripts, popup, side panel and options send to the background,
 * and what each answers. The background validates every request (shape, sizes, sender) before it
 * acts: see `parseRequest` in entrypoints/background/validate.ts. Send with `sendRequest` (below):
 * the background answers with a `Reply` envelope, so that its errors reach the caller as errors.
 */
import { browser } from 'wxt/browser';
import type { Article, ArticleCoverage, Coverage, Entity, EntityKind } from '../core/types.ts';
import type { SerializedMatcher } from '../core/match/automaton.ts';

/** What a content script needs to scan a page: the compiled matcher (it carries each name's kind). */
export interface MatcherPayload {
  /** The bundle version the matcher was compiled from. */
  version: string;
  matcher: SerializedMatcher;
}

/** An article as the card shows it: metadata without the full text. */
export type ArticleSummary = Omit<Article, 'text'>;

/** Everything the entity card shows, resolved in one round trip. */
export interface CardData {
  entity: Entity;
  /** Parent area's display names, for places. */
  parent?: { id: string; name: string; nameEn: string; coords?: [number, number] };
  coverage: Coverage | undefined;
  /** The articles named in `coverage.articles`, by id. */
  articles: Record<string, ArticleSummary>;
  /** Co-mentioned entities, most often first, resolved to their names and kinds. */
  related: { id: string; name: string; nameEn: string; kind: EntityKind; count: number }[];
}

/** Names found on a page: entity id → number of mentions. */
export type PageNames = Record<string, number>;

/**
 * Who may send what: content scripts (a tab sends it) may send getMatcher, getCard, reportPage and
 * getSiteEnabled (for their own frame's host only), all they use; the rest come only from the
 * extension's own pages (popup, side panel, options), so a page cannot switch the extension off
 * for itself, read other tabs, or ask anything it has no need to.
 */
export type Request =
  | { type: 'getMatcher' }
  | { type: 'getCard'; entityId: string }
  /**
   * From a content script: the names in its frame now (replaces the frame's last report; `{}`
   * withdraws it). The background forgets all of a tab's reports when the tab starts loading —
   * a new page, and in Chrome also a history.pushState navigation (tabs.onUpdated reports both
   * as status 'loading') — so report after every (re)scan, even when the names did not change,
   * and again on `pageshow` when a page comes back from the back/forward cache.
   */
  | { type: 'reportPage'; names: PageNames }
  | { type: 'getSiteEnabled'; host: string }
  | { type: 'setSiteEnabled'; host: string; enabled: boolean }
  | { type: 'getStatus' }
  /** The names all frames of a tab reported, summed (popup and side panel). */
  | { type: 'getTabNames'; tabId: number }
  /** From the card: open the options page (content scripts cannot). */
  | { type: 'openOptions' }
  /** From the card: switch the extension off on the sender's own site (never another's). */
  | { type: 'switchOffHere' }
  /** From the card: open an article in the side panel's reader, for the sender's tab. */
  | { type: 'openSource'; articleId: string }
  /** The locator map's base map (a few KB): a content script asks once per page, for its first place card. */
  | { type: 'getBaseMap' };

export interface ImportStatus {
  state: 'empty' | 'importing' | 'ready' | 'error';
  /** 0..1 while importing. */
  progress: number;
  bundleVersion?: string;
  error?: string;
  /** 'quota': storage is full (the pages say so in words the reader can act on). */
  errorKind?: 'quota';
}

export interface ResponseMap {
  getMatcher: MatcherPayload;
  getCard: CardData | null;
  reportPage: { ok: true };
  getSiteEnabled: { enabled: boolean };
  setSiteEnabled: { enabled: boolean };
  getStatus: ImportStatus;
  getTabNames: PageNames;
  openOptions: { ok: true };
  switchOffHere: { enabled: boolean };
  openSource: { ok: true };
  getBaseMap: import('../core/geo/basemap.ts').BaseMap | null;
}

export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;
export type ResponseOf<T extends Request['type']> = ResponseMap[T];

/** Card coverage for one article, as sorted for display. */
export type CardArticle = ArticleCoverage & { article: ArticleSummary };

/**
 * What the background announces without being asked: import progress to the extension's open
 * pages (runtime.sendMessage), and a changed per-site switch to every tab's content scripts
 * (tabs.sendMessage; a content script compares `host` with its own). Events have `event`, never
 * `type`, so no listener takes one for a request.
 */
export type BackgroundEvent =
  | { event: 'importProgress'; progress: number }
  | { event: 'importDone'; bundleVersion: string }
  | { event: 'siteEnabledChanged'; host: string; enabled: boolean };

/** Limits the background enforces on requests. */
export const LIMITS = {
  /** Entity ids are `category:slug`. */
  idLength: 120,
  /** Distinct names one report may carry. */
  namesPerReport: 5000,
  /** Mentions of one name on one page. */
  mentionsPerName: 1_000_000,
  hostLength: 253,
  /** Article ids are short slugs (corpus/articles.jsonl). */
  articleIdLength: 64,
} as const;

/** What the background answers every request with. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Send a request to the background; rejects with the background's error message. */
export async function sendRequest<R extends Request>(request: R): Promise<ResponseOf<R['type']>> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<ResponseOf<R['type']>> | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new Error(`no answer to ${request.type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
