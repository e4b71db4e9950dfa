import { readFileSync } from 'node:fs';
import { loadMatcher } from '../../core/match/automaton.ts';
import { detect } from '../../core/match/detect.ts';
import { longParagraphs } from './pages.ts';
import { readArticles } from '../../test/e2e/fixtures/make-pages.ts';
const b = JSON.parse(readFileSync('public/data/bundle.json', 'utf8'));
const m = loadMatcher(b.matcher);
const { paragraphs } = longParagraphs(readArticles());
for (let r = 0; r < 6; r++) {
  const t = performance.now(); let n = 0;
  const known = new Set<string>();
  for (const p of paragraphs) { const ms = detect(m, p, { minConfidence: 0.5, knownEntities: known }); n += ms.length; for (const x of ms) if (x.confidence >= 0.9) known.add(x.entityId); }
  console.log(`pass ${r}: ${(performance.now() - t).toFixed(1)} ms, ${n} mentions`);
}
