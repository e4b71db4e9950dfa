/**
 * Every word of the interface — the popup, the side panel, the options page and the entity card
 * (which the content script renders too) — in Arabic (the default: the readers read Arabic news)
 * and English, and the one function that fills them in, `t`.
 *
 * The source of truth is the extension's own locale files, public/_locales/{ar,en}/messages.json:
 * the manifest takes its name and description from them (`__MSG_extName__`), and every context
 * imports both files into its bundle, because browser.i18n.getMessage only ever answers in the
 * browser's language while the reader picks the interface language in the options page and it must
 * switch at once (and the component tests have no browser). The build strips the translators'
 * notes, and gives the content script only the messages its code names (a key as a string literal,
 * a `kind${…}` template's head, a plural base: scripts/locale-messages-plugin.ts), so a key the card
 * shows is written out where it is used, not assembled. Messages hold named slots, `{n}`;
 * Chrome's `$…$` placeholders are not used. Kinds and categories are messages too (`kindBorderCrossing`,
 * `categoryPlace`): `kindLabel` and `categoryLabel` name them.
 */
import arMessages from '../public/_locales/ar/messages.json';
import enMessages from '../public/_locales/en/messages.json';
import type { Category, EntityKind } from '../core/types.ts';

export type UiLang = 'ar' | 'en';

export type UiKey = keyof typeof arMessages;

interface Message {
  message: string;
  description?: string;
}

/** Typed so that a key missing from the English file fails the typecheck, not only the tests. */
export const MESSAGES: Record<UiLang, Record<UiKey, Message>> = { ar: arMessages, en: enMessages };

export const UI_LANGS: readonly UiLang[] = ['ar', 'en'];

/**
 * The message `key` in `lang` (Arabic when the language lacks it), its `{name}` slots filled from
 * `vars`. A slot without a value stays as written, so a forgotten value shows rather than vanishes.
 */
export function t(key: UiKey, lang: UiLang, vars: Record<string, string | number> = {}): string {
  const message = MESSAGES[lang]?.[key]?.message ?? MESSAGES.ar[key]?.message ?? key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export function dirOf(lang: UiLang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** 'border-crossing' → 'BorderCrossing' (message names allow only letters, digits and _). */
type Pascal<S extends string> = S extends `${infer A}-${infer B}` ? `${Capitalize<A>}${Pascal<B>}` : Capitalize<S>;
const pascal = (s: string) => s.replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase());

type KindKey = `kind${Pascal<EntityKind>}`;
type CategoryKey = `category${Pascal<Category>}`;
// Every kind and every category has its message: a new kind without one fails the typecheck.
const KEYS_EXIST: [KindKey, CategoryKey] extends [UiKey, UiKey] ? true : never = true;
void KEYS_EXIST;

export function kindLabel(kind: EntityKind, lang: UiLang): string {
  const key = `kind${pascal(kind)}`;
  // A kind from newer data than this version knows shows as itself.
  return key in MESSAGES.ar ? t(key as KindKey, lang) : kind;
}

export function categoryLabel(category: Category, lang: UiLang): string {
  return t(`category${pascal(category)}` as CategoryKey, lang);
}

/**
 * Intl formatters, made once per language: making one loads the engine's locale data (the first
 * Intl.DisplayNames took 18 ms of the first card's opening), using one is cheap.
 */
const formatters = new Map<string, object>();
function formatter<T extends object>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** A country's name from its ISO code, in the UI language (the browser knows them all). */
export function countryName(code: string, lang: UiLang): string {
  try {
    return formatter(`region:${lang}`, () => new Intl.DisplayNames([lang], { type: 'region' })).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** An ISO date (YYYY-MM-DD) as the reader writes dates; the date is a calendar day, not an instant. */
export function formatDate(iso: string, lang: UiLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  try {
    return formatter(`date:${lang}`, () =>
      new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', {
        dateStyle: 'medium',
        timeZone: 'UTC',
      }),
    ).format(date);
  } catch {
    return iso;
  }
}
