/**
 * The real corpus for the corpus tests: the gazetteer as the CLI reads it from corpus/, its
 * matcher, and the repository root.
 */
import { join } from 'node:path';
import { loadGazetteer, matcherFor } from '../../core/corpus/build.ts';
import { loadMatcher, type Matcher } from '../../core/match/automaton.ts';
import type { Entity } from '../../core/types.ts';
import { ambiguityFile, gazetteerFiles } from '../../scripts/corpus-files.ts';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

let cached: { entities: Entity[]; matcher: Matcher } | undefined;

/** The curated gazetteer (corpus/gazetteer/*.jsonl) and its matcher, loaded once. */
export function realGazetteer(): { entities: Entity[]; matcher: Matcher } {
  if (!cached) {
    const entities = loadGazetteer(gazetteerFiles(), ambiguityFile());
    cached = { entities, matcher: loadMatcher(matcherFor(entities)) };
  }
  return cached;
}
