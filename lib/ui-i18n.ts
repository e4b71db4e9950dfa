/**
 * The words of the popup, the side panel and the options page, in Arabic (the default) and English.
 *
 * The source of truth is the extension's own locale files, public/_locales/{ar,en}/messages.json:
 * the manifest takes its name and description from them (`__MSG_extName__`), and the pages import
 * both files into their bundle, because browser.i18n.getMessage only ever answers in the browser's
 * language while the reader picks the interface language in the options page and it must switch at
 * once. Messages hold named slots, `{n}`, filled by `tr`; Chrome's `$…$` placeholders are not used.
 *
 * The entity card keeps its own table (lib/i18n.ts) because it also renders in the content script;
 * `UiLang` is shared, so one setting switches both.
 */
import arMessages from '../public/_locales/ar/messages.json';
import enMessages from '../public/_locales/en/messages.json';
import type { UiLang } from './i18n.ts';

export type { UiLang };

export type UiKey = keyof typeof arMessages;

interface Message {
  message: string;
  description?: string;
}

/** Typed so that a key missing from the English file fails the typecheck, not only the tests. */
export const MESSAGES: Record<UiLang, Record<UiKey, Message>> = { ar: arMessages, en: enMessages };

export const UI_LANGS: readonly UiLang[] = ['ar', 'en'];

export function tr(key: UiKey, lang: UiLang, vars: Record<string, string | number> = {}): string {
  const message = MESSAGES[lang][key]?.message ?? MESSAGES.ar[key]?.message ?? key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function dirOf(lang: UiLang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}
