/**
 * A small inline gazetteer for the core tests: the names the cases talk about, written as
 * the curated corpus writes them (strong names vs weak aliases), so that the matcher and context
 * rules are tested without depending on corpus/.
 */
import { matcherFor } from '../../core/corpus/build.ts';
import { loadMatcher, type Matcher } from '../../core/match/automaton.ts';
import { detect, type DetectOptions } from '../../core/match/detect.ts';
import type { Entity, EntityKind } from '../../core/types.ts';

export function entity(
  id: string,
  kind: EntityKind,
  nameEn: string,
  name: string,
  aliases: string[] = [],
  weakAliases: string[] = [],
): Entity {
  return { id, kind, name, nameEn, aliases, weakAliases, translit: [], description: `${nameEn} (test entity)` };
}

export const ENTITIES: readonly Entity[] = [
  // Places
  entity('place:albukamal', 'city', 'al-Bukamal', 'البوكمال', ['البو كمال', 'أبو كمال']),
  { ...entity('place:alqaim', 'city', 'al-Qaim', 'مدينة القائم', ['قضاء القائم'], ['القائم', 'القائمة']), country: 'IQ' },
  entity('place:rawa', 'city', 'Rawa', 'راوة'),
  entity('place:syria', 'country', 'Syria', 'سوريا', ['سورية']),
  entity('place:iraq', 'country', 'Iraq', 'العراق'),
  entity('place:anbar', 'governorate', 'Anbar', 'الأنبار', ['محافظة الأنبار']),
  entity('place:deir-ezzor', 'governorate', 'Deir ez-Zor', 'دير الزور', ['ديرالزور']),
  entity('place:huwijat-saqr', 'village', 'Huwijat Saqr', 'حويجة صكر', ['حويجة صقر']),
  entity('place:hawija', 'district', 'Hawija', 'الحويجة'),
  entity('place:mayadin', 'city', 'al-Mayadin', 'مدينة الميادين', [], ['الميادين']),
  entity('place:husa', 'village', 'al-Husa', 'قرية الحصى', [], ['الحصى']),
  entity('place:jubab', 'village', 'Jubab', 'جباب'),
  entity('place:waar-dam', 'dam', 'al-Waar Dam', 'سد الوعر', [], ['الوعر']),
  entity('place:homs', 'city', 'Homs', 'حمص'),
  entity('place:rabia', 'town', 'Rabia', 'بلدة ربيعة', ['معبر ربيعة'], ['ربيعة']),
  entity('place:salahuddin', 'governorate', 'Salahuddin', 'محافظة صلاح الدين', [], ['صلاح الدين']),
  entity('place:t2', 'oil-station', 'T2', 'محطة T2', ['محطة تي 2', 'تي 2'], ['المحطة الثانية']),
  entity('place:damascus', 'city', 'Damascus', 'دمشق'),
  entity('place:baghdad', 'city', 'Baghdad', 'بغداد'),
  entity('place:us', 'country', 'United States', 'الولايات المتحدة', ['واشنطن', 'أمريكا']),
  entity('place:mosul', 'city', 'Mosul', 'الموصل'),
  entity('place:raqqa', 'city', 'Raqqa', 'الرقة'),
  entity('place:euphrates', 'river', 'Euphrates', 'الفرات'),
  entity('place:sinaa', 'neighbourhood', 'al-Sinaa', 'حي الصناعة', [], ['الصناعة']),
  entity('place:hamidiya', 'neighbourhood', 'al-Hamidiya', 'حي الحميدية', [], ['الحميدية']),
  entity('place:kurdistan', 'region', 'Kurdistan Region', 'إقليم كردستان', ['كردستان']),
  // Groups
  entity('group:isis', 'organisation', 'ISIS', 'داعش', ['تنظيم الدولة', 'الدولة الإسلامية']),
  entity('group:hezbollah', 'party', 'Hezbollah', 'حزب الله'),
  entity('group:kataib-hezbollah', 'militia', 'Kataib Hezbollah', 'كتائب حزب الله العراق', ['كتائب حزب الله']),
  entity('group:saraya-al-jihad', 'militia', 'Saraya al-Jihad', 'سرايا الجهاد'),
  entity('group:saa', 'army', 'Syrian Arab Army', 'الجيش السوري', ['الجيش العربي السوري']),
  entity('group:iraqi-army', 'army', 'Iraqi Army', 'الجيش العراقي'),
  entity('group:sdf', 'force', 'SDF', 'قوات سوريا الديمقراطية', ['سوريا الديمقراطية']),
  entity('group:syrian-government', 'government', 'the Syrian government', 'الحكومة السورية'),
  entity('group:coalition', 'coalition', 'the coalition', 'التحالف الدولي', [], ['التحالف']),
  entity('group:pmf', 'militia', 'PMF', 'الحشد الشعبي', [], ['الحشد']),
  // Outlets and people
  entity('outlet:almayadeen', 'outlet', 'Al Mayadeen (channel)', 'قناة الميادين', [], ['الميادين']),
  entity('outlet:alwaght', 'outlet', 'Alwaght', 'موقع الوقت', [], ['الوقت']),
  { ...entity('outlet:alwatan-syria', 'outlet', 'al-Watan (Syria)', 'صحيفة الوطن السورية', ['الوطن السورية'], ['الوطن']), country: 'SY' },
  entity('person:saad', 'person', 'Saad', 'سعد الحديثي', [], ['سعد']),
];

export const SERIALIZED = matcherFor(ENTITIES);
export const MATCHER: Matcher = loadMatcher(SERIALIZED);

export const ENTITY_BY_ID: ReadonlyMap<string, Entity> = new Map(ENTITIES.map((e) => [e.id, e]));

/** The mentions of `text` as [text, entity id] pairs, in order. */
export function found(text: string, options?: DetectOptions, matcher: Matcher = MATCHER): [string, string][] {
  return detect(matcher, text, options).map((m) => [m.text, m.entityId]);
}

/** A matcher over just these entities (for cases that need a gazetteer of their own). */
export function matcherOf(entities: readonly Entity[]): Matcher {
  return loadMatcher(matcherFor(entities));
}

/** A table row's example, `input → output` with exactly one arrow. */
export function parseExample(example: string): { input: string; output: string } {
  const parts = example.split(' → ');
  if (parts.length !== 2) throw new Error(`example "${example}" is not "input → output"`);
  return { input: parts[0]!, output: parts[1]! };
}
