/**
 * Every name of every entity in corpus/gazetteer, in every proclitic form that fits it (with ال:
 * ال، وال، بال، لل، فال، وبال …; without: و ف ب ل ك وب …), inside a neutral Arabic sentence, is
 * found by detect as a mention of that entity. Weak names get the supporting context their
 * category calls for (a trigger word such as مدينة or قوات right before them).
 */
import { describe, expect, test } from 'vitest';
import { PROCLITICS, splitArticle } from '../../core/arabic/clitics.ts';
import { normaliseKey } from '../../core/arabic/normalise.ts';
import { detect } from '../../core/match/detect.ts';
import { SMALL_PLACE_NEEDS_REGION } from '../../core/match/region.ts';
import { categoryOf, type Entity, type EntityKind } from '../../core/types.ts';
import { realGazetteer } from './helpers.ts';

const { entities, matcher } = realGazetteer();

/** The word right before a weak name that says what it names. */
const TRIGGER: Partial<Record<EntityKind, string>> = {
  city: 'مدينة',
  town: 'بلدة',
  village: 'قرية',
  neighbourhood: 'حي',
  district: 'قضاء',
  governorate: 'محافظة',
  region: 'منطقة',
  river: 'نهر',
  valley: 'وادي',
  dam: 'سد',
  base: 'قاعدة',
  'border-crossing': 'معبر',
  'oil-station': 'منطقة',
  country: 'منطقة',
  outlet: 'مراسل',
};
const GROUP_TRIGGER = 'قوات';

/** The name written with a proclitic: one with the article gives its ال to وال, بال, لل … */
function cliticForms(name: string): { prefix: string; word: string; nameStart: number }[] {
  const { core, article } = splitArticle(normaliseKey(name));
  const forms: { prefix: string; word: string; nameStart: number }[] = [];
  for (const p of PROCLITICS) {
    if (p.article !== article) continue;
    if (p.coreStartsWith !== undefined && !core.startsWith(p.coreStartsWith)) continue;
    if (article) {
      // The article is written ال; a proclitic that carries it replaces it (وال، بال، لل …), and
      // li- before a lam-initial name swallows it whole (للاذقية: the mention starts at that lam).
      if (!name.startsWith('ال')) throw new Error(`"${name}" normalises with the article but is not written with ال`);
      const nameStart = p.coreStartsWith !== undefined ? p.prefix.length - 1 : p.prefix.length - 2;
      forms.push({ prefix: p.prefix, word: p.prefix + name.slice(2), nameStart });
    } else {
      forms.push({ prefix: p.prefix, word: p.prefix + name, nameStart: p.prefix.length });
    }
  }
  return forms;
}

/** A sentence around `word`, with what a weak name needs. Returns the sentence and where `word` starts. */
/** A small place's parent named after it (SMALL_PLACE_NEEDS_REGION, round 8), or nothing. */
function regionFor(e: Entity, weak: boolean): string {
  const rule = SMALL_PLACE_NEEDS_REGION;
  if (!rule.always.has(e.kind) && !(weak && rule.weak.has(e.kind))) return '';
  const parent = entities.find((p) => p.id === e.parent);
  if (!parent) throw new Error(`${e.id}: a ${e.kind} needs a parent in the gazetteer`);
  return ` في ${parent.name}`;
}

function sentenceFor(e: Entity, word: string, weak: boolean): { sentence: string; at: number } {
  const region = regionFor(e, weak);
  if (!weak) {
    const before = 'قال المصدر إن ';
    return { sentence: `${before}${word} كان محور الحديث أمس${region}.`, at: before.length };
  }
  const category = categoryOf(e.kind);
  if (category === 'person') {
    // No word names a person; the full name earlier in the text does.
    const before = `تحدث ${e.name} للصحفيين. وقال `;
    return { sentence: `${before}${word} إن الوضع مستقر.`, at: before.length };
  }
  const trigger = category === 'group' ? GROUP_TRIGGER : TRIGGER[e.kind];
  if (!trigger) throw new Error(`no trigger word for kind ${e.kind} in this test`);
  const before = `وأشار المصدر إلى ${trigger} `;
  // A coalition's weak name needs its theatre named too (THEATRE_FROM_REGION, round 6).
  const theatre = e.kind === 'coalition' ? ' عن داعش' : '';
  return { sentence: `${before}${word} في تقريره${theatre}${region}.`, at: before.length };
}

// A name also listed among the weak aliases is weak (القائم): it is tested as weak only.
const NAMES = entities.flatMap((e) => [
  ...[e.name, ...e.aliases].filter((name) => !e.weakAliases.includes(name)).map((name) => [e.id, name, false, e] as const),
  ...e.weakAliases.map((name) => [e.id, name, true, e] as const),
]);

describe('the gazetteer is there', () => {
  test('corpus/gazetteer holds places and groups with names', () => {
    expect(entities.filter((e) => categoryOf(e.kind) === 'place').length).toBeGreaterThan(20);
    expect(entities.filter((e) => categoryOf(e.kind) === 'group').length).toBeGreaterThan(10);
    expect(NAMES.length).toBeGreaterThan(entities.length);
  });
});

describe('every name in every proclitic form', () => {
  test.each(NAMES.map(([id, name, weak, e]) => [id, name, weak ? 'weak' : 'strong', e] as const))(
    '%s: %s (%s)',
    (id, name, strength, e) => {
      const weak = strength === 'weak';
      const misses: string[] = [];
      for (const { word, nameStart } of cliticForms(name)) {
        const { sentence, at } = sentenceFor(e, word, weak);
        const start = at + nameStart;
        const end = at + word.length;
        const mentions = detect(matcher, sentence);
        // A strong name is found exactly; a weak one may be found together with its trigger
        // (مدينة القائم is a name of its own).
        const hit = mentions.find((m) => m.entityId === id && m.end === end && (weak ? m.start <= start : m.start === start));
        if (!hit) {
          const got = mentions.map((m) => `${m.text}=${m.entityId}@${m.confidence}`).join(', ') || 'nothing';
          const all = detect(matcher, sentence, { minConfidence: 0 })
            .filter((m) => m.entityId === id)
            .map((m) => `${m.text}@${m.confidence}`)
            .join(', ');
          misses.push(`"${sentence}": found ${got}${all ? ` (below threshold: ${all})` : ''}`);
        }
      }
      expect(misses).toEqual([]);
    },
  );
});
