/**
 * The typed messages that content scripts, popup, side panel and options send to the background,
 * and what each answers. Each is declared once, in lib/messages/requests.ts (fields, sender, answer);
 * the background validates every request (shape, sizes, sender) from that declaration before it
 * acts: see `parseRequest` in entrypoints/background/validate.ts. Send with `sendRequest` (below):
 * the background answers with a `Reply` envelope, so that its errors reach the caller as errors.
 * Messages to content scripts and events: lib/messages/tab-messages.ts, lib/messages/events.ts.
 */
import { browser } from 'wxt/browser';
import type { Article, ArticleCoverage, Coverage, Entity, EntityKind } from '../core/types.ts';
import type { SerializedMatcher } from '../core/match/automaton.ts';
import type { CoverageDay, OutletNaming } from '../core/analysis/profile.ts';

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
  /** The reader's own library: how many of its articles name the entity, and how often (issue 13). */
  library?: { articles: number; mentions: number };
  /** How each outlet names the entity, most mentions first (core/analysis/outlet-naming.ts). */
  outlets?: OutletNaming[];
  /** The entity's coverage by date, oldest first. */
  timeline?: CoverageDay[];
}

/** Names found on a page: entity id → number of mentions. */
export type PageNames = Record<string, number>;

/**
 * The requests, their fields, senders and answers are declared once, in lib/messages/requests.ts;
 * these types derive from that table (type-only: the content script bundles no validator).
 */
export type { Request, RequestOf, RequestType, ResponseOf } from './messages/requests.ts';
import type { Request, RequestType, ResponseOf } from './messages/requests.ts';

export interface ImportStatus {
  state: 'empty' | 'importing' | 'ready' | 'error';
  /** 0..1 while importing. */
  progress: number;
  bundleVersion?: string;
  error?: string;
  /** 'quota': storage is full (the pages say so in words the reader can act on). */
  errorKind?: 'quota';
}

/** What each request answers (derived: see REQUESTS). */
export type ResponseMap = { [T in RequestType]: ResponseOf<T> };

/** Card coverage for one article, as sorted for display. */
export type CardArticle = ArticleCoverage & { article: ArticleSummary };

/** What the background announces without being asked: declared in lib/messages/events.ts. */
export type { BackgroundEvent } from './messages/events.ts';

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
  /** A bundle's version is a content hash (scripts/cli.ts build), e.g. 1f2855efdd742f. */
  bundleVersionLength: 64,
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
