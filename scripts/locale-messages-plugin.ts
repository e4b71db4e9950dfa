import type { Plugin } from 'vite';

/** public/_locales/<lang>/messages.json, imported by lib/i18n.ts. */
const LOCALE_MESSAGES = /[\\/]_locales[\\/]([^\\/]+)[\\/]messages\.json$/;

/** Stands for a locale's messages in a chunk until the chunk's code is known (renderChunk). */
const PLACEHOLDER = '__khabar_locale_messages__';
const PLACEHOLDER_IN_CODE = new RegExp(`(["'])${PLACEHOLDER}:([A-Za-z_-]+)\\1`, 'g');

/** The chunks that carry only the messages their code names (the content script runs on every page). */
const PRUNED_CHUNKS = /(^|\/)content-scripts\//;

type Messages = Record<string, { message: string; description?: string }>;

/** Each message's text only: `description`s are notes for translators, read by no code. */
function textsOf(messages: Messages): Messages {
  return Object.fromEntries(Object.entries(messages).map(([key, { message }]) => [key, { message }]));
}

/**
 * The message keys that `code` can reach, by the three ways lib/i18n.ts and lib/plural.ts name a
 * message (a key reached in any other way must be added to these rules, or the card shows the key):
 *
 * | a key is kept when the code has | example |
 * | --- | --- |
 * | the key as a string literal | `t('close', lang)` keeps close |
 * | a template literal that starts with the key's first letters | `` `kind${pascal(kind)}` `` keeps kindPlace, kindArmedGroup … |
 * | the key less its plural form as a string literal | `tn('articleCount', …)` keeps articleCount_zero … articleCount_other |
 */
export function keysReached(code: string, keys: readonly string[]): Set<string> {
  const literals = new Set<string>();
  for (const m of code.matchAll(/(["'`])([A-Za-z_][\w]*)\1/g)) literals.add(m[2]!);
  const heads = [...code.matchAll(/`([A-Za-z_][\w]*)\$\{/g)].map((m) => m[1]!);
  return new Set(
    keys.filter(
      (key) =>
        literals.has(key) ||
        heads.some((head) => key.startsWith(head)) ||
        literals.has(key.replace(/_(zero|one|two|few|many|other)$/, '')),
    ),
  );
}

/**
 * The locale files as the scripts import them: each message's text only, and in the content
 * script only the messages its code names (keysReached). Translators' notes and the popup's,
 * side panel's and options' words were half the content script's gzipped size (issue 14: ≤ 60
 * KB). The files the browser reads (the extension's _locales/, copied from public/) keep all.
 */
export function localeMessagesOnly(): Plugin {
  const messages = new Map<string, Messages>();
  let building = false;
  return {
    name: 'khabar:locale-messages-only',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build';
    },
    transform(code, id) {
      const lang = LOCALE_MESSAGES.exec(id.split('?')[0]!)?.[1];
      if (!lang) return null;
      // Still JSON here: Vite's JSON plugin makes the module of it.
      const texts = textsOf(JSON.parse(code) as Messages);
      if (!building) return { code: JSON.stringify(texts), map: null };
      // A string for now, replaced in each chunk by renderChunk, when the code that names the messages is known.
      messages.set(lang, texts);
      return { code: JSON.stringify(`${PLACEHOLDER}:${lang}`), map: null };
    },
    renderChunk(code, chunk) {
      if (!code.includes(PLACEHOLDER)) return null;
      const pruned = PRUNED_CHUNKS.test(chunk.fileName);
      const rest = code.replace(PLACEHOLDER_IN_CODE, '');
      const filled = code.replace(PLACEHOLDER_IN_CODE, (whole, _quote: string, lang: string) => {
        const texts = messages.get(lang);
        if (!texts) return whole;
        const kept = pruned ? keysReached(rest, Object.keys(texts)) : undefined;
        const chosen = kept ? Object.fromEntries(Object.entries(texts).filter(([key]) => kept.has(key))) : texts;
        return `(${JSON.stringify(chosen)})`;
      });
      return { code: filled, map: null };
    },
  };
}
