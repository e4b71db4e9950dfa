/**
 * What the background and the extension's pages send to a tab's content script (top frame), each
 * declared once: fields (schema) and answer. The content script validates every one on receipt
 * (`asTabMessage`): a message is data from another context, and a listener takes only its own.
 *
 * - runCommand (background, lib/commands.ts): a page command's keys were pressed → `{ ok }`, false
 *   when the page did nothing (no session running, no name to step to).
 * - reveal (popup, side panel): scroll to the first mention of the entity and flash it → `{ ok }`
 *   (false: not on the page).
 * - pageInfo (popup, side panel): the page's address and title → `PageInfo`. The extension asks for
 *   no "tabs" permission, so tabs.query gives no URL or title; the content script, which runs on
 *   every http(s) page, tells them instead. No answer: the extension does not run on that page.
 * - copyPage (background, "Save this page"): a copy of the top frame's document as HTML, its
 *   address, language and title → `CopyPageAnswer` (lib/messages/page-copy.ts, where the
 *   background validates it); `{ refused: 'too-large' }` above LIMITS.pageHtmlChars. The page is
 *   only read (serialised), never changed.
 * - saveNotice (background, after "Save this page" from the context menu): the outcome in words,
 *   in the reader's language, for the page's notice (components/SaveNotice.tsx) → `{ ok }`.
 */
import { browser } from 'wxt/browser';
import type { PageCommand } from '../commands.ts';
import type { PageInfo, PageText } from '../tabs.ts';
import type { CopyPageAnswer } from './page-copy.ts';
import { entityId } from './fields.ts';
import { LIMITS } from '../messages.ts';
import { answers, exact, literal, parseTagged, Problem, str, type Answer, type Fields, type InferFields, type Schema } from './schema.ts';

/** Every page command, by type: a new one must be listed here to be accepted. */
const PAGE_COMMANDS: Record<PageCommand, true> = { 'next-name': true, 'prev-name': true, 'focus-card': true };
const pageCommand = literal(...(Object.keys(PAGE_COMMANDS) as PageCommand[]));

type TabDeclared<F extends Fields, R> = { fields: F; answer: Answer<R>; schema: Schema<InferFields<F>> };
function tabMessage<F extends Fields, R>(spec: { fields: F; answer: Answer<R> }): TabDeclared<F, R> {
  return { ...spec, schema: exact(spec.fields, ['type']) };
}

export const TAB_MESSAGES = {
  runCommand: tabMessage({ fields: { command: pageCommand }, answer: answers<{ ok: boolean }>() }),
  reveal: tabMessage({ fields: { entityId }, answer: answers<{ ok: boolean }>() }),
  pageInfo: tabMessage({ fields: {}, answer: answers<PageInfo>() }),
  /** The page's text and the names in it, for the reader's annotation export (lib/export.ts). */
  pageText: tabMessage({ fields: {}, answer: answers<PageText>() }),
  copyPage: tabMessage({ fields: {}, answer: answers<CopyPageAnswer>() }),
  saveNotice: tabMessage({
    fields: {
      outcome: literal('saved', 'duplicate', 'failed'),
      // The sentence holds the headline (pageTitleLength) and a few words around it.
      text: str({ max: LIMITS.pageTitleLength + 500, what: 'notice too long' }),
      lang: literal('ar', 'en'),
    },
    answer: answers<{ ok: boolean }>(),
  }),
};

type Table = typeof TAB_MESSAGES;
export type TabMessageType = keyof Table;
type Flat<O> = { [K in keyof O]: O[K] };
type One<T extends TabMessageType> = Flat<{ type: T } & (Table[T] extends TabDeclared<infer F, unknown> ? InferFields<F> : never)>;
/** A tab message of type T (a union of types gives the union of their messages). */
export type TabMessageOf<T extends TabMessageType> = { [K in T]: One<K> }[T];
export type AnyTabMessage = TabMessageOf<TabMessageType>;
export type TabAnswerOf<T extends TabMessageType> = Table[T]['answer'] extends Answer<infer R> ? R : never;

/** The message as one of `types`, validated; undefined for anything else (another listener's, or bad). */
export function asTabMessage<T extends TabMessageType>(message: unknown, ...types: T[]): TabMessageOf<T> | undefined {
  if (typeof message !== 'object' || message === null || !types.includes((message as { type?: unknown }).type as T)) return undefined;
  const parsed = parseTagged(TAB_MESSAGES, 'type', 'tab message', message);
  return parsed instanceof Problem ? undefined : (parsed as TabMessageOf<T>);
}

/**
 * Send a declared message to a tab's top frame; its answer, or undefined when the answer is not
 * the declared kind. Rejects when no content script listens there (a browser page, a site the
 * extension skips, a page still loading).
 */
export async function sendToTab<M extends AnyTabMessage>(tabId: number, message: M): Promise<TabAnswerOf<M['type']> | undefined> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  return typeof answer === 'object' && answer !== null ? (answer as TabAnswerOf<M['type']>) : undefined;
}
