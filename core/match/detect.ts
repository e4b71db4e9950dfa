/**
 * Mentions in a text: the automaton's candidates, weighed in context (context.ts), with the
 * longest name winning where candidates overlap (كتائب حزب الله العراق over حزب الله).
 */
import { stripProclitics } from '../arabic/clitics.ts';
import { tokenAt, tokenise, wordBefore, type Token } from '../arabic/tokenise.ts';
import { categoryOf, type Category, type Mention } from '../types.ts';
import type { Matcher, RawMatch, SerializedPattern } from './automaton.ts';
import {
  EVENT_BEFORE,
  MIN_CONFIDENCE,
  NISBA_HOMOGRAPHS,
  NEARBY,
  NEEDS_TRIGGER,
  STRONG_CONFIDENCE,
  TRIGGERS_AFTER,
  TRIGGERS_BEFORE,
  VETO_AFTER,
  VETO_BEFORE,
  WEAK_BASE,
  type Cue,
} from './context.ts';

export interface DetectOptions {
  /** Mentions below this confidence are dropped (default MIN_CONFIDENCE; 0 keeps all). */
  minConfidence?: number;
  /** Entities already named strongly elsewhere on the page: evidence for their weak names here. */
  knownEntities?: ReadonlySet<string>;
}

/** A mention taken as evidence: its token span and entity. */
interface Known {
  first: number;
  last: number;
  start: number;
  end: number;
  entity: number;
  category: Category;
}

interface Candidate {
  raw: RawMatch;
  entity: number;
  weak: boolean;
  confidence: number;
}

export function detect(matcher: Matcher, text: string, options: DetectOptions = {}): Mention[] {
  const minConfidence = options.minConfidence ?? MIN_CONFIDENCE;
  const { patterns, entityIds, kinds } = matcher.data;
  const candidates: Candidate[] = [];
  for (const raw of matcher.scan(text)) {
    if (notANameHere(text, raw, patterns)) continue;
    for (const target of patterns[raw.pattern]![2]) {
      const weak = (target & 1) === 1;
      candidates.push({ raw, entity: target >> 1, weak, confidence: weak ? 0 : STRONG_CONFIDENCE });
    }
  }
  const weak = candidates.filter((c) => c.weak).sort((a, b) => a.raw.start - b.raw.start);
  if (weak.length > 0) {
    const context = new Context(text, candidates, patterns, (e) => categoryOf(kinds[e]!), (e) => {
      const id = entityIds[e]!;
      return options.knownEntities?.has(id) ?? false;
    });
    // Weak mentions accepted in one pass are evidence for the others ("الحميدية والجبيلة
    // والرشدية", one sense per text): score again until nothing changes. Scores only rise.
    for (let pass = 0; pass < 4; pass++) {
      let changed = false;
      for (const c of weak) {
        const score = context.score(c);
        if (score !== c.confidence) changed = true;
        c.confidence = score;
      }
      if (!changed) break;
      context.accept(weak.filter((c) => c.confidence >= MIN_CONFIDENCE));
    }
  }
  const kept = resolveOverlaps(candidates.filter((c) => c.confidence >= minConfidence && c.confidence > 0));
  return kept.map((c) => ({
    start: c.raw.start,
    end: c.raw.end,
    text: text.slice(c.raw.start, c.raw.end),
    entityId: entityIds[c.entity]!,
    confidence: Math.round(c.confidence * 100) / 100,
  }));
}

/** The normalised name a match was found through. */
function keyOf(raw: RawMatch, patterns: readonly SerializedPattern[]): string {
  const [core, article] = patterns[raw.pattern]!;
  return article ? `ال${core}` : core;
}

/**
 * Readings that rule a match out whatever its name's strength: the nisba adjective
 * ("عملية عسكرية سورية") and a place inside an event's name ("بطولة الولايات المتحدة").
 */
function notANameHere(text: string, raw: RawMatch, patterns: readonly SerializedPattern[]): boolean {
  const previous = wordBefore(text, raw.start);
  if (!previous || previous.breakBetween) return false;
  if (readingsOf(previous.norm).some((w) => EVENT_BEFORE.words.has(w))) return true;
  return (
    NISBA_HOMOGRAPHS.names.has(keyOf(raw, patterns)) &&
    (raw.proclitic === '' || raw.proclitic === 'و') &&
    !previous.norm.startsWith('ال') &&
    (previous.norm.endsWith('ه') || previous.norm.endsWith('ات'))
  );
}

/** Longest first, then most confident, then earliest; a candidate overlapping a kept one goes. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const byPreference = [...candidates].sort(
    (a, b) =>
      b.raw.end - b.raw.start - (a.raw.end - a.raw.start) ||
      b.confidence - a.confidence ||
      a.raw.start - b.raw.start,
  );
  const kept: Candidate[] = [];
  for (const c of byPreference) {
    if (!kept.some((k) => c.raw.start < k.raw.end && k.raw.start < c.raw.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.raw.start - b.raw.start);
}

/** The evidence around weak candidates: the words of the text and the mentions known so far. */
class Context {
  private readonly tokens: Token[];
  private readonly strong: Known[];
  private known: Known[];

  constructor(
    text: string,
    candidates: readonly Candidate[],
    private readonly patterns: readonly SerializedPattern[],
    private readonly categoryOf: (entity: number) => Category,
    private readonly knownElsewhere: (entity: number) => boolean,
  ) {
    this.tokens = tokenise(text);
    this.strong = candidates.filter((c) => !c.weak).map((c) => this.knownOf(c));
    this.known = this.strong;
  }

  /** Weak candidates now accepted count as known from the next pass on. */
  accept(accepted: readonly Candidate[]): void {
    this.known = [...this.strong, ...accepted.map((c) => this.knownOf(c))];
  }

  /** First and last token a match covers. */
  private span(raw: RawMatch): { first: number; last: number } {
    return { first: tokenAt(this.tokens, raw.start), last: tokenAt(this.tokens, raw.end - 1) };
  }

  private knownOf(c: Candidate): Known {
    const tokens = this.tokens;
    return {
      first: tokenAt(tokens, c.raw.start),
      last: tokenAt(tokens, c.raw.end - 1),
      start: c.raw.start,
      end: c.raw.end,
      entity: c.entity,
      category: this.categoryOf(c.entity),
    };
  }

  score(c: Candidate): number {
    const category = this.categoryOf(c.entity);
    const { first, last } = this.span(c.raw);
    const tokens = this.tokens;
    const next = tokens[last + 1];
    const nextWord = next && !next.breakBefore ? next.norm : undefined;
    const nextReadings = nextWord ? readingsOf(nextWord) : undefined;
    if (nextReadings && VETO_AFTER.some((v) => nextReadings.some((w) => v.words.has(w)))) return 0;

    const before = this.wordsBefore(first, 3);
    if (before[0]?.some((w) => VETO_BEFORE.some((v) => v.words.has(w)))) return 0;

    let score = WEAK_BASE;
    const triggered = (cues: readonly Cue[], words: readonly (readonly string[])[]) =>
      cues
        .filter((cue) => cue.for.includes(category))
        .filter((cue) => words.slice(0, cue.window).some((readings) => readings.some((w) => cue.words.has(w))))
        .reduce((best, cue) => Math.max(best, cue.weight), 0);
    const beforeWeight = triggered(TRIGGERS_BEFORE, before);
    if (NEEDS_TRIGGER.names.has(keyOf(c.raw, this.patterns)) && beforeWeight < 0.5) return 0;
    score += beforeWeight;
    score += triggered(TRIGGERS_AFTER, nextReadings ? [nextReadings] : []);

    const proclitic = c.raw.proclitic;
    if ((proclitic.includes('ب') || proclitic.includes('ل')) && NEARBY.preposition.for.includes(category)) {
      score += NEARBY.preposition.weight;
    }
    const previous = tokens[first - 1];
    if (
      beforeWeight === 0 &&
      proclitic === '' &&
      previous &&
      !tokens[first]!.breakBefore &&
      previous.norm.startsWith('ال')
    ) {
      score += NEARBY.adjectival.weight;
    }

    // Evidence from other mentions, never from this candidate's own span.
    const others = this.known.filter((k) => k.end <= c.raw.start || k.start >= c.raw.end);
    const sameCategory = others.filter((s) => s.category === category);
    const coordinated = sameCategory.some(
      (s) =>
        (s.last === first - 1 && (proclitic.startsWith('و') || tokens[first]!.breakBefore)) ||
        (s.first === last + 1 && tokens[s.first]!.norm.startsWith('و')),
    );
    if (coordinated) score += NEARBY.coordinated.weight;
    else if (sameCategory.some((s) => s.last >= first - NEARBY.near.words && s.first <= last + NEARBY.near.words)) {
      score += NEARBY.near.weight;
    }
    if (others.some((k) => k.entity === c.entity) || this.knownElsewhere(c.entity)) score += NEARBY.discourse.weight;
    if (tokens[first]!.quotedBefore && tokens[last]!.quotedAfter) score += NEARBY.quoted.weight;
    return Math.min(1, Math.max(0, score));
  }

  /** Up to `count` words before token `index` within its sentence, each as its proclitic readings. */
  private wordsBefore(index: number, count: number): (readonly string[])[] {
    const words: (readonly string[])[] = [];
    for (let i = index; i > 0 && words.length < count; i--) {
      if (this.tokens[i]!.breakBefore) break;
      words.push(readingsOf(this.tokens[i - 1]!.norm));
    }
    return words;
  }
}

/**
 * A word and the words it can be with its proclitics taken off ("وبريف" → ريف). The same few
 * words come up again and again (each weak candidate is scored up to four times, and looks at the
 * words around it): remembered, up to READINGS_CACHE_SIZE words.
 */
function readingsOf(word: string): readonly string[] {
  let readings = readingsCache.get(word);
  if (!readings) {
    if (readingsCache.size >= READINGS_CACHE_SIZE) readingsCache.clear();
    readings = stripProclitics(word).map((r) => r.name);
    readingsCache.set(word, readings);
  }
  return readings;
}
const READINGS_CACHE_SIZE = 4096;
const readingsCache = new Map<string, readonly string[]>();
