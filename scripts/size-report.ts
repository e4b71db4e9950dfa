/**
 * What the content script is made of: builds the Chrome extension with source maps into a
 * scratch directory and prints, for content-scripts/content.js, the minified bytes each source
 * module contributes (from the source map) and its share of the gzipped size (gzip -9 of the whole
 * file, shared out by minified bytes: gzip does not split exactly, so the shares are estimates).
 * BENCHMARKS.md ("Size") lists the biggest. Usage: npx tsx scripts/size-report.ts [--top N]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { build } from 'wxt';

const topArg = process.argv.indexOf('--top');
const top = topArg > 0 ? Number(process.argv[topArg + 1]) : 30;
const outDir = mkdtempSync(join(tmpdir(), 'khabar-size-'));
try {
  await build({ outDir, vite: () => ({ build: { sourcemap: true } }) });
  const file = join(outDir, 'chrome-mv3', 'content-scripts', 'content.js');
  const code = readFileSync(file, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  // Each generated line's characters, from one mapping to the next, belong to the first one's source.
  const lines = code.split('\n');
  const bytes = new Map<string, number>();
  let previous: { line: number; column: number; source: string } | undefined;
  const credit = (to: { line: number; column: number }) => {
    if (!previous) return;
    let n = 0;
    for (let l = previous.line; l <= to.line; l++) {
      const text = lines[l - 1] ?? '';
      const from = l === previous.line ? previous.column : 0;
      const end = l === to.line ? to.column : text.length + 1;
      n += Buffer.byteLength(text.slice(from, end));
    }
    bytes.set(previous.source, (bytes.get(previous.source) ?? 0) + n);
  };
  map.eachMapping((m) => {
    const at = { line: m.generatedLine, column: m.generatedColumn };
    credit(at);
    previous = { ...at, source: m.source ? relative(process.cwd(), m.source.replace(/^.*?(?=\/(node_modules|core|db|lib|page|components|entrypoints|public)\/)/, process.cwd())) : '(no source)' };
  });
  credit({ line: lines.length, column: lines[lines.length - 1]!.length });
  const raw = Buffer.byteLength(code);
  const gz = gzipSync(code, { level: 9 }).length;
  const rows = [...bytes].sort((a, b) => b[1] - a[1]);
  console.log(`content.js: ${raw} bytes, ${gz} gzipped (gzip -9)`);
  console.log('minified bytes   ≈ gz share   module');
  for (const [source, n] of rows.slice(0, top)) {
    console.log(`${String(n).padStart(14)}   ${String(Math.round((n / raw) * gz)).padStart(10)}   ${source}`);
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
