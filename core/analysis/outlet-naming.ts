/**
 * How each outlet names an entity, and when the coverage speaks of it: from articles and the
 * mentions found in them, per entity, each outlet with the names it writes (as written, without
 * proclitics: وبالبوكمال counts as البوكمال; spellings grouped by their normalised key and shown
 * in the most frequent one) and the stance words (stance.ts) that stand within a few words of its
 * mentions, and the entity's mentions by date.
 *
 * Derived from the mentions alone, never written per entity. The same function serves the bundle
 * (core/corpus/build.ts) and the reader's own library (issue 13), whose profiles are merged with
 * the bundled ones by `mergeOutletProfiles`. Every stance hit is kept with its count, so that a
 * word written once in each of two sources still recurs once they are merged; what a view shows
 * is `recurringStance`, the words written at least STANCE_MIN_RECURRENCE times.
 */
import { stripProclitics } from '../arabic/clitics.ts';
import { CharRole, ROLE } from '../arabic/chars.ts';
import { normaliseKey } from '../arabic/normalise.ts';
import { Words } from '../arabic/tokenise.ts';
import type { Mention } from '../types.ts';
import {
  STANCE_MIN_RECURRENCE,
  recurringStance,
  type CoverageDay,
  type EntityProfile,
  type NameUse,
  type OutletNaming,
  type StanceUse,
} from './profile.ts';
import { stanceOf } from './stance.ts';

export { STANCE_MIN_RECURRENCE, recurringStance };
export type { CoverageDay, EntityProfile, NameUse, OutletNaming, StanceUse };

/** Words looked at on each side of a mention, within its sentence, up to the next mention. */
export const STANCE_WINDOW_WORDS = 3;

/** What the profile needs of an article: bundled (Article) and library ones alike. */
export interface ProfileArticle {
  id: string;
  /** '' when unknown (a library page that does not say). */
  outlet: string;
  outletEn?: string;
  /** ISO YYYY-MM-DD; an article without one is left out of the timeline. */
  date?: string;
  dateEstimated?: boolean;
  text: string;
}

/** The names an entity is known by (NameEntry of the bundle, or namesOf(entities) for the library). */
export type KnownNames = readonly { key: string; entityId: string }[];

/**
 * @param names when given, a mention's first word loses the proclitic that leaves one of the
 *   entity's own names (بغداد stays بغداد, وبغداد becomes بغداد); without them only a prefix that
 *   carries the article is taken off (والقائم, للبوكمال), the reading a name cannot be mistaken for.
 */
export function outletProfiles(
  articles: readonly ProfileArticle[],
  mentionsByArticle: ReadonlyMap<string, readonly Mention[]>,
  names?: KnownNames,
): EntityProfile[] {
  const known = names ? keysByEntity(names) : undefined;
  const perEntity = new Map<string, { outlets: Map<string, OutletTally>; days: Map<string, CoverageDay> }>();

  for (const article of articles) {
    const mentions = mentionsByArticle.get(article.id) ?? [];
    if (mentions.length === 0) continue;
    const words = new Words(article.text);
    const covered = coveredWords(words, mentions);
    const countedHere = new Set<string>();
    const seenStance = new Set<string>();
    for (const m of mentions) {
      let entry = perEntity.get(m.entityId);
      if (!entry) perEntity.set(m.entityId, (entry = { outlets: new Map(), days: new Map() }));
      const outletKey = article.outlet.trim();
      let tally = entry.outlets.get(outletKey);
      if (!tally) {
        tally = { outlet: outletKey, outletEn: (article.outletEn ?? '').trim(), articles: 0, mentions: 0, names: new Map(), stance: new Map() };
        entry.outlets.set(outletKey, tally);
      }
      const firstHere = !countedHere.has(m.entityId);
      countedHere.add(m.entityId);
      if (firstHere) tally.articles++;
      tally.mentions++;

      const name = nameAsWritten(m.text, known?.get(m.entityId));
      if (name) count(tally.names, name.key, name.text, () => ({ key: name.key, text: name.text, count: 0 }));

      for (const j of windowAround(words, covered, m)) {
        // A word between two mentions of the entity counts once.
        const seen = `${m.entityId}\u0000${j}`;
        if (seenStance.has(seen)) continue;
        seenStance.add(seen);
        const norm = words.norm(j);
        const found = stanceOf(norm);
        if (!found) continue;
        const text = withoutPrefix(article.text.slice(words.start(j), words.end(j)), norm, found.name);
        const key = `${found.stance}\u0000${normaliseKey(text)}`;
        count(tally.stance, key, text, () => ({ key: normaliseKey(text), text, stance: found.stance, count: 0 }));
      }

      if (article.date) {
        let day = entry.days.get(article.date);
        if (!day) entry.days.set(article.date, (day = { date: article.date, articles: 0, mentions: 0, estimated: 0 }));
        if (firstHere) {
          day.articles++;
          if (article.dateEstimated) day.estimated++;
        }
        day.mentions++;
      }
    }
  }

  const profiles: EntityProfile[] = [];
  for (const [entityId, entry] of perEntity) {
    profiles.push({
      entityId,
      outlets: sortOutlets([...entry.outlets.values()].map(finishTally)),
      timeline: [...entry.days.values()].sort((a, b) => a.date.localeCompare(b.date)),
    });
  }
  return profiles.sort((a, b) => a.entityId.localeCompare(b.entityId));
}

/**
 * Two sets of profiles as one (the bundle's and the library's): counts added per entity, outlet,
 * name, stance word and day. A name or word keeps the spelling of the side that writes it more
 * often (the first on a tie).
 */
export function mergeOutletProfiles(a: readonly EntityProfile[], b: readonly EntityProfile[]): EntityProfile[] {
  const byId = new Map<string, EntityProfile>(a.map((p) => [p.entityId, p]));
  for (const p of b) {
    const other = byId.get(p.entityId);
    byId.set(p.entityId, other ? mergeProfile(other, p) : p);
  }
  return [...byId.values()].sort((x, y) => x.entityId.localeCompare(y.entityId));
}

export function mergeProfile(a: EntityProfile, b: EntityProfile): EntityProfile {
  const outlets = new Map(a.outlets.map((o) => [o.outlet, o]));
  for (const o of b.outlets) {
    const x = outlets.get(o.outlet);
    outlets.set(
      o.outlet,
      x
        ? {
            outlet: x.outlet,
            outletEn: x.outletEn || o.outletEn,
            articles: x.articles + o.articles,
            mentions: x.mentions + o.mentions,
            names: mergeCounted(x.names, o.names, (n) => n.key).sort(byCountThenKey),
            stance: mergeCounted(x.stance, o.stance, (s) => `${s.stance}\u0000${s.key}`).sort(byCountThenKey),
          }
        : o,
    );
  }
  const days = new Map(a.timeline.map((d) => [d.date, d]));
  for (const d of b.timeline) {
    const x = days.get(d.date);
    days.set(d.date, x ? { date: d.date, articles: x.articles + d.articles, mentions: x.mentions + d.mentions, estimated: x.estimated + d.estimated } : d);
  }
  return {
    entityId: a.entityId,
    outlets: sortOutlets([...outlets.values()]),
    timeline: [...days.values()].sort((x, y) => x.date.localeCompare(y.date)),
  };
}

// ---------------------------------------------------------------------------------------------

interface Spelled {
  count: number;
  spellings: Map<string, number>;
}

interface OutletTally {
  outlet: string;
  outletEn: string;
  articles: number;
  mentions: number;
  names: Map<string, NameUse & Spelled>;
  stance: Map<string, StanceUse & Spelled>;
}

function count<T extends { count: number; text: string }>(
  map: Map<string, T & Spelled>,
  key: string,
  text: string,
  make: () => T,
): void {
  let item = map.get(key);
  if (!item) map.set(key, (item = { ...make(), spellings: new Map<string, number>() }));
  item.count++;
  item.spellings.set(text, (item.spellings.get(text) ?? 0) + 1);
}

/** The most frequent spelling (the first written on a tie: Map keeps insertion order). */
function mostFrequent(spellings: Map<string, number>): string {
  let best = '';
  let most = 0;
  for (const [text, n] of spellings) if (n > most) [best, most] = [text, n];
  return best;
}

function finishTally(t: OutletTally): OutletNaming {
  const unspell = <T extends { text: string }>(x: T & Spelled): T => {
    const { spellings, ...rest } = x;
    return { ...rest, text: mostFrequent(spellings) } as unknown as T;
  };
  return {
    outlet: t.outlet,
    outletEn: t.outletEn,
    articles: t.articles,
    mentions: t.mentions,
    names: [...t.names.values()].map((n) => unspell<NameUse>(n)).sort(byCountThenKey),
    stance: [...t.stance.values()].map((s) => unspell<StanceUse>(s)).sort(byCountThenKey),
  };
}

function byCountThenKey(a: { count: number; key: string }, b: { count: number; key: string }): number {
  return b.count - a.count || a.key.localeCompare(b.key);
}

function sortOutlets(outlets: OutletNaming[]): OutletNaming[] {
  return outlets.sort((a, b) => b.mentions - a.mentions || b.articles - a.articles || a.outlet.localeCompare(b.outlet));
}

function mergeCounted<T extends { count: number }>(a: readonly T[], b: readonly T[], keyOf: (x: T) => string): T[] {
  const out = new Map(a.map((x) => [keyOf(x), x]));
  for (const y of b) {
    const x = out.get(keyOf(y));
    out.set(keyOf(y), x ? { ...(y.count > x.count ? y : x), count: x.count + y.count } : y);
  }
  return [...out.values()];
}

function keysByEntity(names: KnownNames): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const n of names) {
    let set = map.get(n.entityId);
    if (!set) map.set(n.entityId, (set = new Set()));
    set.add(n.key);
  }
  return map;
}

/**
 * A mention's text as a name: what may stand between a name's words (quotes, brackets, `_`, `#`:
 * chars.ts's Space role) written as one space, then the proclitic before it taken off.
 * "تنظيم “داعش" → تنظيم داعش; "#الجيش_السوري" → الجيش السوري; "للجيش العربي السوري" → الجيش العربي السوري.
 */
export function nameAsWritten(mentionText: string, knownKeys?: ReadonlySet<string>): { key: string; text: string } | undefined {
  let tidy = '';
  for (const ch of mentionText) {
    const role = ROLE[ch.charCodeAt(0)];
    tidy += role === CharRole.Space || role === CharRole.Break ? ' ' : ch;
  }
  tidy = tidy.replace(/\s+/g, ' ').trim();
  const key = normaliseKey(tidy);
  if (!key) return undefined;
  const space = key.indexOf(' ');
  const first = space < 0 ? key : key.slice(0, space);
  const rest = space < 0 ? '' : key.slice(space);
  const readings = stripProclitics(first); // longest prefix first, the bare word last
  const chosen = knownKeys
    ? (readings.find((r) => knownKeys.has(r.name + rest)) ?? readings[readings.length - 1]!)
    : (readings.find((r) => r.prefix !== '' && r.name.startsWith('ال') && !first.startsWith('ال')) ?? readings[readings.length - 1]!);
  if (chosen.prefix === '') return { key, text: tidy };
  const text = withoutPrefix(tidy, first, chosen.name);
  return { key: chosen.name + rest, text };
}

/**
 * `raw` as written (normalised: `word`), read as proclitic + `name`: the proclitic's letters
 * taken off its start; when the proclitic swallowed the name's article (لل: للبوكمال), the
 * article is written back: البوكمال.
 */
function withoutPrefix(raw: string, word: string, name: string): string {
  const swallowed = !word.endsWith(name);
  let letters = word.length - (swallowed ? name.length - 2 : name.length);
  let i = 0;
  while (i < raw.length && letters > 0) {
    if (ROLE[raw.charCodeAt(i)] === CharRole.Letter) letters--;
    i++;
  }
  // Diacritics of the last proclitic letter go with it.
  while (i < raw.length && ROLE[raw.charCodeAt(i)] === CharRole.Skip) i++;
  const rest = raw.slice(i);
  return swallowed ? `ال${rest}` : rest;
}

/** Which words lie (partly) inside any mention. */
function coveredWords(words: Words, mentions: readonly Mention[]): Uint8Array {
  const covered = new Uint8Array(words.count);
  for (const m of mentions) {
    for (let i = words.at(m.start); i < words.count && words.start(i) < m.end; i++) covered[i] = 1;
  }
  return covered;
}

/**
 * The words around a mention: up to STANCE_WINDOW_WORDS on each side, not across sentence
 * punctuation and not into another mention (the words beyond it are that name's context).
 */
function windowAround(words: Words, covered: Uint8Array, m: Mention): number[] {
  const out: number[] = [];
  const first = words.at(m.start);
  let last = first;
  while (last + 1 < words.count && words.start(last + 1) < m.end) last++;
  for (let j = first - 1, n = 0; j >= 0 && n < STANCE_WINDOW_WORDS; j--, n++) {
    if (covered[j] || words.breakBefore(j + 1)) break;
    out.push(j);
  }
  for (let j = last + 1, n = 0; j < words.count && n < STANCE_WINDOW_WORDS; j++, n++) {
    if (covered[j] || words.breakBefore(j)) break;
    out.push(j);
  }
  return out;
}
