/**
 * Round 7: a name right after a given name is a surname, not the place or the person the
 * gazetteer knows by it: جورج واشنطن is a man, محمد العبادي a footballer, محمد صلاح الدين a minister.
 * The given names are data learned from tagged news (given-names-data.ts, made by
 * scripts/learn-given-names.ts; rule in core/corpus/ambiguity-given-names.ts), so a given name no
 * one listed is treated the same. Countries are left out (no one is called after a country here).
 */
import { GIVEN_NAMES } from './given-names-data.ts';

export const GIVEN_NAME_BEFORE: { description: string; example: string; names: ReadonlySet<string> } = {
  description: 'a name right after a given name (learned from ANERcorp) is a surname: another person',
  example:
    'قال الوزير محمد صلاح الدين إن الحكومة → (none); فاز الكاتب خالد الفرات بالجائزة → (none); ' +
    'وصل الرئيس جورج إلى واشنطن → United States; زار جون كيري بغداد → Baghdad',
  names: new Set(GIVEN_NAMES),
};
