/**
 * "Open the source in the side panel's reader", from the hover card: the background stores which
 * article was asked for, for which tab, in storage.session (extension pages read it; pages never
 * see it), and opens the side panel; the side panel opens that article's reader view when it
 * starts and whenever a new request arrives while it is open.
 */
import { browser } from 'wxt/browser';

export const READER_REQUEST_KEY = 'reader.request';

export interface ReaderRequest {
  articleId: string;
  tabId: number;
  /** Date.now() of the request: a new request for the same article is still news. */
  at: number;
}

export function parseReaderRequest(raw: unknown): ReaderRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  return typeof r['articleId'] === 'string' && typeof r['tabId'] === 'number' && typeof r['at'] === 'number'
    ? { articleId: r['articleId'], tabId: r['tabId'], at: r['at'] }
    : null;
}

export async function storeReaderRequest(request: ReaderRequest): Promise<void> {
  await browser.storage.session.set({ [READER_REQUEST_KEY]: request });
}

export async function readReaderRequest(): Promise<ReaderRequest | null> {
  try {
    return parseReaderRequest((await browser.storage.session.get(READER_REQUEST_KEY))[READER_REQUEST_KEY]);
  } catch {
    return null;
  }
}

/** Calls `listener` with each new request. Returns the unsubscribe. */
export function watchReaderRequests(listener: (request: ReaderRequest) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(READER_REQUEST_KEY in changes)) return;
    const request = parseReaderRequest(changes[READER_REQUEST_KEY]?.newValue);
    if (request) listener(request);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
