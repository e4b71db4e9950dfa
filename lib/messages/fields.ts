/**
 * The field schemas messages share: ids, hosts, counts, each with its LIMITS. A new message uses
 * these (or adds one here) so the same thing is checked the same way everywhere.
 */
import { LIMITS } from '../messages.ts';
import { int, str } from './schema.ts';

const ENTITY_ID = /^[a-z]+:[a-z0-9][a-z0-9-]*$/;
const ARTICLE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/** A host name as URL.hostname gives it: lower case, punycode, an IPv4 or a bracketed IPv6. */
export function isHost(host: unknown): host is string {
  if (typeof host !== 'string' || host.length === 0 || host.length > LIMITS.hostLength) return false;
  if (IPV6.test(host)) return true;
  // A fully qualified name may end in a dot (example.com.).
  return host.replace(/\.$/, '').split('.').every((label) => HOST_LABEL.test(label));
}

export function isEntityId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= LIMITS.idLength && ENTITY_ID.test(id);
}

/** `category:slug`, e.g. place:albukamal, group:isis. */
export const entityId = str({ max: LIMITS.idLength, pattern: ENTITY_ID, what: 'bad entity id' });
/** Short corpus slugs, e.g. 001, aljazeera-2017-11-03. */
export const articleId = str({ max: LIMITS.articleIdLength, pattern: ARTICLE_ID, what: 'bad article id' });
/** e.g. www.aljazeera.net, 127.0.0.1, [::1]. */
export const host = str({ max: LIMITS.hostLength, test: isHost, what: 'not a host name' });
/** A browser tab id. */
export const tabId = int({ min: 0, max: Number.MAX_SAFE_INTEGER, what: 'not a tab id' });
/** Mentions of one name on one page. */
export const mentionCount = int({ min: 0, max: LIMITS.mentionsPerName, what: 'bad count' });
