/**
 * The stored rows repeat nothing of an article's text: snippets and mentions are kept as offsets
 * into it and come back exactly as the bundle had them, cut marks included; what is not a piece
 * of its article's text is kept whole.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SNIPPET } from '../../core/corpus/coverage.ts';
import type { Snippet } from '../../core/types.ts';
import { articleRows, coverageOf, entityRows, mentionsOf, packSnippet, unpackCoverage, unpackMentions, unpackSnippet } from '../../db/rows.ts';
import { bigBundle } from './fixture.ts';

describe('snippets and mentions as offsets', () => {
  it('give back the bundle’s coverage and mentions exactly', () => {
    const bundle = bigBundle(10);
    const texts = new Map(bundle.articles.map((a) => [a.id, a.text]));
    const rows = entityRows(bundle);
    for (const c of bundle.coverage) {
      const row = rows.find((r) => r.id === c.entityId)!;
      expect(unpackCoverage(coverageOf(row)!, (id) => texts.get(id))).toEqual(c);
    }
    for (const a of articleRows(bundle)) {
      expect(unpackMentions(mentionsOf(a), a.text)).toEqual(bundle.articleMentions.find((m) => m.articleId === a.id)!.mentions);
    }
  });

  it('keep a cut snippet’s marks before and after', () => {
    const text = `${'بداية طويلة '.repeat(30)}البوكمال${' نهاية طويلة'.repeat(30)}.`;
    const at = text.indexOf('البوكمال');
    const snippet: Snippet = { articleId: 'a', text: `… ${text.slice(at - 100, at + 108)} …`, markStart: 102, markEnd: 110 };
    expect(snippet.text.length).toBeLessThanOrEqual(MAX_SNIPPET + 4);
    const packed = packSnippet(snippet, text);
    expect(packed).toEqual([at - 100, at + 108, 102, 110, 3]);
    expect(unpackSnippet(packed, 'a', text)).toEqual(snippet);
  });

  it('keep whole a snippet that is not a piece of its article’s text, or whose article is unknown', () => {
    const snippet: Snippet = { articleId: 'a', text: 'نص آخر', markStart: 0, markEnd: 2 };
    expect(packSnippet(snippet, 'نص المقال')).toBe(snippet);
    expect(packSnippet(snippet, undefined)).toBe(snippet);
    expect(unpackSnippet(snippet, 'a', 'نص المقال')).toBe(snippet);
  });
});
