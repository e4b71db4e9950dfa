/**
 * Build errors name the file, the line and the problem. A small valid corpus is built in memory,
 * then broken one way at a time.
 */
import { describe, expect, test } from 'vitest';
import { buildBundle, CorpusError, type CorpusFiles } from '../../core/corpus/build.ts';
import type { Problem } from '../../core/corpus/errors.ts';
import type { SourceFile } from '../../core/corpus/parse.ts';

const PLACES = 'corpus/gazetteer/places.jsonl';
const GROUPS = 'corpus/gazetteer/groups.jsonl';
const ARTICLES = 'corpus/articles.jsonl';
const IGNORE = 'corpus/ignore.txt';
const TEXT = 'corpus/articles/a1.txt';

const line = (o: Record<string, unknown>) => JSON.stringify(o);
const place = (id: string, name: string, extra: Record<string, unknown> = {}) =>
  line({ id: `place:${id}`, kind: 'city', name, nameEn: id, aliases: [], weakAliases: [], translit: [], description: `مدينة ${name}`, ...extra });
const group = (id: string, name: string, extra: Record<string, unknown> = {}) =>
  line({ id: `group:${id}`, kind: 'army', name, nameEn: id, aliases: [], weakAliases: [], translit: [], description: name, ...extra });

interface Parts {
  places: string[];
  groups: string[];
  articles: string[];
  ignore: string;
  text: string;
}

const VALID: Parts = {
  places: [
    place('syria', 'سوريا', { kind: 'country', aliases: ['سورية'], country: 'SY' }),
    place('albukamal', 'البوكمال', { aliases: ['البو كمال'], parent: 'place:syria', coords: [34.45, 40.93] }),
    place('damascus', 'دمشق', { parent: 'place:syria' }),
  ],
  groups: [group('saa', 'الجيش السوري', { aliases: ['الجيش العربي السوري'] })],
  articles: [
    line({
      id: 'a1', file: 'articles/a1.txt', outlet: 'الوطن', outletEn: 'Al-Watan', headline: 'عنوان', date: '2017-10-26',
      dateEstimated: true, dateNote: 'test', language: 'ar',
    }),
  ],
  ignore: '# not names\nالمحيطة\n',
  text: 'تقدم الجيش السوري نحو مدينة البوكمال.\nوقالت دمشق إن قوات الجيش العربي السوري سيطرت على المناطق المحيطة.\n',
};

function files(p: Parts): CorpusFiles {
  const source = (path: string, text: string): SourceFile => ({ path, text });
  return {
    gazetteer: [source(GROUPS, p.groups.join('\n') + '\n'), source(PLACES, p.places.join('\n') + '\n')],
    articles: source(ARTICLES, p.articles.join('\n') + '\n'),
    ignore: source(IGNORE, p.ignore),
    texts: new Map([['articles/a1.txt', source(TEXT, p.text)]]),
  };
}

function problemsOf(p: Parts): Problem[] {
  try {
    buildBundle(files(p));
  } catch (e) {
    expect(e).toBeInstanceOf(CorpusError);
    const error = e as CorpusError;
    // The message lists every problem as file:line: problem.
    for (const problem of error.problems) {
      expect(error.message).toContain(problem.line > 0 ? `${problem.file}:${problem.line}: ${problem.message}` : problem.file);
    }
    return [...error.problems];
  }
  throw new Error('the build did not fail');
}

describe('the valid corpus', () => {
  test('builds, and finds its mentions', () => {
    const bundle = buildBundle(files(VALID));
    expect(bundle.entities.map((e) => e.id).sort()).toEqual(['group:saa', 'place:albukamal', 'place:damascus', 'place:syria']);
    const found = bundle.articleMentions[0]!.mentions.map((m) => m.entityId);
    expect(found).toEqual(['group:saa', 'place:albukamal', 'place:damascus', 'group:saa']);
  });
});

describe('each kind of broken input fails with file, line and problem', () => {
  const cases: [string, Parts, { file: string; line: number; message: RegExp }][] = [
    [
      'bad JSON',
      { ...VALID, places: [VALID.places[0]!, '{"id": "place:x", "kind": "city",', VALID.places[2]!] },
      { file: PLACES, line: 2, message: /^bad JSON/ },
    ],
    [
      'not an object',
      { ...VALID, groups: [VALID.groups[0]!, '["group:x"]'] },
      { file: GROUPS, line: 2, message: /expected one JSON object/ },
    ],
    [
      'missing field',
      { ...VALID, places: [VALID.places[0]!, VALID.places[1]!, line({ id: 'place:raqqa', kind: 'city', nameEn: 'Raqqa', description: 'x' })] },
      { file: PLACES, line: 3, message: /missing field "name"/ },
    ],
    [
      'unknown field',
      { ...VALID, places: [...VALID.places, place('raqqa', 'الرقة', { population: 1 })] },
      { file: PLACES, line: 4, message: /unknown field "population"/ },
    ],
    [
      'unknown kind',
      { ...VALID, places: [...VALID.places, place('raqqa', 'الرقة', { kind: 'metropolis' })] },
      { file: PLACES, line: 4, message: /unknown kind "metropolis"/ },
    ],
    [
      'id of the wrong category',
      { ...VALID, groups: [...VALID.groups, line({ ...JSON.parse(group('x', 'قسد')), id: 'place:sdf' })] },
      { file: GROUPS, line: 2, message: /must start with "group:"/ },
    ],
    [
      'duplicate id',
      { ...VALID, places: [...VALID.places, place('damascus', 'الشام')] },
      { file: PLACES, line: 4, message: /duplicate id "place:damascus" \(first at corpus\/gazetteer\/places\.jsonl:3\)/ },
    ],
    [
      'unknown parent',
      { ...VALID, places: [...VALID.places, place('raqqa', 'الرقة', { parent: 'place:nowhere' })] },
      { file: PLACES, line: 4, message: /parent "place:nowhere" is not an id/ },
    ],
    [
      'an alias claimed by two entities with no rule',
      { ...VALID, places: [...VALID.places, place('abu-kamal-camp', 'مخيم أبو كمال', { aliases: ['البوكمال'] })] },
      { file: PLACES, line: 4, message: /name "البوكمال" .*claimed by "place:abu-kamal-camp" and by "place:albukamal" \(corpus\/gazetteer\/places\.jsonl:2\)/ },
    ],
    [
      'a name claimed by a place and a group, spelled differently',
      { ...VALID, groups: [...VALID.groups, group('bukamal-brigade', 'البوكمال', { name: 'البُوكَمَال' })] },
      // groups.jsonl is read first, so the place's claim is the second one.
      { file: PLACES, line: 2, message: /"البوكمال" \(البوكمال\) is claimed by "place:albukamal" and by "group:bukamal-brigade" \(corpus\/gazetteer\/groups\.jsonl:2\)/ },
    ],
    [
      'an unknown name after a trigger word',
      { ...VALID, text: VALID.text + 'ثم وصلت التعزيزات إلى قرية زرزور الواقعة شرقاً.\n' },
      { file: TEXT, line: 3, message: /"قرية زرزور": "زرزور" is neither a name in the gazetteer nor in corpus\/ignore\.txt/ },
    ],
    [
      'an article whose text file is missing',
      { ...VALID, articles: [...VALID.articles, VALID.articles[0]!.replace('"a1"', '"a2"').replace('a1.txt', 'a2.txt')] },
      { file: ARTICLES, line: 2, message: /article file "articles\/a2\.txt" does not exist/ },
    ],
    [
      'a duplicate article id',
      { ...VALID, articles: [...VALID.articles, VALID.articles[0]!] },
      { file: ARTICLES, line: 2, message: /duplicate article id "a1"/ },
    ],
    [
      'a bad date',
      { ...VALID, articles: [VALID.articles[0]!.replace('2017-10-26', '26/10/2017')] },
      { file: ARTICLES, line: 1, message: /date "26\/10\/2017" must be YYYY-MM-DD/ },
    ],
  ];

  test.each(cases)('%s', (_, parts, want) => {
    const problems = problemsOf(parts);
    expect(problems).toContainEqual(expect.objectContaining({ file: want.file, line: want.line, message: expect.stringMatching(want.message) }));
  });

  test('an unknown name after a trigger passes once it is on the ignore list', () => {
    const parts = { ...VALID, text: VALID.text + 'ثم وصلت التعزيزات إلى قرية زرزور الواقعة شرقاً.\n' };
    expect(() => buildBundle(files({ ...parts, ignore: parts.ignore + 'زرزور\n' }))).not.toThrow();
  });

  test('an unknown name after a trigger passes once the gazetteer knows it, and is then found', () => {
    const parts = {
      ...VALID,
      places: [...VALID.places, place('zarzur', 'زرزور', { kind: 'village' })],
      text: VALID.text + 'ثم وصلت التعزيزات إلى قرية زرزور الواقعة شرقاً.\n',
    };
    const bundle = buildBundle(files(parts));
    expect(bundle.articleMentions[0]!.mentions.map((m) => m.entityId)).toContain('place:zarzur');
  });

  test('one run lists every problem, each on its own line', () => {
    const problems = problemsOf({
      ...VALID,
      places: [VALID.places[0]!, 'not json', place('damascus', 'دمشق'), place('damascus', 'الشام', { parent: 'place:nowhere' })],
    });
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(
      expect.arrayContaining([`${PLACES}:2`, `${PLACES}:4`]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });

  test('blank lines and // comments are skipped, and line numbers still count them', () => {
    const problems = problemsOf({ ...VALID, places: ['// places', '', ...VALID.places, '', '{oops}'] });
    expect(problems).toEqual([expect.objectContaining({ file: PLACES, line: 7, message: expect.stringMatching(/^bad JSON/) })]);
  });
});
