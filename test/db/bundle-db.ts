/**
 * The set-up the library's tests share: a fresh database (fake-indexeddb) with a bundle imported
 * (through the relaxed connection, as the background imports), and the bundle's matcher.
 */
import { loadMatcher, type Matcher } from '../../core/match/automaton.ts';
import type { Bundle } from '../../core/types.ts';
import { openDatabase, type LensDatabase } from '../../db/database.ts';
import { importBundle } from '../../db/import.ts';
import { matcherPayload } from '../../db/queries.ts';
import { fixtureBundle, freshName } from './fixture.ts';

/** A new database holding `bundle` (the fixture's by default); close it with closeDatabase(name). */
export async function openBundleDatabase(bundle: Bundle = fixtureBundle()): Promise<{ name: string; db: LensDatabase }> {
  const name = freshName();
  await importBundle(openDatabase(name, { relaxed: true }), bundle);
  return { name, db: openDatabase(name) };
}

/** The matcher pages scan with: the bundle's names and the reader's. */
export async function storedMatcher(db: LensDatabase): Promise<Matcher> {
  return loadMatcher((await matcherPayload(db))!.matcher);
}
