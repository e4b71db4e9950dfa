import { describe, expect, it } from 'vitest';
import { tally } from '../../../core/util/tally.ts';

describe('tally', () => {
  it.each<[string, string[], Record<string, number>]>([
    ['nothing: no keys', [], {}],
    ['each key with its count', ['place:albukamal', 'group:isis', 'place:albukamal'], { 'place:albukamal': 2, 'group:isis': 1 }],
    ['a key named like a property of every object counts as itself', ['constructor', 'constructor', 'toString'], { constructor: 2, toString: 1 }],
  ])('%s', (_what, keys, counts) => {
    expect(tally(keys)).toEqual(counts);
  });

  it('"__proto__" is a key of its own, not the object\'s prototype', () => {
    const counts = tally(['__proto__', '__proto__']);
    expect(Object.entries(counts)).toEqual([['__proto__', 2]]);
    expect(Object.getPrototypeOf(counts)).toBe(Object.prototype);
  });
});
