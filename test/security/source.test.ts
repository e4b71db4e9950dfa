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
 * The one file each rule allows, and why. The library page imports the reader's own .html files:
 * it parses them with DOMParser, whose document is inert (no script runs, nothing loads, it is
 * never attached to the page), and reads only text out of it (lib/extract/html-file.ts).
 */
const ALLOWED: Record<string, string[]> = {
  DOMParser: ['entrypoints/library/read-files.ts'],
};

describe('the extension’s source', () => {
  const all = SOURCE_DIRS.flatMap((d) => files(join(ROOT, d)));

  it('is there to search', () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it.each(FORBIDDEN)('never uses %s', (what, pattern) => {
    const hits = all
      .filter((f) => pattern.test(code(readFileSync(f, 'utf8'))))
      .map((f) => relative(ROOT, f))
      .filter((f) => !(ALLOWED[what] ?? []).includes(f));
    expect(hits).toEqual([]);
  });
});
