import { describe, expect, it } from 'vitest';
import { badgeText } from '../../entrypoints/background/tab-names.ts';
import { isHost, parseRequest, type SenderInfo } from '../../entrypoints/background/validate.ts';
import { LIMITS } from '../../lib/messages.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const page: SenderInfo = { id: ID, url: `${ORIGIN}/popup.html` };
const content: SenderInfo = { id: ID, url: 'https://www.aljazeera.net/news/1', tab: { id: 7 }, frameId: 0 };
const parse = (msg: unknown, sender: SenderInfo = content) => parseRequest(msg, sender, ID, ORIGIN);
const error = (msg: unknown, sender?: SenderInfo) => {
  const r = parse(msg, sender);
  return r.ok ? null : r.error;
};

describe('parseRequest: sender', () => {
  it('knows a content script by its tab and frame, and an extension page by its origin', () => {
    expect(parse({ type: 'getMatcher' })).toEqual({
      ok: true,
      request: { type: 'getMatcher' },
      from: { kind: 'content', tabId: 7, frameId: 0, host: 'www.aljazeera.net', url: 'https://www.aljazeera.net/news/1' },
    });
    expect(parse({ type: 'getStatus' }, page)).toEqual({ ok: true, request: { type: 'getStatus' }, from: { kind: 'extension' } });
  });

  it('refuses other extensions, missing URLs, non-http pages and tabless content', () => {
    expect(error({ type: 'getMatcher' }, { ...content, id: 'other' })).toMatch(/not this extension/);
    expect(error({ type: 'getMatcher' }, { id: ID })).toMatch(/no URL/);
    expect(error({ type: 'getMatcher' }, { ...content, url: 'file:///etc/passwd' })).toMatch(/http/);
    expect(error({ type: 'getMatcher' }, { id: ID, url: 'https://example.com/' })).toMatch(/without a tab/);
    expect(error({ type: 'getMatcher' }, { ...page, url: 'chrome-extension://someoneelse/popup.html' })).toMatch(/without a tab/);
  });

  it('keeps the switch and other tabs to extension pages, and reports to content scripts', () => {
    expect(error({ type: 'setSiteEnabled', host: 'www.aljazeera.net', enabled: false })).toMatch(/extension pages only/);
    expect(error({ type: 'getTabNames', tabId: 3 })).toMatch(/extension pages only/);
    expect(error({ type: 'reportPage', names: {} }, page)).toMatch(/content scripts/);
    expect(parse({ type: 'setSiteEnabled', host: 'www.aljazeera.net', enabled: false }, page).ok).toBe(true);
  });

  it('lets a content script ask about its own host only', () => {
    expect(parse({ type: 'getSiteEnabled', host: 'www.aljazeera.net' }).ok).toBe(true);
    expect(error({ type: 'getSiteEnabled', host: 'bbc.com' })).toMatch(/own host/);
    expect(parse({ type: 'getSiteEnabled', host: 'bbc.com' }, page).ok).toBe(true);
  });
});

describe("parseRequest: the card's actions (issue 12)", () => {
  it('lets the card switch its own site off (no host to name), open the settings and a source', () => {
    expect(parse({ type: 'switchOffHere' })).toMatchObject({ ok: true, from: { kind: 'content', host: 'www.aljazeera.net' } });
    expect(parse({ type: 'openOptions' }).ok).toBe(true);
    expect(parse({ type: 'openSource', articleId: '001' })).toMatchObject({ ok: true, request: { type: 'openSource', articleId: '001' } });
  });

  it('refuses a host, a switch on, or odd article ids', () => {
    expect(error({ type: 'switchOffHere', host: 'bbc.com' })).toMatch(/unknown field "host"/);
    expect(error({ type: 'switchOffHere', enabled: true })).toMatch(/unknown field/);
    for (const articleId of ['', '../x', 'a b', 'a'.repeat(65), 7, null]) {
      expect(error({ type: 'openSource', articleId }), String(articleId)).toMatch(/article id/);
    }
    expect(error({ type: 'openSource' })).toMatch(/missing field/);
  });

  it('keeps the content-only ones from extension pages (they have no site or tab of their own)', () => {
    expect(error({ type: 'switchOffHere' }, page)).toMatch(/content scripts/);
    expect(error({ type: 'openSource', articleId: '001' }, page)).toMatch(/content scripts/);
    expect(parse({ type: 'openOptions' }, page).ok).toBe(true);
  });
});

describe('parseRequest: shape', () => {
  it.each([
    ['not an object', 'getMatcher', /plain object/],
    ['an array', [], /plain object/],
    ['no type', {}, /missing request type/],
    ['an unknown type', { type: 'deleteEverything' }, /unknown request type/],
    ['an extra field', { type: 'getMatcher', x: 1 }, /unknown field "x"/],
    ['a missing field', { type: 'getCard' }, /missing field "entityId"/],
    ['a bad entity id', { type: 'getCard', entityId: '../../etc' }, /bad entity id/],
    ['an overlong entity id', { type: 'getCard', entityId: `place:${'a'.repeat(LIMITS.idLength)}` }, /bad entity id/],
    ['names as an array', { type: 'reportPage', names: [] }, /object/],
    ['a negative count', { type: 'reportPage', names: { 'place:x': -1 } }, /bad count/],
    ['a fractional count', { type: 'reportPage', names: { 'place:x': 1.5 } }, /bad count/],
    ['a count as a string', { type: 'reportPage', names: { 'place:x': '3' } }, /bad count/],
    ['a bad name id', { type: 'reportPage', names: { '<img>': 1 } }, /bad entity id/],
    ['a bad host', { type: 'getSiteEnabled', host: 'a b.com' }, /host/],
    ['a non-boolean switch', { type: 'setSiteEnabled', host: 'a.com', enabled: 'no' }, /true or false/],
    // Requests no page sends any more (search, articles: the pages read the database themselves).
    ['a search', { type: 'search', query: 'x' }, /unknown request type "search"/],
    ['a list of articles', { type: 'listArticles' }, /unknown request type "listArticles"/],
    ['an article', { type: 'getArticle', articleId: 'a1' }, /unknown request type "getArticle"/],
    ['a negative tab id', { type: 'getTabNames', tabId: -1 }, /tab id/],
  ])('refuses %s', (_what, msg, pattern) => {
    expect(error(msg, (msg as { type?: string })?.type === 'setSiteEnabled' || (msg as { type?: string })?.type === 'getTabNames' ? page : content)).toMatch(pattern);
  });

  it('refuses a report with too many names', () => {
    const names: Record<string, number> = {};
    for (let i = 0; i <= LIMITS.namesPerReport; i++) names[`place:p${i}`] = 1;
    expect(error({ type: 'reportPage', names })).toMatch(/more than/);
  });

  it('refuses objects with a prototype other than Object (e.g. class instances)', () => {
    class Sneaky {
      type = 'getMatcher';
    }
    expect(error(new Sneaky())).toMatch(/plain object/);
  });

  it('returns exactly the validated fields', () => {
    expect(parse({ type: 'reportPage', names: { 'place:albukamal': 3, 'group:isis': 0 } })).toMatchObject({
      ok: true,
      request: { type: 'reportPage', names: { 'place:albukamal': 3, 'group:isis': 0 } },
    });
    expect(parse({ type: 'setSiteEnabled', host: 'www.bbc.com', enabled: false }, page)).toEqual({
      ok: true,
      request: { type: 'setSiteEnabled', host: 'www.bbc.com', enabled: false },
      from: { kind: 'extension' },
    });
  });
});

describe('parseRequest: least privilege and hostile content', () => {
  it('lets a content script send only what it uses', () => {
    for (const msg of [{ type: 'getMatcher' }, { type: 'getCard', entityId: 'place:x' }, { type: 'reportPage', names: {} }, { type: 'getSiteEnabled', host: 'www.aljazeera.net' }]) {
      expect(parse(msg).ok, msg.type).toBe(true);
    }
    for (const msg of [
      { type: 'getStatus' },
      { type: 'getTabNames', tabId: 7 },
      { type: 'setSiteEnabled', host: 'www.aljazeera.net', enabled: true },
    ]) {
      expect(error(msg), msg.type).toMatch(/extension pages only/);
      expect(parse(msg, page).ok, `${msg.type} from an extension page`).toBe(true);
    }
  });

  it('lets a frame ask about its own host, not its parent’s (a cross-origin iframe)', () => {
    const frame: SenderInfo = { id: ID, url: 'https://ads.example.net/frame.html', tab: { id: 7 }, frameId: 3 };
    expect(parse({ type: 'getSiteEnabled', host: 'ads.example.net' }, frame).ok).toBe(true);
    expect(error({ type: 'getSiteEnabled', host: 'www.aljazeera.net' }, frame)).toMatch(/own host/);
  });

  it('takes a frame without a URL of its own (about:blank, srcdoc, blob:) for its creator’s origin, an opaque one for none', () => {
    for (const url of ['about:blank', 'about:srcdoc', 'blob:https://www.aljazeera.net/0b6f']) {
      const frame: SenderInfo = { id: ID, url, origin: 'https://www.aljazeera.net', tab: { id: 7 }, frameId: 4 };
      expect(parse({ type: 'getSiteEnabled', host: 'www.aljazeera.net' }, frame).ok, url).toBe(true);
      expect(error({ type: 'getSiteEnabled', host: 'ads.example.net' }, frame), url).toMatch(/own host/);
    }
    expect(error({ type: 'getMatcher' }, { ...content, url: 'about:blank', origin: 'null' })).toMatch(/origin|http/);
    expect(error({ type: 'getMatcher' }, { ...content, url: 'about:blank' })).toMatch(/http/);
    expect(error({ type: 'getMatcher' }, { ...content, url: 'data:text/html,x', origin: 'https://www.aljazeera.net' })).toMatch(/http/);
  });

  it('refuses senders with odd tab or frame ids', () => {
    expect(error({ type: 'getMatcher' }, { ...content, frameId: -1 })).toMatch(/without a tab/);
    expect(error({ type: 'getMatcher' }, { ...content, frameId: 1.5 })).toMatch(/without a tab/);
    expect(error({ type: 'getMatcher' }, { ...content, tab: { id: Number.NaN } })).toMatch(/without a tab/);
  });

  it('refuses prototype-polluting keys, at the top and in a report', () => {
    // What JSON.parse (and so runtime messaging) makes of them: own properties.
    const top = JSON.parse('{"type":"getMatcher","__proto__":{"polluted":true}}') as unknown;
    expect(error(top)).toMatch(/unknown field "__proto__"/);
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString']) {
      const report = JSON.parse(`{"type":"reportPage","names":{"${key}":1}}`) as unknown;
      expect(error(report), key).toMatch(/bad entity id/);
    }
    const nested = JSON.parse('{"type":"reportPage","names":{"place:x":{"__proto__":{"polluted":true}}}}') as unknown;
    expect(error(nested)).toMatch(/bad count/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses oversized reports and ids, and counts that are not counts', () => {
    const big = Object.fromEntries(Array.from({ length: LIMITS.namesPerReport + 1 }, (_, i) => [`place:p${i}`, 1]));
    expect(error({ type: 'reportPage', names: big })).toMatch(/more than/);
    expect(error({ type: 'reportPage', names: { [`place:${'a'.repeat(LIMITS.idLength)}`]: 1 } })).toMatch(/bad entity id/);
    for (const n of [Number.POSITIVE_INFINITY, Number.NaN, LIMITS.mentionsPerName + 1, '1', null, true]) {
      expect(error({ type: 'reportPage', names: { 'place:x': n } }), String(n)).toMatch(/bad count/);
    }
  });
});

describe('isHost', () => {
  it.each(['example.com', 'example.com.', 'www.aljazeera.net', 'localhost', '127.0.0.1', '[::1]', 'xn--mgbh0fb.xn--kgbechtv'])('accepts %s', (h) => {
    expect(isHost(h)).toBe(true);
  });
  it.each(['', '.', 'a b', 'EXAMPLE.com', '-a.com', 'a..com', 'a/b', 'a'.repeat(254), 42])('refuses %s', (h) => {
    expect(isHost(h)).toBe(false);
  });
});

describe('badgeText', () => {
  it('is empty for none, the number otherwise, capped', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(1000)).toBe('999+');
  });
});
