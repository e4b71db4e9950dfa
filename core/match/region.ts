/**
 * Round 8: a small place is the gazetteer's only where its region is named. Every Arab city has a
 * حي الصناعة and a حي الحميدية, and village names repeat from province to province (Quneitra's
 * al-Hamidiyah, Damascus's سوق الحميدية, Hama's حي الحميدية): the name alone says nothing of which
 * one. The gazetteer gives each place its parent (corpus/gazetteer, `parent`), and the matcher data
 * carries it (SerializedMatcher.parents): a neighbourhood, or a village through a weak name, is
 * shown only when the text, or the page region it stands in (DetectOptions.knownEntities), names a
 * place of its region — one of its ancestors below the country (its city, its governorate), or a
 * place under one of them (another neighbourhood, a town of the governorate). A village named in
 * full (جباب, حويجة صكر) goes only where the text names another province ("بوابة لمحافظة درعا"):
 * war news names villages with the forces fighting there more than with their province.
 *
 * A place whose parent the gazetteer does not give (a reader's own entry without one) is not checked.
 */
import { normaliseKey } from '../arabic/normalise.ts';
import type { EntityKind } from '../types.ts';
import type { SerializedMatcher } from './automaton.ts';

export const SMALL_PLACE_NEEDS_REGION: {
  description: string;
  /** Examples separated by '; ' (input → the nameEn of every mention shown, or (none)). */
  example: string;
  /** Kinds that need their region named whatever the name's strength. */
  always: ReadonlySet<EntityKind>;
  /** Kinds that need it through a weak name; through a full name they go only where another province is named. */
  weak: ReadonlySet<EntityKind>;
  /** The words that name a province ("محافظة درعا", "ريف حمص"): the name after one is a province. */
  provinceHeads: ReadonlySet<string>;
} = {
  description:
    "a neighbourhood, or a village through a weak name, is the gazetteer's only where the text or its page region names " +
    'a place of its region; a village named in full, unless the text names another province',
  example:
    'تجول الوفد في حي الحميدية بمدينة حماة → (none); اشتبكت القوات في حي الحميدية شرق دير الزور → al-Hamidiya, Deir ez-Zor; ' +
    'سيطر الجيش على حي الحميدية وحي الجبيلة → al-Hamidiya, al-Jubaila; سارت القوافل باتجاه الحصى → (none); ' +
    'تقدمت القوات باتجاه الحصى غربي الأنبار → al-Husa, western Anbar; تقدمت القوات باتجاه الحصى قرب القائم → al-Husa, al-Qaim; ' +
    'تعد بلدة جباب بوابة لمحافظة درعا من جهة الشمال → (none); سيطر الجيش على قرية جباب بعد معارك → Jubab; ' +
    'وصلت القوات إلى قرية جباب في محافظة الأنبار → Jubab, Anbar',
  always: new Set<EntityKind>(['neighbourhood']),
  weak: new Set<EntityKind>(['village']),
  provinceHeads: new Set(['محافظة', 'محافظات', 'ريف', 'قضاء', 'ناحية', 'ولاية'].map(normaliseKey)),
};

/** Each entity's ancestors below its country, and the entities of its region, read once per matcher. */
export class Regions {
  private readonly ancestors = new Map<number, readonly number[]>();
  private readonly members = new Map<number, readonly number[]>();

  constructor(private readonly data: SerializedMatcher & { parents: number[] }) {}

  /**
   * What a mention of entity `e` needs: its region named ('region'), or no other province named
   * ('notElsewhere', a village's full name); nothing (undefined) also when the gazetteer gives no parent.
   */
  needs(e: number, weak: boolean): 'region' | 'notElsewhere' | undefined {
    const kind = this.data.kinds[e]!;
    const rule = SMALL_PLACE_NEEDS_REGION;
    if (!rule.always.has(kind) && !rule.weak.has(kind)) return undefined;
    if (this.ancestorsOf(e).length === 0) return undefined;
    return rule.always.has(kind) || weak ? 'region' : 'notElsewhere';
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
