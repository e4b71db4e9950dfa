import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseKey } from '../../core/arabic/normalise.ts';
import { compileMatcher, loadMatcher, type MatcherName } from '../../core/match/automaton.ts';

const NAMES = ['البوكمال', 'البو كمال', 'دير الزور', 'حزب الله', 'كتائب حزب الله العراق', 'القائم', 'راوة', 'محطة T2', 'تي 2', 'الحويجة', 'حويجة صكر'];
const names: MatcherName[] = NAMES.map((n, i) => ({ key: normaliseKey(n), entityId: `e${i}`, kind: 'city', weak: false }));
const data = compileMatcher(names);
const dense = loadMatcher(data, { dense: true });
const sparse = loadMatcher(data, { dense: false });

// Text made of the names' pieces, clitics, diacritics, separators and foreign letters, so that
// matches, near-misses and folded runs are all common.
const piece = fc.constantFrom(
  ...NAMES, 'و', 'ب', 'لل', 'ال', 'ـ', '\u064e', '\u200c', ' ', '  ', '«', '»', '، ', '.', '\n', '#', '_', 'x', 'T', '2', 'پ', 'ة', 'ى',
);

describe('dense table and sparse failure links', () => {
  it('are chosen by size and both in use here', () => {
    expect(dense.dense).toBe(true);
    expect(sparse.dense).toBe(false);
    expect(sparse.stateCount).toBe(dense.stateCount);
  });

  it('find the same matches on any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(sparse.scan(text)).toEqual(dense.scan(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('find names through clitics and folded separators alike', () => {
    const text = 'وبالبوكمال و«حزب اللـه» في دير  الزور، وللقائم';
    const ids = (m: typeof dense) => m.scan(text).map((r) => data.patterns[r.pattern]![0]);
    expect(ids(dense)).toEqual(ids(sparse));
    expect(ids(dense)).toEqual(expect.arrayContaining(['بوكمال', 'حزب الله', 'دير الزور', 'قايم']));
  });
});
