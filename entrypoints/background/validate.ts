/**
 * Every message the background receives is checked here before anything acts on it: the sender is
 * this extension (a content script in an http(s) frame, or one of the extension's own pages), the
 * request has exactly the fields of its type, with the right types and within LIMITS, and the
 * sender may send that type. Pure, so the rules are unit-tested without a browser.
 */
import { LIMITS, type PageNames, type Request } from '../../lib/messages.ts';

/** The parts of runtime.MessageSender the checks read (Chrome and Firefox both give them). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  /** The frame's origin (Chrome): for a frame without a URL of its own, its creator's. */
  origin?: string;
}

export type From =
  | { kind: 'extension' }
  | { kind: 'content'; tabId: number; frameId: number; host: string; url: string };

export type Parsed = { ok: true; request: Request; from: From } | { ok: false; error: string };

const ENTITY_ID = /^[a-z]+:[a-z0-9][a-z0-9-]*$/;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/**
 * Request types a content script may send: what it uses (entrypoints/content), nothing more. The
 * rest come only from extension pages, so that a page that compromises its renderer (and with it
 * the content script's world) can ask about nothing but its own frame.
 */
const FROM_CONTENT = new Set<Request['type']>([
  'getMatcher',
  'getCard',
  'reportPage',
  'getSiteEnabled',
  // The card's actions (components/CardActions.tsx): the page's own site only, and only off.
  'openOptions',
  'switchOffHere',
  'openSource',
  // The locator map's outlines, the same for every page (issue 14).
  'getBaseMap',
]);
const ARTICLE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function isHost(host: unknown): host is string {
  if (typeof host !== 'string' || host.length === 0 || host.length > LIMITS.hostLength) return false;
  if (IPV6.test(host)) return true;
  // A fully qualified name may end in a dot (example.com.).
  return host.replace(/\.$/, '').split('.').every((label) => HOST_LABEL.test(label));
}

export function isEntityId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= LIMITS.idLength && ENTITY_ID.test(id);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function senderOf(sender: SenderInfo, extensionId: string, extensionOrigin: string): From | string {
  if (sender.id !== extensionId) return 'sender is not this extension';
  if (typeof sender.url !== 'string') return 'sender has no URL';
  // By prefix: URL.origin is "null" for extension schemes in some engines.
  if (sender.url.startsWith(`${extensionOrigin}/`)) return { kind: 'extension' };
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return 'sender URL is not a URL';
  }
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (!Number.isInteger(tabId) || tabId! < 0 || !Number.isInteger(frameId) || frameId! < 0) return 'content script without a tab';
  // A frame a page made without a URL of its own (about:blank filled by script, srcdoc, a blob:)
  // has the origin of the page that made it, and is that page's: its host is the origin's.
  if ((url.protocol === 'about:' || url.protocol === 'blob:') && typeof sender.origin === 'string') {
    try {
      url = new URL(sender.origin);
    } catch {
      return 'sender origin is not a URL';
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'content scripts run on http(s) pages only';
  return { kind: 'content', tabId: tabId!, frameId: frameId!, host: url.hostname, url: sender.url };
}

/** `fields` lists the allowed keys besides `type`; a missing or unknown key fails. */
function exactKeys(msg: Record<string, unknown>, fields: string[]): string | null {
  for (const key of Object.keys(msg)) {
    if (key !== 'type' && !fields.includes(key)) return `unknown field "${key}"`;
  }
  for (const key of fields) if (!(key in msg)) return `missing field "${key}"`;
  return null;
}

function parseNames(names: unknown): PageNames | string {
  if (!isPlainObject(names)) return 'names must be an object';
  const keys = Object.keys(names);
  if (keys.length > LIMITS.namesPerReport) return `more than ${LIMITS.namesPerReport} names`;
  const out: PageNames = {};
  for (const id of keys) {
    const n = names[id];
    if (!isEntityId(id)) return 'names: bad entity id';
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > LIMITS.mentionsPerName) return `names: bad count for ${id}`;
    out[id] = n;
  }
  return out;
}

function parseBody(msg: Record<string, unknown>): Request | string {
  const type = msg['type'];
  let problem: string | null;
  switch (type) {
    case 'getMatcher':
    case 'getStatus':
    case 'openOptions':
    case 'switchOffHere':
    case 'getBaseMap':
      return exactKeys(msg, []) ?? { type };
    case 'openSource': {
      if ((problem = exactKeys(msg, ['articleId']))) return problem;
      const id = msg['articleId'];
      return typeof id === 'string' && id.length <= LIMITS.articleIdLength && ARTICLE_ID.test(id)
        ? { type, articleId: id }
        : 'articleId: bad article id';
    }
    case 'getCard': {
      if ((problem = exactKeys(msg, ['entityId']))) return problem;
      return isEntityId(msg['entityId']) ? { type, entityId: msg['entityId'] } : 'entityId: bad entity id';
    }
    case 'reportPage': {
      if ((problem = exactKeys(msg, ['names']))) return problem;
      const names = parseNames(msg['names']);
      return typeof names === 'string' ? names : { type, names };
    }
    case 'getSiteEnabled': {
      if ((problem = exactKeys(msg, ['host']))) return problem;
      return isHost(msg['host']) ? { type, host: msg['host'] } : 'host: not a host name';
    }
    case 'setSiteEnabled': {
      if ((problem = exactKeys(msg, ['host', 'enabled']))) return problem;
      if (!isHost(msg['host'])) return 'host: not a host name';
      if (typeof msg['enabled'] !== 'boolean') return 'enabled must be true or false';
      return { type, host: msg['host'], enabled: msg['enabled'] };
    }
    case 'getTabNames': {
      if ((problem = exactKeys(msg, ['tabId']))) return problem;
      const tabId = msg['tabId'];
      return typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0 ? { type, tabId } : 'tabId must be a tab id';
    }
    default:
      return typeof type === 'string' ? `unknown request type "${type.slice(0, 40)}"` : 'missing request type';
  }
}

export function parseRequest(message: unknown, sender: SenderInfo, extensionId: string, extensionOrigin: string): Parsed {
  const from = senderOf(sender, extensionId, extensionOrigin);
  if (typeof from === 'string') return { ok: false, error: from };
  if (!isPlainObject(message)) return { ok: false, error: 'a request is a plain object' };
  const request = parseBody(message);
  if (typeof request === 'string') return { ok: false, error: request };
  if (from.kind === 'content') {
    if (!FROM_CONTENT.has(request.type)) return { ok: false, error: `${request.type} is for extension pages only` };
    if (request.type === 'getSiteEnabled' && request.host !== from.host) {
      return { ok: false, error: 'a content script may ask about its own host only' };
    }
  } else if (request.type === 'reportPage' || request.type === 'switchOffHere' || request.type === 'openSource') {
    return { ok: false, error: `${request.type} comes from content scripts` };
  }
  return { ok: true, request, from };
}
