/**
 * A small gazetteer for the page tests, compiled the way the bundle compiles the real one (each
 * name normalised with normaliseKey), so the tests do not depend on corpus data being built.
 */
import { normaliseKey } from '../../core/arabic/normalise.ts';
import { compileMatcher, loadMatcher, type Matcher, type MatcherName } from '../../core/match/automaton.ts';
import type { EntityKind } from '../../core/types.ts';

export const TEST_NAMES: { entityId: string; kind: EntityKind; names: string[] }[] = [
  { entityId: 'place:albukamal', kind: 'city', names: ['البوكمال', 'أبو كمال'] },
  { entityId: 'place:deir-ez-zor', kind: 'city', names: ['دير الزور'] },
  { entityId: 'place:baghdad', kind: 'city', names: ['بغداد'] },
  { entityId: 'place:damascus', kind: 'city', names: ['دمشق'] },
  { entityId: 'group:isis', kind: 'organisation', names: ['داعش', 'تنظيم داعش'] },
  { entityId: 'group:syrian-army', kind: 'army', names: ['الجيش العربي السوري', 'الجيش السوري'] },
  { entityId: 'group:iraqi-army', kind: 'army', names: ['الجيش العراقي'] },
];

export function testMatcher(): Matcher {
  const names: MatcherName[] = TEST_NAMES.flatMap(({ entityId, kind, names }) =>
    names.map((n) => ({ key: normaliseKey(n), entityId, kind, weak: false })),
  );
  return loadMatcher(compileMatcher(names));
}

/** A stand-in for the CSS Custom Highlight API, which happy-dom lacks: Set-like highlights. */
export function installHighlightApi(win: Window = document.defaultView!): Map<string, Set<AbstractRange>> {
  const registry = new Map<string, Set<AbstractRange>>();
  class FakeHighlight extends Set<AbstractRange> {
    priority = 0;
    constructor(...ranges: AbstractRange[]) {
      super(ranges);
    }
  }
  Object.defineProperty(win, 'Highlight', { configurable: true, writable: true, value: FakeHighlight });
  Object.defineProperty(win, 'CSS', {
    configurable: true,
    writable: true,
    value: { highlights: registry, supports: () => false, escape: (s: string) => s },
  });
  return registry;
}
