/**
 * Blocking names (core/match/blocking.ts), row by row: each example shows nothing, the name inside
 * is found without the blocking words around it, and each blocking name holds a real gazetteer name
 * (otherwise it blocks nothing and is dead weight).
 */
import { describe, expect, test } from 'vitest';
import { matcherFor } from '../../core/corpus/build.ts';
import { loadMatcher } from '../../core/match/automaton.ts';
import { BLOCKING_NAMES } from '../../core/match/blocking.ts';
import { detect } from '../../core/match/detect.ts';
import { withoutKinds } from '../../lib/settings.ts';
import { realGazetteer } from '../corpus/helpers.ts';
import { parseExample } from './fixtures.ts';

const { entities, matcher } = realGazetteer();

describe.each(BLOCKING_NAMES.map((row) => [row.description, row] as const))('%s', (_, row) => {
  test('names a class: two examples at least', () => {
    expect(row.example.split('; ').length).toBeGreaterThanOrEqual(2);
  });

  test.each(row.example.split('; '))('%s', (example) => {
    const { input, output } = parseExample(example);
    expect(output).toBe('(none)');
    expect(detect(matcher, input), input).toEqual([]);
  });

  test.each(row.names)('%s holds a gazetteer name, found without the rest', (name) => {
    const inside = matcher.scan(name).filter((r) => matcher.data.patterns[r.pattern]![2].length > 0);
    expect(inside.length, `${name} holds no gazetteer name`).toBeGreaterThan(0);
    expect(detect(matcher, `في ${name}`)).toEqual([]);
  });
});

test('hiding a kind keeps the blocking names', () => {
  const hidden = loadMatcher(withoutKinds(matcherFor(entities), ['outlet']));
  expect(detect(hidden, 'نشرت صحيفة واشنطن بوست تقريرا')).toEqual([]);
  expect(detect(hidden, 'وصل إلى واشنطن').map((m) => m.entityId)).toEqual(['place:washington']);
});

describe('one sense per text: a blocking name gives its sense to the shorter name beside it', () => {
  const rows = BLOCKING_NAMES.filter((row) => row.senseOf);

  test.each(rows.map((row) => [row.description, row] as const))('%s: two examples at least, each showing nothing', (_, row) => {
    const examples = row.senseExample!.split('; ');
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) {
      const { input, output } = parseExample(example);
      expect(output).toBe('(none)');
      // The shorter name is there outside the blocking one: without the rule it would be shown.
      const bare = input.replace(/(أمريكا|أميركا) (اللاتينية|الشمالية|الجنوبية)/g, 'كندا');
      expect(detect(matcher, bare).length, `${bare}: the bare name is found alone`).toBeGreaterThan(0);
      expect(detect(matcher, input), input).toEqual([]);
    }
  });

  test.each(rows.flatMap((row) => row.senseOf!.map((name) => [name] as const)))('%s alone is still its entity', (name) => {
    expect(detect(matcher, `زار وفد ${name} الأسبوع الماضي`).length).toBe(1);
  });

  test('another name of the same entity keeps its sense', () => {
    expect(detect(matcher, 'ترى الولايات المتحدة دول أمريكا اللاتينية شريكا').map((m) => m.entityId)).toEqual(['place:united-states']);
  });
});
