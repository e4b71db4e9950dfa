/**
 * The detector on real Arabic news it was not built from: ANERcorp's development part
 * (../shared/anercorp/train.bio, see its README). Sentences are rebuilt from the tokens (joined
 * with spaces, each token's offsets kept) and run through detect with the real gazetteer.
 *
 * - precision: detected place/group mentions that overlap a gold LOC or ORG span, over all
 *   detected place/group mentions;
 * - recall: gold LOC/ORG spans whose text is a name the gazetteer knows (normalised, proclitics
 *   stripped) that the detector found as that entity, over all such spans.
 * LOC and ORG count alike (the README notes label noise between them).
 */
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { stripProclitics } from '../../core/arabic/clitics.ts';
import { normaliseKey } from '../../core/arabic/normalise.ts';
import { namesOf } from '../../core/corpus/build.ts';
import { detect } from '../../core/match/detect.ts';
import { categoryOf, type Mention } from '../../core/types.ts';
import { ANERCORP, readBio, type Sentence } from './bio.ts';
import { realGazetteer } from './helpers.ts';

const MIN_PRECISION = 0.97;
const MIN_RECALL = 0.97;
const SHOW = 30;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

describe('ANERcorp (development part)', () => {
  test(`precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL} on the names the gazetteer knows`, () => {
    if (!existsSync(ANERCORP)) {
      throw new Error(`ANERcorp is missing: expected ${ANERCORP} (see ../shared/anercorp/README.md)`);
    }
    const sentences = readBio(ANERCORP);
    expect(sentences.length).toBeGreaterThan(3000);

    const { entities, matcher } = realGazetteer();
    const categoryById = new Map(entities.map((e) => [e.id, categoryOf(e.kind)]));
    /** Normalised name → the entities that have it. */
    const index = new Map<string, Set<string>>();
    for (const n of namesOf(entities)) {
      const set = index.get(n.key) ?? new Set<string>();
      set.add(n.entityId);
      index.set(n.key, set);
    }
    const knownAs = (spanText: string): Set<string> | undefined => {
      for (const r of stripProclitics(normaliseKey(spanText))) {
        const ids = index.get(r.name);
        if (ids) return ids;
      }
      return undefined;
    };

    let detected = 0;
    let correct = 0;
    let known = 0;
    let found = 0;
    const falsePositives: string[] = [];
    const misses: string[] = [];
    const show = (s: Sentence, span: { start: number; end: number }) =>
      `${s.text.slice(Math.max(0, span.start - 40), span.start)}[${s.text.slice(span.start, span.end)}]${s.text.slice(span.end, span.end + 40)}`;

    for (const s of sentences) {
      const mentions: Mention[] = detect(matcher, s.text);
      for (const m of mentions) {
        const category = categoryById.get(m.entityId);
        if (category !== 'place' && category !== 'group') continue;
        detected++;
        if (s.gold.some((g) => overlaps(g, m))) correct++;
        else falsePositives.push(`${m.entityId} (${m.confidence}): ${show(s, m)}`);
      }
      for (const g of s.gold) {
        const ids = knownAs(s.text.slice(g.start, g.end));
        if (!ids) continue;
        known++;
        if (mentions.some((m) => overlaps(g, m) && ids.has(m.entityId))) found++;
        else {
          const near = mentions.filter((m) => overlaps(g, m)).map((m) => m.entityId);
          const weak = detect(matcher, s.text, { minConfidence: 0 }).filter((m) => overlaps(g, m) && ids.has(m.entityId));
          misses.push(
            `${g.label} ${[...ids].join('|')}${near.length ? ` (found as ${near.join(', ')})` : ''}` +
              `${weak.length ? ` (below threshold: ${weak.map((m) => m.confidence).join(', ')})` : ''}: ${show(s, g)}`,
          );
        }
      }
    }

    const precision = detected === 0 ? 0 : correct / detected;
    const recall = known === 0 ? 0 : found / known;
    console.log(
      [
        `ANERcorp: ${sentences.length} sentences, ${sentences.reduce((n, s) => n + s.gold.length, 0)} gold LOC/ORG spans`,
        `precision ${precision.toFixed(4)} = ${correct}/${detected} detected place/group mentions on a gold LOC/ORG span`,
        `recall    ${recall.toFixed(4)} = ${found}/${known} gold LOC/ORG spans naming a gazetteer entity, found as it`,
        `false positives (${falsePositives.length}${falsePositives.length > SHOW ? `, first ${SHOW}` : ''}):`,
        ...falsePositives.slice(0, SHOW).map((l) => `  ${l}`),
        `misses (${misses.length}${misses.length > SHOW ? `, first ${SHOW}` : ''}):`,
        ...misses.slice(0, SHOW).map((l) => `  ${l}`),
      ].join('\n'),
    );

    // Not vacuous: the gazetteer's countries and capitals are all over ANERcorp.
    expect(known).toBeGreaterThan(300);
    expect(detected).toBeGreaterThan(300);
    expect(precision, `precision ${correct}/${detected}`).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(recall, `recall ${found}/${known}`).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});
