/**
 * The typed messages that content scripts, popup, side panel and options send to the background,
 * and what each answers. The background validates every request (shape, sizes, sender) before it
 * acts: see `parseRequest` in entrypoints/background/ (the implementation lives with the handler).
 */
import type { Article, ArticleCoverage, Coverage, Entity, EntityKind } from '../core/types.ts';
import type { SerializedMatcher } from '../core/match/automaton.ts';

/** What a content script needs to scan a page: the compiled matcher and each entity's kind. */
export interface MatcherPayload {
  version: string;
  matcher: SerializedMatcher;
  kinds: Record<string, EntityKind>;
}

/** An article as the card shows it: metadata without the full text. */
export type ArticleSummary = Omit<Article, 'text'>;

/** Everything the entity card shows, resolved in one round trip. */
export interface CardData {
  entity: Entity;
  /** Parent area's display names, for places. */
  parent?: { id: string; name: string; nameEn: string };
  coverage: Coverage | undefined;
  /** The articles named in `coverage.articles`, by id. */
  articles: Record<string, ArticleSummary>;
  /** Co-mentioned entities, most often first, resolved to their names and kinds. */
  related: { id: string; name: string; nameEn: string; kind: EntityKind; count: number }[];
}

/** Names found on a page: entity id → number of mentions. */
export type PageNames = Record<string, number>;

export type Request =
  | { type: 'getMatcher' }
  | { type: 'getCard'; entityId: string }
  | { type: 'reportPage'; names: PageNames }
  | { type: 'getSiteEnabled'; host: string }
  | { type: 'setSiteEnabled'; host: string; enabled: boolean }
  | { type: 'getStatus' };

export interface ImportStatus {
  state: 'empty' | 'importing' | 'ready' | 'error';
  /** 0..1 while importing. */
  progress: number;
  bundleVersion?: string;
  error?: string;
}

export interface ResponseMap {
  getMatcher: MatcherPayload;
  getCard: CardData | null;
  reportPage: { ok: true };
  getSiteEnabled: { enabled: boolean };
  setSiteEnabled: { enabled: boolean };
  getStatus: ImportStatus;
}

export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;
export type ResponseOf<T extends Request['type']> = ResponseMap[T];

/** Card coverage for one article, as sorted for display. */
export type CardArticle = ArticleCoverage & { article: ArticleSummary };
