/**
 * Scoring detections against the gold of the evaluation sets. Pure: detection is passed in, so
 * the scorer is tested on its own and `npm run eval` only wires the real detector to it.
 *
 * A detected place/group mention is correct only when it overlaps a gold span of the SAME entity:
 * a card for a known entity on a different entity (or on no entity) is a false positive. A gold
 * place/group span is found when some detected mention of its entity overlaps it.
 */
import { normaliseForLookup } from './normalise.ts';
import type { EvalItem } from './types.ts';

export interface Detected {
  start: number;
  end: number;
  entityId: string;
  confidence: number;
}

export interface EntityInfo {
  category: 'place' | 'group' | 'person' | 'outlet';
  /** Name, aliases and weak aliases as the gazetteer lists them. */
  names: string[];
}

/** A wrong highlight, or a missed mention, with what a reader needs to see why. */
export interface Finding {
  id: string;
  url: string;
  kind: EvalItem['kind'];
  start: number;
  end: number;
  surface: string;
  entity: string;
  /** For a false positive: the gold entity at that place, if any (a card on the wrong entity). */
  goldEntity?: string;
  /** For a false positive: the labelled other sense of the word, if the labeller wrote one. */
  notSense?: string;
  /** For a miss: the surface is not one of the entity's gazetteer names (a variant outlets write). */
  unlisted?: boolean;
  confidence?: number;
  context: string;
}

export interface Counts {
  tp: number;
  fp: number;
  /** Gold spans found / all gold spans. */
  found: number;
  gold: number;
  precision: number | null;
  recall: number | null;
}

export interface SetScore {
  set: string;
  split: string;
  items: number;
  headlines: number;
  pages: number;
  /** Places and groups: what the targets are about. */
  placeGroup: Counts & {
    /** Recall over gold whose surface is a gazetteer name of that entity (the "known names" target). */
    listedFound: number;
    listedGold: number;
    recallListed: number | null;
  };
  /** People and outlets the gazetteer knows, for information. */
  other: Counts;
  /** False place/group highlights in headline items, per 30 headlines (null: no headlines). */
  falsePer30Headlines: number | null;
  /** False place/group highlights per 30 items of any kind. */
  falsePer30Items: number | null;
  falsePositives: Finding[];
  misses: Finding[];
  /** Wrong person/outlet highlights (not counted in placeGroup), for information. */
  otherFalsePositives: Finding[];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function context(text: string, start: number, end: number, width = 35): string {
  const before = text.slice(Math.max(0, start - width), start);
  const after = text.slice(end, end + width);
  return `${start > width ? '…' : ''}${before}⟦${text.slice(start, end)}⟧${after}${end + width < text.length ? '…' : ''}`;
}

/** True when the gold surface is one of the entity's gazetteer names, up to spelling noise and لل. */
export function isListedSurface(surface: string, names: readonly string[]): boolean {
  const s = normaliseForLookup(surface);
  const wanted = new Set(names.map(normaliseForLookup));
  return wanted.has(s) || (s.startsWith('لل') && wanted.has('ال' + s.slice(2)));
}

export function scoreSet(
  set: string,
  split: string,
  items: readonly EvalItem[],
  detect: (text: string) => Detected[],
  entities: ReadonlyMap<string, EntityInfo>,
): SetScore {
  const isTarget = (id: string) => {
    const c = entities.get(id)?.category;
    return c === 'place' || c === 'group';
  };
  const pg = { tp: 0, fp: 0, found: 0, gold: 0, listedFound: 0, listedGold: 0 };
  const ot = { tp: 0, fp: 0, found: 0, gold: 0 };
  let headlineFalse = 0;
  const falsePositives: Finding[] = [];
  const misses: Finding[] = [];
  const otherFalsePositives: Finding[] = [];
  for (const item of items) {
    const mentions = detect(item.text);
    for (const m of mentions) {
      const c = isTarget(m.entityId) ? pg : ot;
      if (item.gold.some((g) => g.entity === m.entityId && overlaps(g, m))) {
        c.tp++;
        continue;
      }
      c.fp++;
      if (c === pg && item.kind === 'headline') headlineFalse++;
      const gold = item.gold.find((g) => overlaps(g, m));
      const not = item.not.find((n) => overlaps(n, m));
      (c === pg ? falsePositives : otherFalsePositives).push({
        id: item.id, url: item.url, kind: item.kind, start: m.start, end: m.end, surface: item.text.slice(m.start, m.end),
        entity: m.entityId, confidence: m.confidence, context: context(item.text, m.start, m.end),
        ...(gold ? { goldEntity: gold.entity } : {}), ...(not ? { notSense: not.sense } : {}),
      });
    }
    for (const g of item.gold) {
      const c = isTarget(g.entity) ? pg : ot;
      c.gold++;
      const surface = item.text.slice(g.start, g.end);
      const listed = isListedSurface(surface, entities.get(g.entity)?.names ?? []);
      const hit = mentions.some((m) => m.entityId === g.entity && overlaps(g, m));
      if (c === pg && listed) pg.listedGold++;
      if (hit) {
        c.found++;
        if (c === pg && listed) pg.listedFound++;
      } else if (c === pg) {
        misses.push({
          id: item.id, url: item.url, kind: item.kind, start: g.start, end: g.end, surface, entity: g.entity,
          context: context(item.text, g.start, g.end), ...(listed ? {} : { unlisted: true }),
        });
      }
    }
  }
  const headlines = items.filter((it) => it.kind === 'headline').length;
  return {
    set, split, items: items.length, headlines, pages: new Set(items.map((it) => it.url)).size,
    placeGroup: {
      ...pg, precision: ratio(pg.tp, pg.tp + pg.fp), recall: ratio(pg.found, pg.gold), recallListed: ratio(pg.listedFound, pg.listedGold),
    },
    other: { ...ot, precision: ratio(ot.tp, ot.tp + ot.fp), recall: ratio(ot.found, ot.gold) },
    falsePer30Headlines: headlines === 0 ? null : (headlineFalse / headlines) * 30,
    falsePer30Items: items.length === 0 ? null : (pg.fp / items.length) * 30,
    falsePositives,
    misses,
    otherFalsePositives,
  };
}
