/**
 * The evaluation sets are sound data: every file parses, spans are inside their text, every gold
 * entity exists in the gazetteer, ids are unique, every item names its page, and no page is in
 * two splits. Data checks only: how well the detector does on them is `npm run eval`'s business.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseSetFileName, readSets, type SetFile } from '../../eval/sets.ts';
import { buildSet, parseSourceFileName } from '../../scripts/eval-build-sets.ts';
import { realGazetteer, REPO_ROOT } from '../corpus/helpers.ts';

const SETS_DIR = join(REPO_ROOT, 'eval', 'sets');
const SRC_DIR = join(REPO_ROOT, 'eval', 'src');
const files: SetFile[] = readdirSync(SETS_DIR)
  .filter((f) => f.endsWith('.jsonl'))
  .map((name) => ({ name, text: readFileSync(join(SETS_DIR, name), 'utf8') }));
const entityIds = new Set(realGazetteer().entities.map((e) => e.id));

describe('eval sets', () => {
  const { items, problems } = readSets(files, entityIds);

  test('every set file is sound', () => {
    expect(problems).toEqual([]);
  });

  test('each set has a dev and a heldout file, both with items', () => {
    const names = [...new Set(files.map((f) => parseSetFileName(f.name)?.set))];
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const set of names) {
      for (const split of ['dev', 'heldout']) {
        expect(items.some((it) => it.set === set && it.split === split), `${set}.${split}`).toBe(true);
      }
    }
  });

  test('the set files are exactly what the labelled sources build (no hand edits drift)', () => {
    const resolve = (key: string) => {
      const hit = [...entityIds].filter((id) => id === key || id.slice(id.indexOf(':') + 1) === key);
      if (hit.length !== 1) throw new Error(key);
      return hit[0]!;
    };
    for (const src of readdirSync(SRC_DIR).filter((f) => f.endsWith('.txt'))) {
      const { set, split } = parseSourceFileName(src);
      const built = buildSet(set, readFileSync(join(SRC_DIR, src), 'utf8'), resolve, split);
      // A NAME.txt source builds the dev and heldout files; a NAME.heldoutN.txt source the heldoutN file.
      const mine = items.filter((it) => it.set === set && (split ? it.split === split : it.split === 'dev' || it.split === 'heldout'));
      expect(mine).toEqual(expect.arrayContaining(built));
      expect(mine.length).toBe(built.length);
    }
  });

  test('the second held-out part: every set has one, all its items are heldout2, and none of its pages is in another split', () => {
    const names = [...new Set(items.map((it) => it.set))];
    for (const set of names) {
      expect(items.some((it) => it.set === set && it.split === 'heldout2'), `${set}.heldout2`).toBe(true);
    }
    // The third (round 4) covers the two sets whose targets were not met.
    for (const set of ['homographs', 'campaign2017']) {
      expect(items.filter((it) => it.set === set && it.split === 'heldout3').length, `${set}.heldout3`).toBeGreaterThanOrEqual(60);
    }
    // The fourth (round 5): homographs, the set whose target was still not met; 60 items, 25 pages at least.
    const fourth = items.filter((it) => it.set === 'homographs' && it.split === 'heldout4');
    expect(fourth.length, 'homographs.heldout4 items').toBeGreaterThanOrEqual(60);
    expect(new Set(fourth.map((it) => it.url)).size, 'homographs.heldout4 pages').toBeGreaterThanOrEqual(25);
    // The fifth to ninth (rounds 6–10), each labelled by a helper who never ran the detector: the least
    // each split holds (items, pages, headlines), as its task asked.
    const least: [split: string, set: string, what: 'items' | 'pages' | 'headlines', n: number][] = [
      ['heldout5', 'homographs', 'items', 80], ['heldout5', 'homographs', 'pages', 30],
      ['heldout5', 'general', 'headlines', 60], ['heldout5', 'campaign2017', 'items', 30],
      ['heldout6', 'homographs', 'items', 80], ['heldout6', 'homographs', 'pages', 30], ['heldout6', 'general', 'headlines', 60],
      // heldout7: homographs over 40+ names, more pages.
      ['heldout7', 'homographs', 'items', 130], ['heldout7', 'homographs', 'pages', 50],
      ['heldout7', 'general', 'headlines', 60], ['heldout7', 'campaign2017', 'items', 40],
      // heldout8: every gazetteer entity's name, in file order.
      ['heldout8', 'homographs', 'items', 130], ['heldout8', 'homographs', 'pages', 50],
      ['heldout8', 'general', 'headlines', 60], ['heldout8', 'campaign2017', 'items', 40],
      // heldout9: the entities' canonical names in reverse file order.
      ['heldout9', 'homographs', 'items', 150], ['heldout9', 'homographs', 'pages', 60],
    ];
    for (const [split, set, what, n] of least) {
      const of = items.filter((it) => it.set === set && it.split === split);
      const count =
        what === 'items' ? of.length : what === 'pages' ? new Set(of.map((it) => it.url)).size : of.filter((it) => it.kind === 'headline').length;
      expect(count, `${set}.${split} ${what}`).toBeGreaterThanOrEqual(n);
    }
    const splitsOf = new Map<string, Set<string>>();
    for (const it of items) splitsOf.set(it.url, (splitsOf.get(it.url) ?? new Set()).add(it.split));
    const shared = [...splitsOf].filter(([, s]) => s.size > 1).map(([url]) => url);
    expect(shared).toEqual([]);
    for (const src of readdirSync(SRC_DIR).filter((f) => /\.heldout[2345678]\.txt$/.test(f))) {
      const { set, split } = parseSourceFileName(src);
      expect(set).not.toContain('.');
      expect(src).toContain(`.${split}.`);
    }
  });
});

describe('readSets finds bad data', () => {
  const ids = new Set(['place:albukamal']);
  const good = {
    id: 'x-1', set: 'x', split: 'dev', url: 'https://example.com/a', outlet: 'o', kind: 'sentence',
    text: 'وصل الجيش إلى البوكمال', gold: [{ start: 14, end: 22, entity: 'place:albukamal' }], not: [],
  };
  const check = (name: string, item: object) => readSets([{ name, text: JSON.stringify(item) }], ids).problems;

  test.each([
    ['a sound item', 'x.dev.jsonl', good, 0],
    ['a span past the end', 'x.dev.jsonl', { ...good, gold: [{ start: 14, end: 40, entity: 'place:albukamal' }] }, 1],
    ['an unknown entity', 'x.dev.jsonl', { ...good, gold: [{ start: 14, end: 22, entity: 'place:nowhere' }] }, 1],
    ['no URL', 'x.dev.jsonl', { ...good, url: '' }, 1],
    ['a not span that reads otherwise', 'x.dev.jsonl', { ...good, not: [{ start: 0, end: 3, surface: 'الجيش', sense: 's' }] }, 1],
    ['a heldout item in a dev file', 'x.dev.jsonl', { ...good, split: 'heldout' }, 1],
    ['a heldout2 item in a heldout file', 'x.heldout.jsonl', { ...good, split: 'heldout2' }, 1],
    ['a sound heldout2 item', 'x.heldout2.jsonl', { ...good, split: 'heldout2' }, 0],
    ['a heldout3 item in a heldout2 file', 'x.heldout2.jsonl', { ...good, split: 'heldout3' }, 1],
    ['a sound heldout3 item', 'x.heldout3.jsonl', { ...good, split: 'heldout3' }, 0],
    ['a heldout5 item in a heldout4 file', 'x.heldout4.jsonl', { ...good, split: 'heldout5' }, 1],
    ['a sound heldout5 item', 'x.heldout5.jsonl', { ...good, split: 'heldout5' }, 0],
    ['a heldout6 item in a heldout5 file', 'x.heldout5.jsonl', { ...good, split: 'heldout6' }, 1],
    ['a sound heldout6 item', 'x.heldout6.jsonl', { ...good, split: 'heldout6' }, 0],
    ['a heldout7 item in a heldout6 file', 'x.heldout6.jsonl', { ...good, split: 'heldout7' }, 1],
    ['a sound heldout7 item', 'x.heldout7.jsonl', { ...good, split: 'heldout7' }, 0],
    ['a heldout8 item in a heldout7 file', 'x.heldout7.jsonl', { ...good, split: 'heldout8' }, 1],
    ['a sound heldout8 item', 'x.heldout8.jsonl', { ...good, split: 'heldout8' }, 0],
    ['a heldout9 item in a heldout8 file', 'x.heldout8.jsonl', { ...good, split: 'heldout9' }, 1],
    ['a sound heldout9 item', 'x.heldout9.jsonl', { ...good, split: 'heldout9' }, 0],
    ['a file named otherwise', 'x.jsonl', good, 1],
  ])('%s', (_why, name, item, count) => {
    expect(check(name, item)).toHaveLength(count);
  });

  test('the same id twice, and one page in two splits', () => {
    const text = JSON.stringify(good);
    const other = JSON.stringify({ ...good, id: 'x-2', split: 'heldout' });
    expect(readSets([{ name: 'x.dev.jsonl', text: `${text}\n${text}` }], ids).problems).toHaveLength(1);
    expect(readSets([{ name: 'x.dev.jsonl', text }, { name: 'x.heldout.jsonl', text: other }], ids).problems).toHaveLength(1);
    const second = JSON.stringify({ ...good, id: 'x-3', split: 'heldout2' });
    expect(readSets([{ name: 'x.dev.jsonl', text }, { name: 'x.heldout2.jsonl', text: second }], ids).problems).toHaveLength(1);
  });
});
