/**
 * The reader's corrections (issue 10 item 4): "not this" on a highlighted word, for this site or
 * everywhere. A correction names a word and the entity it was wrongly taken for; the scanner drops
 * every mention of that entity through that word (on the site, or on every site), live in every
 * open tab, and the options page lists them for undoing.
 *
 * This module is the model alone, no browser API (lib/corrections-store.ts keeps them in extension
 * storage): what a correction is, how a stored value is read as untrusted input, and the filter.
 *
 * The word is kept as its normalised form (core/arabic: diacritics, hamza and taa-marbuta folded),
 * the way the matcher reads it, so "القائم" and "القَائِم" are one correction. The matcher's
 * mention starts at the name's own first letter (its proclitics و، ب، ف… are outside the span, see
 * core/match/automaton.ts), with one exception: li- + al- writes "لل", and the mention of
 * "للقائم" is the whole word. `readingsOf` therefore also reads a word starting with "لل" as
 * "ال…" (للقائم → القائم, li- + al-) and as "ال" + the word's own lam (للاذقية → اللاذقية, li- + al-
 * before a lam), as the proclitic table does (core/arabic/clitics.ts).
 */
import { normaliseKey } from '../core/arabic/normalise.ts';

/** Where a correction applies: the one site it was made on, or every site. */
export type CorrectionScope = 'host' | 'global';

export interface Correction {
  /** The word, normalised (normaliseKey, one of readingsOf's readings of the page text). */
  surface: string;
  entityId: string;
  /** The site (siteOf) it applies on; null: everywhere. */
  host: string | null;
  /** The word as the page wrote it, for the options page's list. */
  text: string;
  /** The entity's name when the correction was made, for the list (the id is what counts). */
  entityName: string;
  /** When it was made (ms since the epoch): the list shows the newest first. */
  at: number;
}

/** Bounds on what is read back: a stored value is untrusted (another version, a hand edit). */
export const MAX_CORRECTIONS = 2000;
const MAX_FIELD_CHARS = 300;

/** A host as a site: lower case, without a leading "www." (www.example.com is example.com). */
export function siteOf(host: string): string {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  return h.startsWith('www.') ? h.slice(4) : h;
}

/** The normalised readings of a mention's page text (see the module comment for "لل"). */
export function readingsOf(text: string): string[] {
  const key = normaliseKey(text);
  if (!key.startsWith('لل') || key.length < 4) return [key];
  return [key, `ال${key.slice(2)}`, `ال${key.slice(1)}`];
}

/**
 * The form a correction stores for a mention's text: the reading that is one of the entity's names
 * (`isName`, from the matcher), else the first reading.
 */
export function surfaceOf(text: string, isName: (normalised: string) => boolean = () => false): string {
  const readings = readingsOf(text);
  return readings.find(isName) ?? readings[0]!;
}

/** One key per word, entity and scope: the same correction twice is stored once. */
export function correctionKey(c: Pick<Correction, 'surface' | 'entityId' | 'host'>): string {
  return `${c.surface}\u0000${c.entityId}\u0000${c.host ?? ''}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function boundedString(v: unknown, allowEmpty = false): v is string {
  return typeof v === 'string' && v.length <= MAX_FIELD_CHARS && (allowEmpty || v.trim().length > 0);
}

/** One stored correction, or undefined when it is not one. */
export function parseCorrection(raw: unknown): Correction | undefined {
  if (!isRecord(raw)) return undefined;
  const { surface, entityId, host, text, entityName, at } = raw;
  if (!boundedString(surface) || !boundedString(entityId)) return undefined;
  if (host !== null && !(boundedString(host) && /^[a-z0-9.\-:[\]]+$/i.test(host))) return undefined;
  // The stored surface must be a normalised word: a hand-edited "القَائِم" is normalised here.
  const normal = normaliseKey(surface);
  if (normal.length === 0) return undefined;
  return {
    surface: normal,
    entityId,
    host: host === null ? null : siteOf(host),
    text: boundedString(text) ? text : normal,
    entityName: boundedString(entityName, true) ? entityName : '',
    at: typeof at === 'number' && Number.isFinite(at) ? at : 0,
  };
}

/** Any stored value → the valid corrections it holds, each once, newest first, at most MAX_CORRECTIONS. */
export function parseCorrections(raw: unknown): Correction[] {
  if (!Array.isArray(raw)) return [];
  const parsed = raw.map(parseCorrection).filter((c): c is Correction => c !== undefined);
  // Newest first, so that of two equal corrections the newer is kept.
  parsed.sort((a, b) => b.at - a.at);
  const seen = new Set<string>();
  const out: Correction[] = [];
  for (const c of parsed) {
    const key = correctionKey(c);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
    if (out.length === MAX_CORRECTIONS) break;
  }
  return out;
}

/** The list with `c` added (in front; an equal one is replaced). */
export function withCorrection(list: readonly Correction[], c: Correction): Correction[] {
  const key = correctionKey(c);
  return [c, ...list.filter((x) => correctionKey(x) !== key)].slice(0, MAX_CORRECTIONS);
}

/** The list without `c` (by key). */
export function withoutCorrection(list: readonly Correction[], c: Pick<Correction, 'surface' | 'entityId' | 'host'>): Correction[] {
  const key = correctionKey(c);
  return list.filter((x) => correctionKey(x) !== key);
}

/** Whether a mention of `entityId` through `text` is to be dropped. */
export type MentionFilter = (entityId: string, text: string) => boolean;

/**
 * The filter for pages on `host`: the corrections made on this site and those made for every site.
 * Undefined when none applies (the scanner then pays nothing).
 */
export function correctionFilter(list: readonly Correction[], host: string): MentionFilter | undefined {
  const site = siteOf(host);
  const byEntity = new Map<string, Set<string>>();
  for (const c of list) {
    if (c.host !== null && c.host !== site) continue;
    let surfaces = byEntity.get(c.entityId);
    if (!surfaces) byEntity.set(c.entityId, (surfaces = new Set()));
    surfaces.add(c.surface);
  }
  if (byEntity.size === 0) return undefined;
  return (entityId, text) => {
    const surfaces = byEntity.get(entityId);
    if (!surfaces) return false;
    for (const r of readingsOf(text)) if (surfaces.has(r)) return true;
    return false;
  };
}

/** The keys of the corrections that apply on `host` (to tell whether a change lifted one). */
export function applyingKeys(list: readonly Correction[], host: string): Set<string> {
  const site = siteOf(host);
  return new Set(list.filter((c) => c.host === null || c.host === site).map(correctionKey));
}
