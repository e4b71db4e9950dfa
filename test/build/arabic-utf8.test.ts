import { describe, expect, test } from 'vitest';
import { unescapeArabic } from '../../scripts/arabic-utf8-plugin.ts';

// Each row: the built code as esbuild writes it, and what the plugin makes of it.
const ROWS: [description: string, code: string, want: string][] = [
  ['a string literal', String.raw`const a="\u0627\u0644\u0642\u0627\u0626\u0645";`, 'const a="القائم";'],
  ['a regular expression class', String.raw`/[\u0600-\u06FF]/`, '/[؀-ۿ]/'],
  ['the Arabic supplement', String.raw`"\u0750"`, '"\u0750"'],
  ['an escaped backslash before u is text', String.raw`"\\u0627"`, String.raw`"\\u0627"`],
  ['an escaped backslash, then an escape', String.raw`"\\\u0627"`, String.raw`"\\` + 'ا"'],
  ['other scripts stay escaped', String.raw`"\u00e9\u4e00"`, String.raw`"\u00e9\u4e00"`],
  ['noncharacters and the BOM stay escaped', String.raw`"\uFFFF\uFDD0\uFEFF"`, String.raw`"\uFFFF\uFDD0\uFEFF"`],
  ['a template literal', String.raw`t=` + '`' + String.raw`\u0645{n}` + '`', 't=`م{n}`'],
];

describe('Arabic escapes back to UTF-8 (scripts/arabic-utf8-plugin.ts)', () => {
  test.each(ROWS)('%s', (_, code, want) => {
    expect(unescapeArabic(code)).toBe(want);
  });

  test('the code means the same before and after', () => {
    const built = String.raw`return [/^[\u0600-\u06FF]+$/u.test(s), "\u0627\u0644" + s, "\\u0627".length]`;
    const before = new Function('s', built) as (s: string) => unknown[];
    const after = new Function('s', unescapeArabic(built)) as (s: string) => unknown[];
    for (const s of ['القائم', 'abc', '']) expect(after(s)).toEqual(before(s));
  });
});
