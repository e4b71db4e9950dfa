import { describe, expect, test } from 'vitest';
import { namesOf } from '../../core/corpus/build.ts';
import { ProblemList } from '../../core/corpus/errors.ts';
import { checkEntities } from '../../core/corpus/validate.ts';
import type { Entity } from '../../core/types.ts';

const qaim: Entity = {
  id: 'place:al-qaim', kind: 'city', name: 'القائم', nameEn: 'al-Qaim', aliases: ['مدينة القائم'],
  weakAliases: ['القائم'], translit: [], description: 'مدينة',
};

describe('a name that is also an ordinary word', () => {
  test('is shown as the name but indexed as weak once', () => {
    const names = namesOf([qaim]);
    expect(names.filter((n) => n.key === 'القايم')).toEqual([{ key: 'القايم', text: 'القائم', entityId: qaim.id, weak: true }]);
    expect(names.find((n) => n.text === 'مدينة القائم')?.weak).toBe(false);
  });

  test('may be shared with another entity that lists it as weak', () => {
    const other: Entity = { ...qaim, id: 'place:other', name: 'مكان آخر', aliases: [], weakAliases: ['القائم'] };
    const problems = new ProblemList();
    checkEntities([{ value: qaim, file: 'a.jsonl', line: 1 }, { value: other, file: 'a.jsonl', line: 2 }], problems);
    expect(problems.items).toEqual([]);
  });
});
