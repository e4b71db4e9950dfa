import { describe, expect, it } from 'vitest';
import { editDistance, latinKey, SearchIndex } from '../../core/search/search.ts';
import type { Entity } from '../../core/types.ts';

const entity = (id: string, name: string, nameEn: string, more: Partial<Entity> = {}): Entity => ({
  id, kind: 'city', name, nameEn, aliases: [], weakAliases: [], translit: [], description: '—', ...more,
});

const ENTITIES: Entity[] = [
  entity('place:albukamal', 'البوكمال', 'Al-Bukamal', { aliases: ['البو كمال', 'أبو كمال'], translit: ['Abu Kamal', 'Albu Kamal'] }),
  entity('place:alqaim', 'القائم', 'Al-Qaim', { weakAliases: ['القائم'] }),
  entity('place:deir-ez-zor', 'دير الزور', 'Deir ez-Zor', { aliases: ['ديرالزور'], translit: ['Deir Ezzor'] }),
  entity('group:isis', 'داعش', 'Islamic State', { kind: 'militia', id: 'group:isis', aliases: ['تنظيم الدولة'], translit: ['ISIS', 'ISIL', 'Daesh'] }),
  entity('place:syria', 'سوريا', 'Syria', { kind: 'country', aliases: ['سورية'] }),
  entity('place:kamal', 'كمال', 'Kamal'),
];
const index = new SearchIndex(ENTITIES, new Map([['place:albukamal', 100]]));
const first = (q: string) => index.search(q)[0]?.entityId;

describe('search', () => {
  it.each([
    ['البوكمال', 'place:albukamal'],
    ['بوكمال', 'place:albukamal'],
    ['وبالبوكمال', 'place:albukamal'],
    ['البوك', 'place:albukamal'],
    ['bukamal', 'place:albukamal'],
    ['Abu Kamal', 'place:albukamal'],
    ['al-bukamal', 'place:albukamal'],
    ['Deir ez-Zor', 'place:deir-ez-zor'],
    ['deir ezzor', 'place:deir-ez-zor'],
    ['ديرالزور', 'place:deir-ez-zor'],
    ['الزور', 'place:deir-ez-zor'],
    ['ISIS', 'group:isis'],
    ['daesh', 'group:isis'],
    ['القايم', 'place:alqaim'],
    ['قائم', 'place:alqaim'],
    ['للقائم', 'place:alqaim'],
    ['سورية', 'place:syria'],
    ['سوريه', 'place:syria'],
    ['البوكمل', 'place:albukamal'],
  ])('%s finds %s first', (q, id) => expect(first(q)).toBe(id));

  it('ranks exact before prefix before fuzzy', () => {
    const hits = index.search('كمال');
    expect(hits[0]).toMatchObject({ entityId: 'place:kamal', quality: 3 });
  });

  it('finds nothing for an empty or unrelated query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('طوكيو')).toEqual([]);
  });
});

describe('latinKey and editDistance', () => {
  it('folds accents and punctuation', () => expect(latinKey('Dayr az-Zawr')).toBe('dayrazzawr'));
  it('counts edits and gives up past the bound', () => {
    expect(editDistance('bukamal', 'bukmal', 2)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
