/**
 * The reader's own names as the extension pages change them (issue 13 item 3): stored in the
 * database here (extension pages open it themselves), then the background is told (`namesChanged`)
 * so that open tabs and the library follow (entrypoints/background/own-names.ts). Delete hands
 * back what it removed, for undo.
 */
import { normaliseKey } from '../core/arabic/normalise.ts';
import { suggestNames, type Suggestion } from '../core/library/suggest.ts';
import type { Entity } from '../core/types.ts';
import type { LensDatabase } from '../db/database.ts';
import { deleteUserEntity, putUserEntity } from '../db/library.ts';
import { sendRequest } from './messages.ts';
import { gazetteer } from './ui-data.ts';
import { RESCAN_KEY, type RescanRecord } from './rescan-record.ts';

export { RESCAN_KEY, type RescanRecord };

/** userMeta key of the words the reader dismissed from the suggestions. */
export const DISMISSED_KEY = 'dismissed';

export async function saveOwnName(db: LensDatabase, entity: Entity): Promise<void> {
  await putUserEntity(db, entity);
  await sendRequest({ type: 'namesChanged' });
}

/** Delete the reader's name; what it was comes back for undo (saveOwnName puts it back). */
export async function deleteOwnName(db: LensDatabase, id: string): Promise<Entity | undefined> {
  const removed = await deleteUserEntity(db, id);
  await sendRequest({ type: 'namesChanged' });
  return removed;
}

export async function readRescan(db: LensDatabase): Promise<RescanRecord | undefined> {
  const row = await db.userMeta.get(RESCAN_KEY);
  return row ? (row as unknown as RescanRecord) : undefined;
}

export async function dismissedWords(db: LensDatabase): Promise<Set<string>> {
  const row = await db.userMeta.get(DISMISSED_KEY);
  const words = row?.['words'];
  return new Set(Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : []);
}

/** Dismiss a suggested word (its normalised key); `undo` takes it back. */
export async function setDismissed(db: LensDatabase, key: string, dismissed: boolean): Promise<void> {
  await db.transaction('rw', db.userMeta, async () => {
    const words = await dismissedWords(db);
    if (dismissed) words.add(key);
    else words.delete(key);
    await db.userMeta.put({ key: DISMISSED_KEY, words: [...words].sort() });
  });
}

/**
 * The names the library suggests (core/library/suggest.ts): its texts read with their stored
 * mentions, against every name the gazetteer knows (bundled and the reader's) and the dismissed.
 */
export async function librarySuggestions(db: LensDatabase, limit = 30): Promise<Suggestion[]> {
  const [texts, known, dismissed] = await Promise.all([db.libraryTexts.toArray(), gazetteer(db), dismissedWords(db)]);
  const names = new Set<string>();
  for (const e of known.byId.values()) for (const n of [e.name, ...e.aliases, ...e.weakAliases]) names.add(normaliseKey(n));
  return suggestNames(
    texts.map((row) => ({ articleId: row.id, text: row.text, mentions: mentionSpans(row.mentions) })),
    { known: names, dismissed, limit },
  );
}

function mentionSpans(json: string): { start: number; end: number }[] {
  try {
    const stored = JSON.parse(json) as unknown;
    if (!Array.isArray(stored)) return [];
    return stored.filter((m): m is [number, number] => Array.isArray(m) && typeof m[0] === 'number' && typeof m[1] === 'number').map((m) => ({ start: m[0], end: m[1] }));
  } catch {
    return [];
  }
}
