/**
 * Round 8: a small place is the gazetteer's only where its region is named. Every Arab city has a
 * حي الصناعة and a حي الحميدية, and village names repeat from province to province (Quneitra's
 * al-Hamidiyah, Damascus's سوق الحميدية, Hama's حي الحميدية): the name alone says nothing of which
 * one. The gazetteer gives each place its parent (corpus/gazetteer, `parent`), and the matcher data
 * carries it (SerializedMatcher.parents): a neighbourhood, or a village through a weak name, is
 * shown only when the text, or the page region it stands in (DetectOptions.knownEntities), names a
 * place of its region — one of its ancestors below the country (its city, its governorate), or a
 * place under one of them (another neighbourhood, a town of the governorate). A village named in
 * full (جباب, حويجة صكر) is shown in war news too: war news names villages with the armed groups
 * that fight there or the river they stand on, and names them so more than it names their region.
 *
 * A place whose parent the gazetteer does not give (a reader's own entry without one) is not checked.
 */
import { categoryOf, type Category, type EntityKind } from '../types.ts';
import type { SerializedMatcher } from './automaton.ts';

export const SMALL_PLACE_NEEDS_REGION: {
  description: string;
  /** Examples separated by '; ' (input → the nameEn of every mention shown, or (none)). */
  example: string;
  /** Kinds checked whatever the name's strength. */
  always: ReadonlySet<EntityKind>;
  /** Kinds checked whatever the name's strength; through a strong name, war news vouches too (`war`). */
  strongInWar: ReadonlySet<EntityKind>;
  /** What vouches for a strong name of `strongInWar` besides its region: an armed group or the river named. */
  war: { categories: ReadonlySet<Category>; kinds: ReadonlySet<EntityKind> };
} = {
  description:
    "a neighbourhood or a village is the gazetteer's only where the text or its page region names a place of its region " +
    '(a village through its full name: or where war news names an armed group or the river)',
  example:
    'تجول الوفد في حي الحميدية بمدينة حماة → (none); اشتبكت القوات في حي الحميدية شرق دير الزور → al-Hamidiya, Deir ez-Zor; ' +
    'سيطر الجيش على حي الحميدية وحي الجبيلة → al-Hamidiya, al-Jubaila; سارت القوافل باتجاه الحصى → (none); ' +
    'تقدمت القوات باتجاه الحصى غربي الأنبار → al-Husa, western Anbar; تقدمت القوات باتجاه الحصى قرب القائم → al-Husa, al-Qaim; ' +
    'تعد بلدة جباب بوابة لمحافظة درعا من جهة الشمال → (none); طرد داعش من بلدة جباب → ISIS, Jubab',
  always: new Set<EntityKind>(['neighbourhood']),
  strongInWar: new Set<EntityKind>(['village']),
  war: { categories: new Set<Category>(['group']), kinds: new Set<EntityKind>(['river']) },
};

/** Each entity's ancestors below its country, and the entities of its region, read once per matcher. */
export class Regions {
  private readonly ancestors = new Map<number, readonly number[]>();
  private readonly members = new Map<number, readonly number[]>();

  constructor(private readonly data: SerializedMatcher & { parents: number[] }) {}

  /**
   * What a mention of entity `e` needs: its region named ('region'), its region or war news
   * ('regionOrWar', a village's full name), or nothing (undefined; also when the gazetteer gives no parent).
   */
  needs(e: number, weak: boolean): 'region' | 'regionOrWar' | undefined {
    const kind = this.data.kinds[e]!;
    const rule = SMALL_PLACE_NEEDS_REGION;
    if (!rule.always.has(kind) && !rule.strongInWar.has(kind)) return undefined;
    if (this.ancestorsOf(e).length === 0) return undefined;
    return rule.always.has(kind) || weak ? 'region' : 'regionOrWar';
  }

  /** Whether an entity is war news for SMALL_PLACE_NEEDS_REGION.war. */
  isWar(e: number): boolean {
    const kind = this.data.kinds[e]!;
    const { war } = SMALL_PLACE_NEEDS_REGION;
    return war.kinds.has(kind) || war.categories.has(categoryOf(kind));
  }

  /** Whether `other` is of e's region: an ancestor of e, or a place under one of e's ancestors. */
  related(e: number, other: number): boolean {
    const mine = this.ancestorsOf(e);
    if (mine.includes(other)) return true;
    for (const a of this.ancestorsOf(other)) if (mine.includes(a)) return true;
    return false;
  }

  /** Every entity of e's region (for the page region's known entities, which answer by id only). */
  regionOf(e: number): readonly number[] {
    let members = this.members.get(e);
    if (!members) {
      const found: number[] = [];
      for (let o = 0; o < this.data.kinds.length; o++) if (o !== e && this.related(e, o)) found.push(o);
      this.members.set(e, (members = found));
    }
    return members;
  }

  /** Parent, grandparent … stopping before a country (a whole country is no one's region). */
  private ancestorsOf(e: number): readonly number[] {
    let chain = this.ancestors.get(e);
    if (!chain) {
      const found: number[] = [];
      const { parents, kinds } = this.data;
      for (let p = parents[e] ?? -1; p >= 0 && kinds[p] !== 'country' && !found.includes(p) && p !== e; p = parents[p] ?? -1) {
        found.push(p);
      }
      this.ancestors.set(e, (chain = found));
    }
    return chain;
  }
}

const byMatcher = new WeakMap<SerializedMatcher, Regions>();

/** The matcher's regions, or undefined when its data gives no parent at all (older copies, test gazetteers). */
export function regionsOf(data: SerializedMatcher): Regions | undefined {
  if (!data.parents) return undefined;
  let regions = byMatcher.get(data);
  if (!regions) byMatcher.set(data, (regions = new Regions(data as SerializedMatcher & { parents: number[] })));
  return regions;
}
