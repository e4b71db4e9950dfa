/**
 * Round 10 (issue 10), on the real gazetteer: what its data says about an entity decides a reading.
 * A group's country (corpus/gazetteer/groups.jsonl) rules out the same words followed by another
 * country's nisba (NISBA_COUNTRY); the PMF's media office is found under the names outlets give it,
 * not as the PMF; a match's whistle and kicks make a text about sport.
 */
import { describe, expect, test } from 'vitest';
import { detect } from '../../core/match/detect.ts';
import { HISTORY_TEXT } from '../../core/match/context.ts';
import { LATIN_PHRASE } from '../../core/match/name-heads.ts';
import { parseExample } from '../core/fixtures.ts';
import { realGazetteer } from './helpers.ts';

const { matcher } = realGazetteer();
const ids = (text: string) => detect(matcher, text).map((m) => m.entityId);

describe('a group of another country, by its nisba', () => {
  test.each([
    ['أعلنت الشرطة الاتحادية الألمانية توقيف مشتبه به', []],
    ['قال رئيس مجلس النواب الأردني إن الجلسة رفعت', []],
    ['أعلنت الحكومة العراقية الجديدة برنامجها', ['group:iraqi-government']],
    ['وصلت قطعات الشرطة الاتحادية العراقية إلى القائم', ['group:iraqi-federal-police', 'place:al-qaim']],
    ['قوات الحشد الشعبي العراقي على الحدود', ['group:pmf']],
  ] as const)('%s', (text, want) => {
    expect(ids(text)).toEqual(want);
  });
});

describe("the PMF's media office under the names outlets give it", () => {
  test.each([
    'بتوظيف مديرية إعلام هيئة الحشد الشعبي لجهة دون أخرى',
    'أعلنت مديرية الإعلام في هيئة الحشد الشعبي انطلاق الحملة',
    'يعملون في مركز عمليات إعلام الحشد في بغداد',
  ])('%s', (text) => {
    expect(ids(text)).toContain('group:pmf-media');
    expect(ids(text)).not.toContain('group:pmf');
  });
});

describe("a match's whistle and kicks make a text about sport", () => {
  test.each([
    ['ومع انطلاق صافرة البداية هاجم لاعبو "البوكمال" المرمى', []],
    ['وسدد لاعبو "البوكمال" ركلة حرة فوق العارضة', []],
    ['ودوت صافرات الإنذار في البوكمال', ['place:albukamal']],
  ] as const)('%s', (text, want) => {
    expect(ids(text)).toEqual(want);
  });
});

/** The rule tables whose examples need the real gazetteer (a weak الدولة الإسلامية, a bare T2). */
describe.each([
  ['HISTORY_TEXT', HISTORY_TEXT.example],
  ['LATIN_PHRASE', LATIN_PHRASE.example],
])('%s: its examples', (_, examples) => {
  const LABELS: Record<string, string> = { ISIS: 'group:isis', 'al-Bukamal': 'place:albukamal', T2: 'place:t2-station' };
  test.each(examples.split('; ').map((e) => [e] as const))('%s', (example) => {
    const { input, output } = parseExample(example);
    const want = output === '(none)' ? [] : output.split(', ').map((label) => LABELS[label]);
    expect(ids(input)).toEqual(want);
  });
});
