/**
 * Every message the background receives is checked here before anything acts on it: the sender is
 * this extension (a content script in an http(s) frame, or one of the extension's own pages), the
 * request has exactly the fields its declaration (lib/messages/requests.ts) lists, with the right
 * types and within LIMITS, and the sender may send that type. Pure, so the rules are unit-tested
 * without a browser.
 */
import type { Request } from '../../lib/messages.ts';
import { REQUESTS, type From } from '../../lib/messages/requests.ts';
import { parseTagged, Problem } from '../../lib/messages/schema.ts';

export { isEntityId, isHost } from '../../lib/messages/fields.ts';
export type { From } from '../../lib/messages/requests.ts';

/** The parts of runtime.MessageSender the checks read (Chrome and Firefox both give them). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  /** The frame's origin (Chrome): for a frame without a URL of its own, its creator's. */
  origin?: string;
}

export type Parsed = { ok: true; request: Request; from: From } | { ok: false; error: string };

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

/** The declaration's sender rule: who may send this type, and the content script's own-host field. */
function senderProblem(request: Request, from: From): string | null {
  const spec = REQUESTS[request.type];
  if (from.kind === 'content') {
    if (spec.from === 'extension') return `${request.type} is for extension pages only`;
    const field = 'ownHost' in spec ? spec.ownHost : undefined;
    if (field && (request as Record<string, unknown>)[field] !== from.host) return 'a content script may ask about its own host only';
  } else if (spec.from === 'content') {
    return `${request.type} comes from content scripts`;
  }
  return null;
}

export function parseRequest(message: unknown, sender: SenderInfo, extensionId: string, extensionOrigin: string): Parsed {
  const from = senderOf(sender, extensionId, extensionOrigin);
  if (typeof from === 'string') return { ok: false, error: from };
  // Own keys of REQUESTS only: `constructor`, `toString`, `__proto__` are no request types.
  const parsed = parseTagged(REQUESTS, 'type', 'request', message);
  if (parsed instanceof Problem) return { ok: false, error: parsed.message };
  const request = parsed as Request;
  const problem = senderProblem(request, from);
  return problem ? { ok: false, error: problem } : { ok: true, request, from };
}
