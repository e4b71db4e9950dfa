/**
 * The completeness check: words that announce a name (مدينة X, قوات X …) are looked for in every
 * article, and each X must be a name the detector finds or a word on the ignore list. A new
 * article with a new name fails the build instead of going silently unmatched.
 */
import { stripProclitics } from '../arabic/clitics.ts';
import { tokenise } from '../arabic/tokenise.ts';
import type { Mention } from '../types.ts';

/** Normalised trigger words; proclitics on them are allowed (بمدينة, وقوات). */
export const NAME_TRIGGERS: readonly string[] = [
  'مدينه', 'بلده', 'قريه', 'حي', 'منطقه', 'مناطق', 'قضاء', 'قضايي', 'محافظه', 'منفذ', 'معبر', 'ناحيه', 'سد',
  'قاعده', 'نهر', 'وادي', 'تنظيم', 'قوات', 'فصايل', 'كتايب', 'سرايا', 'جماعه', 'حركه', 'وحده', 'هييه', 'قياده',
  'حكومه', 'وكاله', 'قناه',
];

export interface TriggerMiss {
  trigger: string;
  word: string;
  offset: number;
}

/** The words after a trigger that no mention covers and the ignore list does not name. */
export function findUncoveredTriggers(text: string, mentions: readonly Mention[], ignore: ReadonlySet<string>): TriggerMiss[] {
  const tokens = tokenise(text);
  const misses: TriggerMiss[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (next.breakBefore) continue;
    if (!stripProclitics(t.norm).some((r) => NAME_TRIGGERS.includes(r.name))) continue;
    // The trigger word may itself start a name (قيادة العمليات المشتركة): then it is covered.
    const covered = mentions.some((m) => m.start < next.end && m.end > next.start);
    if (covered) continue;
    if (stripProclitics(next.norm).some((r) => ignore.has(r.name))) continue;
    misses.push({ trigger: text.slice(t.start, t.end), word: text.slice(next.start, next.end), offset: next.start });
  }
  return misses;
}
