/**
 * Page and corpus text reach the reader only as text: no source file of the extension (everything
 * that goes into the build) parses strings as HTML or code. Comments are left out of the search,
 * so the rule can be written down where it applies.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCE_DIRS = ['components', 'core', 'db', 'entrypoints', 'lib', 'page'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx|js|mjs|html)$/.test(name) ? [path] : [];
  });
}

/** The code without its comments (block, line and JSX comments), strings kept. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const FORBIDDEN: [string, RegExp][] = [
  ['innerHTML / outerHTML', /\b(inner|outer)HTML\b/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['DOMParser', /\bDOMParser\b/],
  ['createContextualFragment', /createContextualFragment/],
  ['srcdoc', /\bsrcdoc\b/],
  ['eval', /(^|[^.\w])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['string timers', /set(Timeout|Interval)\s*\(\s*['"`]/],
  ['javascript: URLs', /javascript:/i],
];

/**
 * The only exceptions, each for one reason (issue 13 "Save this page"): the content script reads
 * (serialises, never assigns) its document's outerHTML to hand the background a copy, and the
 * background parses that copy into an inert document (no script runs, nothing loads) to find the
 * article in it; the library's import worker parses the reader's own .html files the same way
 * (parse-html.ts's linkedom, an inert document, only its text read: lib/extract/html-file.ts).
 * Assigning HTML
 * anywhere stays forbidden, here too.
 */
const ALLOWED: Record<string, string[]> = {
  'innerHTML / outerHTML': ['entrypoints/content/copy-page.ts'],
  DOMParser: ['entrypoints/background/parse-html.ts'],
};

describe('the extension’s source', () => {
  const all = SOURCE_DIRS.flatMap((d) => files(join(ROOT, d)));

  it('is there to search', () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it.each(FORBIDDEN)('never uses %s', (_what, pattern) => {
    const hits = all.filter((f) => pattern.test(code(readFileSync(f, 'utf8')))).map((f) => relative(ROOT, f));
    expect(hits.filter((f) => !(ALLOWED[_what] ?? []).includes(f))).toEqual([]);
  });

  it('reads outerHTML only, never assigns it, where it is allowed', () => {
    for (const f of ALLOWED['innerHTML / outerHTML']!) {
      expect(code(readFileSync(join(ROOT, f), 'utf8')), f).not.toMatch(/\b(inner|outer)HTML\s*(=[^=]|\+=)/);
    }
  });
});
