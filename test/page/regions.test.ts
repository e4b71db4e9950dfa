// @vitest-environment happy-dom
/**
 * Evidence scoped to regions (page/regions.ts) and used by the scanner: a weak name counts through
 * a strong mention in its own item or an item around it, never through an unrelated headline
 * elsewhere on the page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseKey } from '../../core/arabic/normalise.ts';
import { compileMatcher, loadMatcher, type MatcherName } from '../../core/match/automaton.ts';
import { MentionIndex } from '../../page/mention-index.ts';
import { isRegion, RegionEvidence, regionsOf } from '../../page/regions.ts';
import { Scanner } from '../../page/scanner.ts';

/** al-Qaim the town, known strongly as "مدينة القائم" and weakly as bare القائم. */
function matcher() {
  const names: MatcherName[] = [
    { key: normaliseKey('مدينة القائم'), entityId: 'place:al-qaim', kind: 'city', weak: false },
    { key: normaliseKey('القائم'), entityId: 'place:al-qaim', kind: 'city', weak: true },
  ];
  return loadMatcher(compileMatcher(names));
}

let scanner: Scanner | undefined;
afterEach(() => {
  scanner?.stop();
  scanner = undefined;
});

/** The ids of the paragraphs where a highlighted mention passes `pick` (by default: the weak القائم). */
async function scan(
  html: string,
  m: ReturnType<typeof loadMatcher> = matcher(),
  pick: (mention: { text: string; entityId: string }) => boolean = (x) => x.text === 'القائم',
): Promise<string[]> {
  document.body.innerHTML = html;
  const index = new MentionIndex();
  scanner = new Scanner({ doc: document, matcher: m, index, debounceMs: 10 });
  await scanner.start();
  return index
    .inDocumentOrder()
    .filter(pick)
    .map((x) => (x.spec.startContainer.parentElement!.closest('[id]') as Element).id)
    .sort();
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('which elements are regions', () => {
  it.each([
    ['<article>', '<article></article>', true],
    ['<li>', '<ul><li></li></ul>', true],
    ['<section>', '<section></section>', true],
    ['a card by class', '<div class="news-card"></div>', true],
    ['an item by class', '<div class="story_item"></div>', true],
    ['role=article', '<div role="article"></div>', true],
    ['a plain <div>', '<div class="content"></div>', false],
    ['a <p>', '<p></p>', false],
  ])('%s', (_, html, expected) => {
    document.body.innerHTML = html;
    let el = document.body.firstElementChild!;
    if (el.tagName === 'UL') el = el.firstElementChild!;
    expect(isRegion(el)).toBe(expected);
  });

  it('the regions of a node: innermost first, the page last', () => {
    document.body.innerHTML = '<article id="a"><ul><li id="l"><p id="p">x</p></li></ul></article>';
    const regions = regionsOf(document.getElementById('p')!.firstChild!);
    expect(regions.map((r) => (typeof r === 'string' ? r : r.id))).toEqual(['l', 'a', 'page']);
  });
});

describe('RegionEvidence', () => {
  it('counts in its region and the regions inside it, not in a sibling', () => {
    document.body.innerHTML =
      '<article id="a"><h1 id="h">t</h1><ul><li id="l1">x</li><li id="l2">y</li></ul></article><aside id="s">z</aside>';
    const evidence = new RegionEvidence();
    const at = (id: string) => evidence.knownAt(document.getElementById(id)!.firstChild!);
    evidence.add(at('h').regions, 'place:a');
    evidence.add(at('l1').regions, 'place:b');
    expect(at('l2').has('place:a')).toBe(true);
    expect(at('l2').has('place:b')).toBe(false);
    expect(at('s').has('place:a')).toBe(false);
    expect(at('l1').has('place:b')).toBe(true);
  });
});

describe('the scanner takes evidence from the mention’s own region', () => {
  it('on one page with no regions the same words do count (the test can tell)', async () => {
    const found = await scan('<div><p id="x1">الجيش يدخل مدينة القائم</p><p id="x2">وقال مسؤول إن القائم آمنة</p></div>');
    expect(found).toEqual(['x2']);
  });

  it('a homepage: one headline naming the town does not light the word in other headlines', async () => {
    const found = await scan(`
      <ul>
        <li><a id="h1">الجيش يدخل مدينة القائم</a></li>
        <li><a id="h2">مسؤول: القائم باتت آمنة</a></li>
        <li><a id="h3">وقال مسؤول إن القائم آمنة</a></li>
      </ul>`);
    expect(found).toEqual([]);
  });

  it('an article: the town named strongly in the headline makes the weak name in its body count', async () => {
    const found = await scan(`
      <article>
        <h1 id="t">القوات العراقية تدخل مدينة القائم</h1>
        <p id="p1">وقال مسؤول إن القائم باتت آمنة.</p>
      </article>
      <aside><p id="s1">وقال مسؤول إن القائم آمنة</p></aside>`);
    expect(found).toEqual(['p1']);
  });

  it('cards by class are regions too', async () => {
    const found = await scan(`
      <div class="grid">
        <div class="card"><p id="c1">معارك قرب مدينة القائم</p><p id="c2">وقال مسؤول إن القائم آمنة</p></div>
        <div class="card"><p id="c3">وقال مسؤول إن القائم آمنة</p></div>
      </div>`);
    expect(found).toEqual(['c2']);
  });
});

describe('a neighbourhood lights only where its city is named in its region (core/match/region.ts, round 8)', () => {
  /** Deir ez-Zor and its al-Hamidiya neighbourhood (its parent given, as the gazetteer gives it). */
  function deirMatcher() {
    const names: MatcherName[] = [
      { key: normaliseKey('دير الزور'), entityId: 'place:deir-ez-zor', kind: 'city', weak: false },
      { key: normaliseKey('حي الحميدية'), entityId: 'place:hamidiya', kind: 'neighbourhood', weak: false, parent: 'place:deir-ez-zor' },
    ];
    return loadMatcher(compileMatcher(names));
  }

  const scanDeir = (html: string) => scan(html, deirMatcher(), (m) => m.entityId === 'place:hamidiya');

  it('a homepage: the Deir ez-Zor story lights its neighbourhood, the Hama story beside it does not', async () => {
    const found = await scanDeir(`
      <ul>
        <li><h2 id="d0">معارك في دير الزور</h2><p id="d1">وتقدمت القوات في حي الحميدية صباحا</p></li>
        <li><h2 id="m0">مهرجان في حماة</h2><p id="m1">وتجول الزوار في حي الحميدية القديم</p></li>
      </ul>`);
    expect(found).toEqual(['d1']);
  });

  it('the city named in the same sentence is enough; nothing named, nothing lit', async () => {
    const found = await scanDeir(`
      <article><p id="a">اشتبكت القوات في حي الحميدية شرق دير الزور</p></article>
      <aside><p id="b">تجول الوفد في حي الحميدية</p></aside>`);
    expect(found).toEqual(['a']);
  });
});
