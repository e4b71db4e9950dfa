/**
 * Ambiguity learned from data: which gazetteer names are also ordinary words, counted in real
 * tagged news (ANERcorp, see scripts/learn-ambiguity.ts and docs/DETECTION.md). The learned table
 * (corpus/ambiguity.json) marks names weak by the same rule as the hand-listed weak aliases: a weak
 * name is shown only with evidence around it (match/context.ts).
 *
 * Pure: the script reads the tagged text and writes the table; the build reads the table.
 */
import { procliticReadings } from '../arabic/clitics.ts';
import { normaliseKey } from '../arabic/normalise.ts';
import type { Entity } from '../types.ts';
import type { ProblemList } from './errors.ts';
import type { SourceFile } from './parse.ts';

/** The rule, with its thresholds: written into the table's header too. */
export const AMBIGUITY_RULE = {
  description:
    'A one-word name (its article aside) is weak when, in the tagged text, it occurs at least ' +
    'MIN_OCCURRENCES times and at least OTHER_SHARE of those are not tagged LOC or ORG (O, PERS, MISC); ' +
    'or when it is seen as an ordinary word at least once and its form without the article (وقت for ' +
    'الوقت) occurs at least MIN_BARE times as a word not tagged LOC or ORG: too rare to count, but ' +
    'an ordinary noun or adjective. A name never seen untagged is left to the hand list: the ' +
    'indefinite form alone says little (رقة "tenderness" is common, yet الرقة in news is the city). ' +
    'Names of two words or more are counted but ' +
    'never made weak by the data: their O tags are the tagged text\'s conventions (it does not tag ' +
    'governments or armies as ORG), not a second sense.',
  MIN_OCCURRENCES: 3,
  OTHER_SHARE: 0.5,
  MIN_BARE: 3,
} as const;

export interface TaggedToken {
  text: string;
  /** BIO tag: O, B-LOC, I-ORG, B-PERS … */
  tag: string;
}

export interface AmbiguityEntry {
  /** The name normalised (normaliseKey). */
  key: string;
  /** The entities that have it. */
  entities: string[];
  /** Occurrences of the name (proclitics allowed on its first word). */
  occurrences: number;
  /** … of which tagged LOC or ORG (any token of the span). */
  locOrg: number;
  /** … of which not (O, PERS, MISC). */
  other: number;
  /** Occurrences of its form without the article as a word not tagged LOC/ORG (one-word ال names). */
  bareOther: number;
  /** Weak by AMBIGUITY_RULE, and why. */
  weak: boolean;
  why?: string;
}

const ARTICLE = 'ال';

/** Every gazetteer name, normalised, with the entities that have it (sorted, for a stable table). */
export function gazetteerKeys(entities: readonly Entity[]): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const e of entities) {
    for (const name of [e.name, ...e.aliases, ...e.weakAliases]) {
      const key = normaliseKey(name);
      if (!key) continue;
      const list = keys.get(key) ?? [];
      if (!list.includes(e.id)) list.push(e.id);
      keys.set(key, list);
    }
  }
  return new Map([...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const isLocOrg = (tag: string) => tag.endsWith('-LOC') || tag.endsWith('-ORG');

/** Count every name in the tagged sentences and apply AMBIGUITY_RULE. */
export function learnAmbiguity(
  sentences: readonly (readonly TaggedToken[])[],
  keys: ReadonlyMap<string, readonly string[]>,
): AmbiguityEntry[] {
  // First words of names (and bare forms) → what to count when a token reads as one.
  const byFirst = new Map<string, string[][]>();
  const bare = new Map<string, string>();
  const entries = new Map<string, AmbiguityEntry>();
  for (const [key, entities] of keys) {
    const words = key.split(' ');
    const list = byFirst.get(words[0]!) ?? [];
    list.push(words);
    byFirst.set(words[0]!, list);
    if (words.length === 1 && key.startsWith(ARTICLE) && key.length > ARTICLE.length + 1) bare.set(key.slice(ARTICLE.length), key);
    entries.set(key, { key, entities: [...entities].sort(), occurrences: 0, locOrg: 0, other: 0, bareOther: 0, weak: false });
  }
  for (const sentence of sentences) {
    const norms = sentence.map((t) => normaliseKey(t.text));
    for (let i = 0; i < norms.length; i++) {
      const readings = procliticReadings(norms[i]!);
      const counted = new Set<string>();
      for (const reading of readings) {
        const bareOf = bare.get(reading);
        if (bareOf && !counted.has(`bare:${bareOf}`) && !isLocOrg(sentence[i]!.tag)) {
          counted.add(`bare:${bareOf}`);
          entries.get(bareOf)!.bareOther++;
        }
        for (const words of byFirst.get(reading) ?? []) {
          const key = words.join(' ');
          if (counted.has(key)) continue;
          let fits = i + words.length <= norms.length;
          for (let j = 1; fits && j < words.length; j++) fits = norms[i + j] === words[j];
          if (!fits) continue;
          counted.add(key);
          const entry = entries.get(key)!;
          entry.occurrences++;
          let tagged = false;
          for (let j = 0; j < words.length; j++) if (isLocOrg(sentence[i + j]!.tag)) tagged = true;
          if (tagged) entry.locOrg++;
          else entry.other++;
        }
      }
    }
  }
  const rule = AMBIGUITY_RULE;
  for (const entry of entries.values()) {
    if (entry.key.includes(' ')) continue;
    if (entry.occurrences >= rule.MIN_OCCURRENCES && entry.other / entry.occurrences >= rule.OTHER_SHARE) {
      entry.weak = true;
      entry.why = `${entry.other} of ${entry.occurrences} occurrences are not LOC/ORG`;
    } else if (entry.other >= 1 && entry.bareOther >= rule.MIN_BARE) {
      entry.weak = true;
      entry.why = `its form without the article occurs ${entry.bareOther} times as an ordinary word`;
    }
  }
  return [...entries.values()];
}

/** The table as committed: a header of provenance, then the counts. */
export interface AmbiguityTable {
  source: string;
  generated: string;
  by: string;
  sentences: number;
  tokens: number;
  rule: typeof AMBIGUITY_RULE;
  /** The names made weak, normalised: what the build reads. */
  weak: string[];
  names: AmbiguityEntry[];
}

/** The learned weak names of a table file; a problem (never a throw) when it is malformed. */
export function parseAmbiguity(source: SourceFile, problems: ProblemList): Set<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source.text);
  } catch (e) {
    problems.add(source.path, 1, `bad JSON: ${(e as Error).message}`);
    return new Set();
  }
  const weak = (parsed as { weak?: unknown } | null)?.weak;
  if (!Array.isArray(weak) || weak.some((w) => typeof w !== 'string' || w === '')) {
    problems.add(source.path, 1, 'field "weak" must be a list of names');
    return new Set();
  }
  return new Set(weak.map((w: string) => normaliseKey(w)));
}

/** The entities with their names that the table makes weak listed among their weak aliases too. */
export function applyAmbiguity(entities: readonly Entity[], weak: ReadonlySet<string>): Entity[] {
  if (weak.size === 0) return [...entities];
  return entities.map((e) => {
    const already = new Set(e.weakAliases.map(normaliseKey));
    const learned = [e.name, ...e.aliases].filter((n) => {
      const key = normaliseKey(n);
      if (!weak.has(key) || already.has(key)) return false;
      already.add(key);
      return true;
    });
    return learned.length === 0 ? e : { ...e, weakAliases: [...e.weakAliases, ...learned] };
  });
}
