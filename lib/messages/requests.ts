/**
 * Every request to the background, declared ONCE: its fields (schema: types and limits), who may
 * send it, and what it answers. The Request type, RequestOf/ResponseOf (lib/messages.ts), the
 * background's validation (parseRequest) and the handler map's type (entrypoints/background/
 * handlers.ts: a missing handler is a type error) all derive from this table.
 *
 * Who may send what: a content script (a tab's frame) may send only what it uses, so that a page
 * that compromises its renderer can ask about nothing but its own frame; the rest come only from
 * the extension's own pages (popup, side panel, options). Requests about "the sender's site or
 * tab" come only from content scripts: an extension page has neither.
 *
 * To add a request: add an entry here, then its handler; see docs/ARCHITECTURE.md "Messages".
 */
import type { ImportStatus, MatcherPayload, CardData, PageNames } from '../messages.ts';
import type { SaveResult } from './page-copy.ts';
import { LIMITS } from '../messages.ts';
import { articleId, entityId, host, mentionCount, tabId } from './fields.ts';
import { answers, bool, exact, record, type Answer, type Fields, type InferFields, type Schema } from './schema.ts';

/** 'content': content scripts only; 'extension': the extension's pages only; 'both'. */
export type SenderRule = 'content' | 'extension' | 'both';

export interface RequestSpec<F extends Fields, S extends SenderRule, R> {
  fields: F;
  from: S;
  /** From a content script, this field must name the sender's own host (never another site's). */
  ownHost?: keyof F & string;
  answer: Answer<R>;
}

/** A declared request: its spec, and the validator of its fields (exactly these, besides `type`). */
export type Declared<F extends Fields, S extends SenderRule, R> = RequestSpec<F, S, R> & { schema: Schema<InferFields<F>> };

function request<F extends Fields, S extends SenderRule, R>(spec: RequestSpec<F, S, R>): Declared<F, S, R> {
  return { ...spec, schema: exact(spec.fields, ['type']) };
}

export const REQUESTS = {
  /** The compiled matcher, to scan a page. */
  getMatcher: request({ fields: {}, from: 'both', answer: answers<MatcherPayload>() }),
  /** Everything the card shows for one entity; null for an unknown id. */
  getCard: request({ fields: { entityId }, from: 'both', answer: answers<CardData | null>() }),
  /**
   * From a content script: the names in its frame now (replaces the frame's last report; `{}`
   * withdraws it). The background forgets all of a tab's reports when the tab starts loading —
   * a new page, and in Chrome also a history.pushState navigation (tabs.onUpdated reports both
   * as status 'loading') — so report after every (re)scan, even when the names did not change,
   * and again on `pageshow` when a page comes back from the back/forward cache.
   */
  reportPage: request({
    fields: { names: record(entityId, mentionCount, { maxKeys: LIMITS.namesPerReport, what: 'names' }) },
    from: 'content',
    answer: answers<{ ok: true }>(),
  }),
  /** Is the extension on for this site? A content script asks about its own host only. */
  getSiteEnabled: request({ fields: { host }, from: 'both', ownHost: 'host', answer: answers<{ enabled: boolean }>() }),
  /** The per-site switch (popup). */
  setSiteEnabled: request({ fields: { host, enabled: bool() }, from: 'extension', answer: answers<{ enabled: boolean }>() }),
  /** The bundle import's state (pages show it). */
  getStatus: request({ fields: {}, from: 'extension', answer: answers<ImportStatus>() }),
  /** The names all frames of a tab reported, summed (popup and side panel). */
  getTabNames: request({ fields: { tabId }, from: 'extension', answer: answers<PageNames>() }),
  /** From the card: open the options page (content scripts cannot). */
  openOptions: request({ fields: {}, from: 'both', answer: answers<{ ok: true }>() }),
  /** From the card: switch the extension off on the sender's own site (never another's). */
  switchOffHere: request({ fields: {}, from: 'content', answer: answers<{ enabled: boolean }>() }),
  /** From the card: open an article in the side panel's reader, for the sender's tab. */
  openSource: request({ fields: { articleId }, from: 'content', answer: answers<{ ok: true }>() }),
  /**
   * From an extension page (the add-name form, the reader's names): their names changed in the
   * database; the background rewrites the page snapshot (answered after it) and rescans the library.
   * No fields: the names are read from the database, never taken from the message.
   */
  namesChanged: request({ fields: {}, from: 'extension', answer: answers<{ ok: true }>() }),
  /** The locator map's base map (a few KB): a content script asks once per page, for its first place card. */
  getBaseMap: request({ fields: {}, from: 'both', answer: answers<import('../../core/geo/basemap.ts').BaseMap | null>() }),
  /**
   * "Save this page" (popup, side panel): the article of the tab's page into the reader's library.
   * Extension pages only: a page must not save itself (nor another tab) into the library.
   */
  savePage: request({ fields: { tabId }, from: 'extension', answer: answers<SaveResult>() }),
  /** From the page's notice after a save (components/SaveNotice.tsx): open the library page in a new tab. */
  openLibrary: request({ fields: {}, from: 'content', answer: answers<{ ok: true }>() }),
};

type Specs = typeof REQUESTS;
export type RequestType = keyof Specs;
type FieldsOf<T extends RequestType> = Specs[T] extends Declared<infer F, SenderRule, unknown> ? InferFields<F> : never;
type Flat<O> = { [K in keyof O]: O[K] };
/** A request of type T as sent: `type` and its fields. */
export type RequestOf<T extends RequestType> = Flat<{ type: T } & FieldsOf<T>>;
export type Request = { [T in RequestType]: RequestOf<T> }[RequestType];
export type ResponseOf<T extends RequestType> = Specs[T]['answer'] extends Answer<infer R> ? R : never;
export type SenderRuleOf<T extends RequestType> = Specs[T]['from'];

/** Who sent a request, as the background established it (entrypoints/background/validate.ts). */
export type ContentSender = { kind: 'content'; tabId: number; frameId: number; host: string; url: string };
export type From = { kind: 'extension' } | ContentSender;
/** A content-only request's handler knows its sender is a content script (its tab, frame and host). */
export type FromOf<T extends RequestType> = SenderRuleOf<T> extends 'content' ? ContentSender : From;
