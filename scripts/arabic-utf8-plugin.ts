import type { Plugin } from 'vite';

/**
 * WXT has esbuild write every non-ASCII character of the output as a \uXXXX escape (Chrome refuses a
 * content script whose UTF-8 holds a noncharacter such as U+FFFF, and escaping all is WXT's safe
 * answer). Our scripts are mostly Arabic text — the detector's word lists, the card's messages — so
 * every Arabic letter cost six bytes: a thirtieth of the content script gzipped (issue 14: ≤ 60 KB).
 * After the build this writes the escapes of the Arabic blocks (U+0600–U+06FF, U+0750–U+077F,
 * no noncharacter among them) back as the letters, which mean the same in a string, a template or a
 * regular expression. An escaped backslash before `u` (`\\u0627`, a backslash and text) is left as is.
 * Source maps are not rewritten: a column after an Arabic letter in the same line is off by five.
 */
const ARABIC_ESCAPE = /(\\+)u(06[0-9a-fA-F]{2}|07[5-7][0-9a-fA-F])/g;

export function unescapeArabic(code: string): string {
  return code.replace(ARABIC_ESCAPE, (whole, slashes: string, hex: string) =>
    // An even run of backslashes is escaped backslashes: the `u` after them is text.
    slashes.length % 2 === 0 ? whole : slashes.slice(1) + String.fromCharCode(parseInt(hex, 16)),
  );
}

export function arabicAsUtf8(): Plugin {
  return {
    name: 'khabar:arabic-utf8',
    enforce: 'post',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) if (file.type === 'chunk') file.code = unescapeArabic(file.code);
    },
  };
}
