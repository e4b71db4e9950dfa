import { readFileSync } from 'node:fs';
import { loadMatcher } from '../../core/match/automaton.ts';
const b = JSON.parse(readFileSync('public/data/bundle.json', 'utf8'));
for (let i = 0; i < 3; i++) { const t = performance.now(); loadMatcher(b.matcher); console.log('load', (performance.now() - t).toFixed(2)); }
