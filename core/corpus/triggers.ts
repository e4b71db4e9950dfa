/**
 * The completeness check: words that announce a name (مدينة X, قوات X …) are looked for in every
 * article, and each X must be a name the detector finds or a word on the ignore list. A new
 * article with a new name fails the build instead of going silently unmatched.
 */
import { stripProclitics } from '../arabic/clitics.ts';
import { normaliseKey } from '../arabic/normalise.ts';
import { tokenise } from '../arabic/tokenise.ts';
import type { Mention } from '../types.ts';

/** Trigger words, compared normalised; proclitics on them are allowed (بمدينة, وقوات). */
export const NAME_TRIGGERS: ReadonlySet<string> = new Set(
  [
    'مدينة', 'بلدة', 'قرية', 'حي', 'منطقة', 'مناطق', 'قضاء', 'قضائي', 'محافظة', 'منفذ', 'معبر', 'ناحية', 'سد',
    'قاعدة', 'نهر', 'وادي', 'تنظيم', 'قوات', 'فصائل', 'كتائب', 'سرايا', 'جماعة', 'حركة', 'وحدة', 'هيئة', 'قيادة',
    'حكومة', 'وكالة', 'قناة',
  ].map(normaliseKey),
);

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
    if (!stripProclitics(t.norm).some((r) => NAME_TRIGGERS.has(r.name))) continue;
    // The trigger word may itself start a name (قيادة العمليات المشتركة): then it is covered.
    const covered = mentions.some((m) => m.start < next.end && m.end > next.start);
    if (covered) continue;
    if (stripProclitics(next.norm).some((r) => ignore.has(r.name))) continue;
    misses.push({ trigger: text.slice(t.start, t.end), word: text.slice(next.start, next.end), offset: next.start });
  }
  return misses;
}
