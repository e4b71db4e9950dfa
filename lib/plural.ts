/**
 * Counted phrases ('1 source', '2 sources'; 'مصدر واحد', 'مصدران', '3 مصادر', '11 مصدراً') in the
 * interface language. A counted message is one locale message per CLDR plural form, named
 * `base_zero`, `base_one`, `base_two`, `base_few`, `base_many` and `base_other`, because Arabic
 * needs all six (Intl.PluralRules('ar'): 0 zero, 1 one, 2 two, 3–10 few, 11–99 many, 100 other)
 * and the noun after a number changes with them (3 مصادر, 11 مصدراً, 100 مصدر). English uses
 * one and other; its other forms are there because every key exists in both locale files.
 */
import { MESSAGES, t, type UiKey, type UiLang } from './i18n.ts';

type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** Every message base that has an `_other` form, e.g. 'sourceCount' for 'sourceCount_other'. */
export type PluralBase = UiKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

const rules = new Map<UiLang, Intl.PluralRules>();
function pluralRules(lang: UiLang): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

/** The plural form of `n` in `lang` ('few' for 3 in Arabic, 'other' for 3 in English). */
export function pluralForm(n: number, lang: UiLang): PluralForm {
  return pluralRules(lang).select(n) as PluralForm;
}

/** The message `base` in the form `n` takes in `lang`, `{n}` and the other slots filled. */
export function tn(base: PluralBase, lang: UiLang, n: number, vars: Record<string, string | number> = {}): string {
  const key = `${base}_${pluralForm(n, lang)}`;
  const found = (key in MESSAGES.ar ? key : `${base}_other`) as UiKey;
  return t(found, lang, { ...vars, n });
}
