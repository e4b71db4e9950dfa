/**
 * The shapes of an entity's outlet profile (how each outlet names it, its coverage by date) and
 * what views read of them: apart from the computation (outlet-naming.ts), so that the card, which
 * the content script renders, does not carry the stance lexicon or the tokeniser.
 */
import type { StanceId } from './stance.ts';

/** A stance word is the outlet's way of writing about the entity only when it comes back. */
export const STANCE_MIN_RECURRENCE = 2;

/** One name an outlet writes for the entity: its normalised key, its most frequent spelling. */
export interface NameUse {
  key: string;
  text: string;
  count: number;
}

/** A stance word written near the outlet's mentions of the entity. */
export interface StanceUse {
  key: string;
  text: string;
  stance: StanceId;
  count: number;
}

export interface OutletNaming {
  outlet: string;
  outletEn: string;
  /** Articles of this outlet that mention the entity. */
  articles: number;
  mentions: number;
  /** Most written first. */
  names: NameUse[];
  /** Every stance hit, most frequent first; see recurringStance. */
  stance: StanceUse[];
}

/** The entity's coverage on one day. */
export interface CoverageDay {
  date: string;
  articles: number;
  mentions: number;
  /** How many of those articles have an estimated date. */
  estimated: number;
}

export interface EntityProfile {
  entityId: string;
  /** Most mentions first. */
  outlets: OutletNaming[];
  /** Oldest first. */
  timeline: CoverageDay[];
}

/** The stance words an outlet writes at least `min` times near the entity: what the card shows. */
export function recurringStance(outlet: OutletNaming, min = STANCE_MIN_RECURRENCE): StanceUse[] {
  return outlet.stance.filter((s) => s.count >= min);
}
