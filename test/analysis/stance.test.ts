/**
 * The stance lexicon (core/analysis/stance.ts), class by class: each class's example phrase holds
 * the word it names, and that word (with any proclitic in front) is read as that class; words
 * that only look like one are not.
 */
import { describe, expect, test } from 'vitest';
import { normaliseKey } from '../../core/arabic/normalise.ts';
import { STANCE_CLASSES, stanceOf } from '../../core/analysis/stance.ts';

describe.each(STANCE_CLASSES.map((c) => [c.id, c] as const))('stance class %s', (_, row) => {
  const [phrase, word] = row.example.split(' → ') as [string, string];

  test(`${row.example}: the phrase holds the word, read as ${row.id}`, () => {
    expect(phrase.split(/\s+/)).toContain(word);
    expect(stanceOf(normaliseKey(word))?.stance).toBe(row.id);
  });

  test(`${row.example}: behind a proclitic too (و، ب، لل)`, () => {
    const key = normaliseKey(word);
    expect(stanceOf(`و${key}`)?.stance).toBe(row.id);
    const withLi = key.startsWith('ال') ? `لل${key.slice(2)}` : `ل${key}`;
    expect(stanceOf(withLi)).toMatchObject({ stance: row.id, name: key });
  });
});

test.each([
  ['بطلب', 'by request: ب + طلب, not بطل'],
  ['نظامي', 'regular (army): not النظام'],
  ['تحرك', 'moved: not تحرير'],
  ['الجيش', 'a plain noun'],
  ['مقابل', 'in exchange'],
  ['عمليات', 'operations'],
])('%s (%s) carries no stance', (word) => {
  expect(stanceOf(normaliseKey(word))).toBeUndefined();
});

test('every form is written normalised, without the article', () => {
  for (const c of STANCE_CLASSES) {
    for (const f of c.forms) {
      const bare = f.replace(/\*$/, '');
      expect(normaliseKey(bare), `${c.id}: ${f}`).toBe(bare);
      expect(bare.startsWith('ال'), `${c.id}: ${f}`).toBe(false);
    }
  }
});
