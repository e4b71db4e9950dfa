/**
 * The saved page's HTML as an inert document, in the background: the browser's DOMParser where
 * the background has one (Firefox's event page), linkedom's in Chrome's service worker (which has
 * no DOM). Either way no script of the page runs and nothing it names is loaded: the document is
 * only read (lib/extract/article.ts), never shown. The one place the extension parses HTML
 * (test/security/source.test.ts lists it).
 */
import { DOMParser as LinkedomParser } from 'linkedom';

export function parseHtml(html: string): Document {
  const Native = (globalThis as { DOMParser?: new () => { parseFromString(s: string, type: 'text/html'): Document } }).DOMParser;
  const parser = Native ? new Native() : (new LinkedomParser() as unknown as { parseFromString(s: string, type: 'text/html'): Document });
  return parser.parseFromString(html, 'text/html');
}
