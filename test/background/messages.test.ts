/**
 * The requests' single declaration (lib/messages/requests.ts) is complete: every request has a
 * schema, a sender rule and a handler, an example of each passes validation from the senders its
 * rule allows and is refused from the others, and the rules themselves are pinned here, so that a
 * change to who may send what is a deliberate one.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { handlers, type Handlers } from '../../entrypoints/background/handlers.ts';
import { parseRequest, type SenderInfo } from '../../entrypoints/background/validate.ts';
import { REQUESTS, type RequestOf, type RequestType, type SenderRule } from '../../lib/messages/requests.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const page: SenderInfo = { id: ID, url: `${ORIGIN}/popup.html` };
const content: SenderInfo = { id: ID, url: 'https://www.aljazeera.net/news/1', tab: { id: 7 }, frameId: 0 };
const TYPES = Object.keys(REQUESTS) as RequestType[];

/** One valid request of every type (typed: a new request without an example does not compile). */
const EXAMPLES: { [T in RequestType]: RequestOf<T> } = {
  getMatcher: { type: 'getMatcher' },
  getCard: { type: 'getCard', entityId: 'place:albukamal' },
  reportPage: { type: 'reportPage', names: { 'place:albukamal': 2, 'group:isis': 1 } },
  getSiteEnabled: { type: 'getSiteEnabled', host: 'www.aljazeera.net' },
  setSiteEnabled: { type: 'setSiteEnabled', host: 'www.aljazeera.net', enabled: false },
  getStatus: { type: 'getStatus' },
  getTabNames: { type: 'getTabNames', tabId: 7 },
  openOptions: { type: 'openOptions' },
  openLibrary: { type: 'openLibrary' },
  switchOffHere: { type: 'switchOffHere' },
  openSource: { type: 'openSource', articleId: '001' },
  getBaseMap: { type: 'getBaseMap' },
  namesChanged: { type: 'namesChanged' },
  savePage: { type: 'savePage', tabId: 7 },
};

/** Who may send what, today: least privilege (see the table's comment). */
const RULES: Record<RequestType, SenderRule> = {
  getMatcher: 'both',
  getCard: 'both',
  reportPage: 'content',
  getSiteEnabled: 'both',
  setSiteEnabled: 'extension',
  getStatus: 'extension',
  getTabNames: 'extension',
  openOptions: 'both',
  openLibrary: 'content',
  switchOffHere: 'content',
  openSource: 'content',
  // The locator map's outlines, the same for every page (issue 14): a card asks, and so do the panels.
  getBaseMap: 'both',
  // The reader's names changed (issue 13 item 3): only their own pages write names.
  namesChanged: 'extension',
  savePage: 'extension',
};

describe('every declared request', () => {
  it('has a schema, a sender rule and a handler, and nothing is handled that is not declared', () => {
    for (const type of TYPES) {
      expect(typeof REQUESTS[type].schema, type).toBe('function');
      expect(['content', 'extension', 'both'], type).toContain(REQUESTS[type].from);
      expect(typeof handlers[type], type).toBe('function');
    }
    expect(Object.keys(handlers).sort()).toEqual([...TYPES].sort());
  });

  it('has the sender rule least privilege gives it', () => {
    expect(Object.fromEntries(TYPES.map((t) => [t, REQUESTS[t].from]))).toEqual(RULES);
  });

  it.each(TYPES)('%s: its example passes from the senders its rule allows, and only those', (type) => {
    const example = EXAMPLES[type];
    const fromContent = parseRequest(example, content, ID, ORIGIN);
    const fromPage = parseRequest(example, page, ID, ORIGIN);
    expect(fromContent.ok, 'from a content script').toBe(RULES[type] !== 'extension');
    expect(fromPage.ok, 'from an extension page').toBe(RULES[type] !== 'content');
    const accepted = fromContent.ok ? fromContent : fromPage;
    expect(accepted).toMatchObject({ ok: true, request: example });
  });

  it.each(TYPES.filter((t) => Object.keys(REQUESTS[t].fields).length > 0))('%s: refuses each field missing, and an extra one', (type) => {
    const sender = RULES[type] === 'extension' ? page : content;
    for (const field of Object.keys(REQUESTS[type].fields)) {
      const { [field]: _dropped, ...rest } = EXAMPLES[type] as unknown as Record<string, unknown>;
      expect(parseRequest(rest, sender, ID, ORIGIN)).toEqual({ ok: false, error: `missing field "${field}"` });
    }
    expect(parseRequest({ ...EXAMPLES[type], extra: 1 }, sender, ID, ORIGIN)).toEqual({ ok: false, error: 'unknown field "extra"' });
  });

  it("takes no Object.prototype member for a type (constructor, toString, __proto__, hasOwnProperty)", () => {
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(parseRequest({ type }, content, ID, ORIGIN), type).toEqual({ ok: false, error: `unknown request type "${type}"` });
    }
  });

  it('is answered by a typed handler: a handler map without one does not compile', () => {
    const { getCard: _missing, ...rest } = handlers;
    // @ts-expect-error getCard has no handler
    const incomplete: Handlers = rest;
    expect(Object.keys(incomplete)).not.toContain('getCard');
  });
});

describe('numbers as structured clone carries them', () => {
  it('takes -0 as 0 (the fuzz test found a tab id of -0 accepted as -0, which JSON makes 0)', () => {
    const parsed = parseRequest({ type: 'getTabNames', tabId: -0 }, page, ID, ORIGIN);
    expect(parsed.ok && Object.is((parsed.request as { tabId: number }).tabId, 0)).toBe(true);
  });
});
