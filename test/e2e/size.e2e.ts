/**
 * The content script's size budget (issue 14): every page the reader opens parses and evaluates
 * it, so it stays at most 60 KB gzipped (gzip -9, as BENCHMARKS.md measures it). Runs with the
 * end-to-end tests because it needs the build (`npm run build`); `npx tsx scripts/size-report.ts`
 * says which modules take the room.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness.ts';

/** Issue 14's target for content-scripts/content.js, gzipped. */
const CONTENT_SCRIPT_GZIP_BUDGET_BYTES = 60_000;

function built(path: string): Buffer {
  const file = join(EXTENSION_DIR, path);
  if (!existsSync(file)) throw new Error(`no ${path} in ${EXTENSION_DIR}: run \`npm run build\` first`);
  return readFileSync(file);
}

describe('the content script', () => {
  it(`is at most ${CONTENT_SCRIPT_GZIP_BUDGET_BYTES / 1000} KB gzipped`, () => {
    const code = built('content-scripts/content.js');
    const gz = gzipSync(code, { level: 9 }).length;
    console.log(`content.js: ${gz} bytes gzipped (${code.length} raw), budget ${CONTENT_SCRIPT_GZIP_BUDGET_BYTES}`);
    expect(gz).toBeLessThanOrEqual(CONTENT_SCRIPT_GZIP_BUDGET_BYTES);
  });

  it('carries the words of the card in both languages, and not those of the extension pages', () => {
    const code = built('content-scripts/content.js').toString('utf8');
    // Keys as the minifier writes an object's property names (bare, or quoted when it must).
    const has = (key: string) => new RegExp(`[{,]"?${key}"?:\\{message:`).test(code);
    const objects = code.match(/\{message:/g)?.length ?? 0;
    for (const key of ['close', 'loading', 'notFound', 'aliases', 'kindArmy', 'coverageCount_few', 'notThis', 'copyName']) {
      expect({ key, kept: has(key) }).toEqual({ key, kept: true });
    }
    // The popup's search box and the options page's language picker are not the card's.
    for (const key of ['searchPlaceholder', 'extName']) expect({ key, kept: has(key) }).toEqual({ key, kept: false });
    expect(objects % 2).toBe(0);
  });
});
