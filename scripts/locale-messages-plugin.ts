import type { Plugin } from 'vite';

/** public/_locales/<lang>/messages.json, imported by lib/i18n.ts. */
const LOCALE_MESSAGES = /[\\/]_locales[\\/][^\\/]+[\\/]messages\.json$/;

/**
 * The locale files as the scripts import them: each message's text only. Their `description`s are
 * notes for translators, read by no code, and were a sixth of the content script's gzipped size
 * (issue 14: ≤ 60 KB). The files the browser reads (the extension's _locales/, copied from public/)
 * keep them.
 */
export function localeMessagesOnly(): Plugin {
  return {
    name: 'khabar:locale-messages-only',
    enforce: 'pre',
    transform(code, id) {
      if (!LOCALE_MESSAGES.test(id.split('?')[0]!)) return null;
      const messages = JSON.parse(code) as Record<string, { message: string }>;
      const texts = Object.fromEntries(Object.entries(messages).map(([key, { message }]) => [key, { message }]));
      return { code: JSON.stringify(texts), map: null };
    },
  };
}
