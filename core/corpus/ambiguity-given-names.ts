/**
 * Round 7: given names learned from tagged news, for the rule "a place name right after a given
 * name is a surname" (GIVEN_NAME_BEFORE, core/match/given-names.ts): جورج واشنطن is a man.
 *
 * A token is a given name when, in the tagged text, it opens a person's name of two tokens or
 * more (B-PERS followed by I-PERS) at least MIN_OPENINGS times and is never tagged O, bare or
 * with a proclitic: "دان" (condemned) opens names too but is also a verb, and a verb before a place
 * is no name ("دان واشنطن الهجوم"); "لصالح" (in favour of) makes صالح none ("لصالح واشنطن"). Name particles (أبو، بن، عبد) are left out: "أبو كمال" is a place.
 * Pure: scripts/learn-given-names.ts reads the tagged text and writes the table.
 */
import { procliticReadings } from '../arabic/clitics.ts';
import { normaliseKey } from '../arabic/normalise.ts';
import type { TaggedToken } from './ambiguity.ts';

export const GIVEN_NAME_RULE = {
  description:
    'A token is a given name when it opens a person\'s name of two tokens or more (B-PERS then I-PERS) at ' +
    'least MIN_OPENINGS times in the tagged text and is never tagged O, bare or with a proclitic (لصالح); ' +
    'with a proclitic و/ل taken off; ' +
    'name particles (PARTICLES) left out.',
  MIN_OPENINGS: 3,
  PARTICLES: ['ابو', 'ابي', 'بو', 'بن', 'ابن', 'عبد'],
} as const;

/** The given names of `sentences`, normalised, sorted. */
export function learnGivenNames(sentences: readonly (readonly TaggedToken[])[]): string[] {
  const openings = new Map<string, number>();
  const untagged = new Set<string>();
  for (const tokens of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const key = normaliseKey(t.text);
      // An ordinary word with a proclitic counts against the bare word too: لصالح ("in favour of") makes صالح none.
      if (t.tag === 'O') for (const r of procliticReadings(key)) untagged.add(r);
      if (t.tag === 'B-PERS' && tokens[i + 1]?.tag === 'I-PERS') openings.set(key, (openings.get(key) ?? 0) + 1);
    }
  }
  const names = new Set<string>();
  const particles = new Set<string>(GIVEN_NAME_RULE.PARTICLES);
  for (const [key, n] of openings) {
    if (n < GIVEN_NAME_RULE.MIN_OPENINGS || untagged.has(key)) continue;
    // "ومحمد", "لأبي": the name is the word without its conjunction or preposition.
    const bare = /^[وفل]/.test(key) && openings.has(key.slice(1)) ? key.slice(1) : key;
    if (!particles.has(bare) && !particles.has(bare.replace(/^ل/, ''))) names.add(bare);
  }
  return [...names].sort();
}
