/**
 * Mentions in a text: the automaton's candidates, weighed in context (context.ts), with the
 * longest name winning where candidates overlap (كتائب حزب الله العراق over حزب الله).
 */
import { CharRole, LINE_BREAKS, ROLE } from '../arabic/chars.ts';
import { procliticReadings } from '../arabic/clitics.ts';
import { wordAfter, wordBefore, Words } from '../arabic/tokenise.ts';
import { categoryOf, type Category, type EntityKind, type Mention } from '../types.ts';
import type { Matcher, RawMatch, SerializedPattern } from './automaton.ts';
import { SENSE_SETTING } from './blocking.ts';
import { DATELINE, inDateline } from './dateline.ts';
import { CLUB_NAMES, isSportsText } from './sports.ts';
import { ANCIENT_NAMESAKE, headRulesOut, LATIN_PHRASE, OUTLET_TAIL, quotedAfterHead, wordItselfHere } from './name-heads.ts';
import { masculineVerbAfter } from './agreement.ts';
import { GIVEN_NAME_BEFORE } from './given-names.ts';
import { regionsOf, SMALL_PLACE_NEEDS_REGION, type Regions } from './region.ts';
import {
  ABSTRACT_COORDINATION,
  ADMIN_REGION_BEFORE,
  BARE_PREPOSITIONS,
  CLUB_BEFORE,
  CLUB_RELATION_BEFORE,
  OTHER_THEATRE,
  EVENT_BEFORE,
  GROUP_HEAD_BEFORE,
  GROUP_NAME_EXTENDED,
  HISTORY_TEXT,
  IS_PROVINCE,
  IS_PROVINCE_IN_IS_TEXT,
  MATCH_VERB_BEFORE,
  NISBA_PAIR,
  OUTLET_STAFF_BEFORE,
  TEAM_MEMBER_BEFORE,
  THEATRE_FROM_REGION,
  LEAGUE_SUBJECT,
  NEIGHBOURHOOD_BEFORE,
  SPORTS_CLUB_BEFORE,
  PARTICIPLE,
  QUALITY_BEFORE,
  STREET_BEFORE,
  MIN_CONFIDENCE,
  NISBA_COUNTRY,
  NISBA_HOMOGRAPHS,
  NEARBY,
  PERSONAL_QUALITIES,
  NEEDS_TRIGGER,
  SPORTS_PLACE_EVIDENCE,
  STRONG_CONFIDENCE,
  TRIGGERS_AFTER,
  TRIGGERS_BEFORE,
  VETO_AFTER,
  VETO_BEFORE,
  WEAK_BASE,
  type Cue,
  type Veto,
} from './context.ts';

export interface DetectOptions {
  /** Mentions below this confidence are dropped (default MIN_CONFIDENCE; 0 keeps all). */
  minConfidence?: number;
  /**
   * Entities already named strongly in the same region of the page (page/regions.ts): evidence
   * for their weak names here. Only `has` is read.
   */
  knownEntities?: { has(entityId: string): boolean };
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
  const raws = matcher.scan(text);
  if (raws.length === 0) return [];
  const minConfidence = options.minConfidence ?? MIN_CONFIDENCE;
  const { patterns, entityIds, kinds, countries } = matcher.data;
  let candidates: Candidate[] = [];
  let weak: Candidate[] = [];
  // Shorter names a blocking name in this text gives its sense to (SENSE_SETTING): one sense per text.
  let takenSense: Set<string> | undefined;
  // Names this text gives to a club (CLUB_BEFORE, SPORTS_CLUB_BEFORE, LEAGUE_SUBJECT): one sense per text.
  let clubSense: Set<string> | undefined;
  const sports = new SportsText(text);
  // The end of the last name read as a club: a name joined to it by و is a club too (SPORTS_PRIOR).
  let clubEnd = -1;
  const theatre = new OtherTheatre(text);
  // Most texts hold no bracket: bracketInside looks only in those that do.
  const bracketed = BRACKET.test(text);
  // Whether the text names an armed group strongly: read once, when a topic rule first asks.
  let groupNamed: boolean | undefined;
  const namesGroup = () =>
    (groupNamed ??= raws.some((r) => patterns[r.pattern]![2].some((t) => (t & 1) === 0 && categoryOf(kinds[t >> 1]!) === 'group')));
  const antiquity = new TopicText(text, ANCIENT_NAMESAKE.words, namesGroup, ANCIENT_NAMESAKE.before);
  const history = new TopicText(text, HISTORY_TEXT.words, namesGroup);
  for (const raw of raws) {
    if (patterns[raw.pattern]![2].length > 0) continue;
    const shorter = SENSE_SETTING.get(keyOf(raw, patterns));
    if (shorter) for (const key of shorter) (takenSense ??= new Set()).add(key);
  }
  for (const raw of raws) {
    const targets = patterns[raw.pattern]![2];
    if (targets.length === 0) {
      // A blocking name (blocking.ts): it wins the overlap as any longer name would, then shows nothing.
      candidates.push({ raw, entity: BLOCKED, weak: false, confidence: STRONG_CONFIDENCE });
      continue;
    }
    if (takenSense?.has(keyOf(raw, patterns))) continue;
    if (bracketed && bracketInside(text, raw)) continue;
    const previous = wordBefore(text, raw.start);
    // A dateline's place is the place, whatever the item is about (dateline.ts).
    const dateline = raw.start <= DATELINE_WITHIN && inDateline(text, raw.start, raw.end);
    if (!dateline && clubHere(text, raw, targets, kinds, previous, sports)) {
      // One sense per text: the club's name, bare elsewhere in this text, is the club too.
      (clubSense ??= new Set()).add(keyOf(raw, patterns));
      clubEnd = raw.end;
      continue;
    }
    if (!dateline && clubByPrior(text, raw, targets, kinds, patterns, previous, sports, clubEnd)) {
      // One sense per text, as for a club word: its bare name in a paragraph with little sport is the club too.
      (clubSense ??= new Set()).add(keyOf(raw, patterns));
      clubEnd = raw.end;
      continue;
    }
    if (notANameHere(text, raw, patterns, previous)) continue;
    // The country a nisba right after the name names (NISBA_COUNTRY): looked up once, when needed.
    let nisba: string | null | undefined;
    let otherBody = false;
    const before = candidates.length;
    for (let k = 0; k < targets.length; k++) {
      const isWeak = (targets[k]! & 1) === 1;
      const entity = targets[k]! >> 1;
      if (notThisKindHere(previous, kinds[entity]!)) continue;
      if (namedThingHere(text, raw, patterns, previous, kinds[entity]!)) continue;
      if (
        extendedGroupName(text, raw.end, kinds[entity]!, isWeak) ||
        headlessGroupAfterBody(matcher, text, raw, previous, kinds[entity]!) ||
        (!isWeak && OTHER_THEATRE.kinds.has(kinds[entity]!) && purposeElsewhere(text, raw.end))
      ) {
        // Another body's name: it still wins the overlap, so no shorter name inside it lights (سوريا in
        // "مجلس سوريا الديمقراطية").
        otherBody = true;
        continue;
      }
      if (isWeak && OTHER_THEATRE.kinds.has(kinds[entity]!) && !coalitionHere(text, raw, theatre, options.knownEntities)) continue;
      if (ANCIENT_NAMESAKE.kinds.has(kinds[entity]!) && ancientCity(text, raw, patterns, antiquity)) continue;
      if (isWeak && HISTORY_TEXT.kinds.has(kinds[entity]!) && history.is()) continue;
      const country = countries?.[entity];
      if (country) {
        if (nisba === undefined) nisba = nisbaCountryAfter(text, raw.end);
        if (nisba !== null && nisba !== country) continue;
      }
      const c: Candidate = { raw, entity, weak: isWeak, confidence: isWeak ? 0 : STRONG_CONFIDENCE };
      candidates.push(c);
      if (isWeak) weak.push(c);
    }
    if (otherBody && candidates.length === before) candidates.push({ raw, entity: BLOCKED, weak: false, confidence: STRONG_CONFIDENCE });
  }
  if (clubSense) {
    const dropped = (c: Candidate) =>
      c.entity !== BLOCKED &&
      clubSense!.has(keyOf(c.raw, patterns)) &&
      clubNamed(kinds[c.entity]!) &&
      !sportsPlaceEvidence(text, c.raw, wordBefore(text, c.raw.start)) &&
      !inDateline(text, c.raw.start, c.raw.end);
    candidates = candidates.filter((c) => !dropped(c));
    weak = weak.filter((c) => !dropped(c));
  }
  if (dropQualities(text, candidates, patterns, (e) => categoryOf(kinds[e]!))) {
    weak = weak.filter((c) => c.confidence >= 0);
    candidates = candidates.filter((c) => c.confidence >= 0);
  }
  if (weak.length > 1) weak = weak.sort((a, b) => a.raw.start - b.raw.start);
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
      context.accept(weak);
    }
  }
  let shown: Candidate[] = [];
  for (const c of candidates) if (c.confidence >= minConfidence && c.confidence > 0) shown.push(c);
  const regions = regionsOf(matcher.data);
  if (regions) shown = inTheirRegion(text, shown, regions, (e) => options.knownEntities?.has(entityIds[e]!) ?? false);
  // The reader's hidden kinds (SerializedMatcher.hidden): evidence up to here, shown nowhere.
  const hidden = hiddenOf(matcher.data);
  if (hidden) shown = shown.filter((c) => c.entity === BLOCKED || !hidden.has(c.entity));
  const kept = resolveOverlaps(shown);
  const mentions: Mention[] = [];
  for (const c of kept) {
    if (c.entity === BLOCKED) continue;
    mentions.push({
      start: c.raw.start,
      end: c.raw.end,
      text: text.slice(c.raw.start, c.raw.end),
      entityId: entityIds[c.entity]!,
      confidence: Math.round(c.confidence * 100) / 100,
    });
  }
  return mentions;
}

/** Relative pronouns: an after-cue may stand past one ("التحالف الذي تقوده"). */
const RELATIVE: ReadonlySet<string> = new Set(['الذي', 'التي']);

/** The entity of a blocking name's candidate: none. */
const BLOCKED = -1;

/** The normalised name a match was found through. */
function keyOf(raw: RawMatch, patterns: readonly SerializedPattern[]): string {
  const [core, article] = patterns[raw.pattern]!;
  return article ? `ال${core}` : core;
}

/** Whether any of the words is one of the cues' words. */
function anyWordOf(words: readonly string[], cues: readonly { words: ReadonlySet<string> }[]): boolean {
  for (const cue of cues) if (anyWordIn(words, cue.words)) return true;
  return false;
}

/** Whether any of `words` is in `set` (one cue: no array made for it, on detect's hot path). */
function anyWordIn(words: readonly string[], set: ReadonlySet<string>): boolean {
  for (const w of words) if (set.has(w)) return true;
  return false;
}

/**
 * Readings that rule a match out whatever its name's strength: the nisba adjective
 * ("عملية عسكرية سورية"), a place inside an event's or a club's name ("بطولة الولايات المتحدة",
 * "نادي الفرات"), a participle ("الطريق الموصل إلى") and a noun joined to an abstract noun
 * ("الزراعة والصناعة").
 */
function notANameHere(
  text: string,
  raw: RawMatch,
  patterns: readonly SerializedPattern[],
  previous: { norm: string; breakBetween: boolean } | undefined,
): boolean {
  const oneWord = patterns[raw.pattern]![0].indexOf(' ') < 0;
  if (oneWord && abstractCoordination(text, raw, previous)) return true;
  const nisbaName = NISBA_HOMOGRAPHS.names.has(keyOf(raw, patterns));
  if (nisbaName && (raw.proclitic === '' || raw.proclitic === 'و') && nisbaPairAfter(text, raw.end)) return true;
  if (!previous || previous.breakBetween) return false;
  const before = readingsOf(previous.norm);
  if (nisbaName && anyWordIn(before, NISBA_PAIR.not)) return true;
  if (anyWordIn(before, EVENT_BEFORE.words) || isProvince(text, raw, before)) return true;
  if (oneWord && anyWordIn(before, QUALITY_BEFORE.words)) return true;
  if (patterns[raw.pattern]![1] === 1 && raw.proclitic === '' && previous.norm.startsWith('ال') && participle(text, raw)) {
    return true;
  }
  return (
    (raw.proclitic === '' || raw.proclitic === 'و') &&
    !previous.norm.startsWith('ال') &&
    (previous.norm.endsWith('ه') || previous.norm.endsWith('ات')) &&
    NISBA_HOMOGRAPHS.names.has(keyOf(raw, patterns))
  );
}

/** NISBA_PAIR: another indefinite nisba right after (past one word of NISBA_PAIR.skip, a dash or و). */
function nisbaPairAfter(text: string, offset: number): boolean {
  let next = wordAfter(text, offset);
  if (!next || next.breakBetween) return false;
  if (NISBA_PAIR.skip.has(next.norm)) {
    next = wordAfter(text, nextWordEnd(text, offset));
    if (!next || next.breakBetween) return false;
  }
  return anyWordIn(readingsOf(next.norm), NISBA_PAIR.words);
}

/** Places a club can be named after: not countries ("فاز العراق" is the national team, the country). */
function clubNamed(kind: EntityKind): boolean {
  return kind !== 'country' && categoryOf(kind) === 'place';
}

/**
 * Whether the match names a club here: a club word before it (CLUB_BEFORE, any name), or, for a
 * place a club can be named after, in a sports text, a club word that is also a common noun
 * before it (SPORTS_CLUB_BEFORE) or a league verb after it with no preposition before it
 * (LEAGUE_SUBJECT).
 */
function clubHere(
  text: string,
  raw: RawMatch,
  targets: readonly number[],
  kinds: readonly EntityKind[],
  previous: { norm: string; breakBetween: boolean } | undefined,
  sports: SportsText,
): boolean {
  const before = previous && !previous.breakBetween ? readingsOf(previous.norm) : undefined;
  if (before && anyWordIn(before, CLUB_BEFORE.words)) return true;
  let place = false;
  for (const t of targets) if (clubNamed(kinds[t >> 1]!)) place = true;
  if (!place) return false;
  // The local cue first, the text's topic (read once per text) only when there is one.
  if (before && anyWordIn(before, SPORTS_CLUB_BEFORE.words)) return sports.is(raw.start);
  if (before && anyWordIn(before, TEAM_MEMBER_BEFORE.words)) return sports.is(raw.start);
  if (before && anyWordIn(before, CLUB_RELATION_BEFORE.words)) return sports.is(raw.start);
  if (before && anyWordIn(before, CLUB_RELATION_BEFORE.via) && CLUB_RELATION_BEFORE.guest.test(text.slice(Math.max(0, raw.start - 24), raw.start))) {
    return sports.is(raw.start);
  }
  // The subject of a match verb standing first (MATCH_VERB_BEFORE), with no proclitic of its own.
  if (before && raw.proclitic === '' && anyWordIn(before, MATCH_VERB_BEFORE.words)) return sports.is(raw.start);
  // The subject of a league verb: no preposition before it, of its own or as a word.
  if (raw.proclitic.includes('ب') || raw.proclitic.includes('ل')) return false;
  if (before && anyWordIn(before, BARE_PREPOSITIONS)) return false;
  // Most names have no league verb after them: a look at the letters first (detect's hot path).
  if (!LEAGUE_HINT.test(text.slice(raw.end, raw.end + LEAGUE_SUBJECT.window * 12))) return false;
  let offset = raw.end;
  for (let i = 0; i < LEAGUE_SUBJECT.window; i++) {
    const next = wordAfter(text, offset);
    if (!next || next.breakBetween) return false;
    if (anyWordIn(readingsOf(next.norm), LEAGUE_SUBJECT.words)) return sports.is(raw.start);
    offset = nextWordEnd(text, offset);
  }
  return false;
}

/** Letters every league verb holds one of (as written): a prefilter only. */
const LEAGUE_HINT = /ت[أا]هل|تصدر|فاز|فوز|خسر|تعادل|هبط|توج|تغلب|رصيده|ضيفه|نظيره/;

/** The end of the word after `offset` (past spaces and punctuation), as wordAfter reads it. */
function nextWordEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && ROLE[text.charCodeAt(i)] !== CharRole.Letter) i++;
  while (i < text.length && ROLE[text.charCodeAt(i)] !== CharRole.Space && ROLE[text.charCodeAt(i)] !== CharRole.Break) i++;
  return i;
}

/**
 * SPORTS_PRIOR: a name of CLUB_NAMES (a place a club is named after), in a sports text, with no
 * place evidence next to it, is the club; so is a place joined by و to a name just read as a club
 * ("أندية صلاح الدين وديالى والأنبار").
 */
function clubByPrior(
  text: string,
  raw: RawMatch,
  targets: readonly number[],
  kinds: readonly EntityKind[],
  patterns: readonly SerializedPattern[],
  previous: { norm: string; breakBetween: boolean } | undefined,
  sports: SportsText,
  clubEnd: number,
): boolean {
  const coordinated = clubEnd >= 0 && raw.proclitic.startsWith('و') && onlySpaces(text, clubEnd, raw.start);
  if (!coordinated && !CLUB_NAMES.has(keyOf(raw, patterns))) return false;
  let place = false;
  for (const t of targets) if (clubNamed(kinds[t >> 1]!)) place = true;
  if (!place || sportsPlaceEvidence(text, raw, previous)) return false;
  return sports.denseAt(raw.start);
}

/** Whether only spaces (no punctuation, no letter) stand in text[from, to). */
function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (ROLE[text.charCodeAt(i)] !== CharRole.Space) return false;
  return true;
}

/**
 * Place evidence next to a name in a sports text (SPORTS_PLACE_EVIDENCE): a word for a kind of place,
 * a direction, or a preposition of place (في، إلى، من …, as a word: "لديالى" is a goal "for" the
 * club) right before it, or a place cue right after it.
 */
function sportsPlaceEvidence(
  text: string,
  raw: RawMatch,
  previous: { norm: string; breakBetween: boolean } | undefined,
): boolean {
  if (previous && !previous.breakBetween && (placeWord(previous.norm) || SPORTS_PLACE_EVIDENCE.hosts.has(previous.norm))) return true;
  const next = wordAfter(text, raw.end);
  if (next && !next.breakBetween) {
    if (SPORTS_PLACE_EVIDENCE.hosts.has(next.norm)) return true;
    for (const cue of TRIGGERS_AFTER) if (cue.for.includes('place') && anyWordIn(readingsOf(next.norm), cue.words)) return true;
  }
  // The last of a list ("تقام في بغداد ودهوك وديالى"): the word before the list's head speaks for it.
  if (!raw.proclitic.startsWith('و')) return false;
  // The words before the name, its own و the last of them.
  const words = new Words(text.slice(Math.max(0, raw.start - LIST_REACH * 24), raw.start));
  const own = words.count - 1;
  let i = own;
  for (let steps = 0; steps <= LIST_REACH && i > 0 && !words.breakBefore(i) && words.norm(i).startsWith('و'); steps++) i--;
  return i > 0 && i < own && !words.breakBefore(i) && placeWord(words.norm(i - 1), SPORTS_PLACE_EVIDENCE.list);
}

/** Whether a word (its proclitics off) is place evidence before a name: one of `words` or a place cue. */
function placeWord(norm: string, words: ReadonlySet<string> = SPORTS_PLACE_EVIDENCE.words): boolean {
  const before = readingsOf(norm);
  if (anyWordIn(before, words)) return true;
  for (const cue of PLACE_CUES_BEFORE) if (anyWordIn(before, cue.words)) return true;
  return false;
}

/** How many names joined by و a list's head speaks for. */
const LIST_REACH = 4;

/** The place cues of TRIGGERS_BEFORE that stand right next to the name (a kind of place, a direction). */
const PLACE_CUES_BEFORE = TRIGGERS_BEFORE.filter((c) => c.for.includes('place') && c.window === 1 && c.weight >= 0.3);

/** DATELINE.within, for the hot path's first look. */
const DATELINE_WITHIN = 40;

/**
 * Whether a text is about sport, asked only when a local cue or a club's name asks. `denseAt()` is
 * SPORTS_LEXICON's density (sports.ts, round 6) over the paragraph around an offset (the text up to
 * its line breaks, at most SPORTS_REGION_CHARS either side: on a page, detect's text is a block and
 * this is all of it), what the sports prior needs; `is()`, for the rules that have a local cue of
 * their own (a club word, a match verb), takes one word of SPORTS_CLUB_BEFORE.sportsWords anywhere
 * in the text (rounds 3–5), or that density. For the one-word look, the words' letters first (most
 * texts hold none), then only the words those letters stand in.
 */
class SportsText {
  private answer: boolean | undefined;
  /** Density answers by paragraph start. */
  private readonly dense = new Map<number, boolean>();
  constructor(private readonly text: string) {}
  is(offset: number): boolean {
    if (this.answer === undefined) {
      const text = this.text;
      let found = false;
      const hints = new RegExp(SPORTS_HINT.source, 'g');
      for (let m = hints.exec(text); m && !found; m = hints.exec(text)) {
        let start = m.index;
        while (start > 0 && ROLE[text.charCodeAt(start - 1)] !== CharRole.Space && ROLE[text.charCodeAt(start - 1)] !== CharRole.Break) start--;
        const word = wordAfter(text, start);
        found = !!word && anyWordIn(readingsOf(word.norm), SPORTS_CLUB_BEFORE.sportsWords);
      }
      this.answer = found;
    }
    return this.answer || this.denseAt(offset);
  }
  denseAt(offset: number): boolean {
    const text = this.text;
    let start = offset;
    const least = Math.max(0, offset - SPORTS_REGION_CHARS);
    while (start > least && !LINE_END.has(text.charCodeAt(start - 1))) start--;
    let answer = this.dense.get(start);
    if (answer === undefined) {
      let end = offset;
      const most = Math.min(text.length, offset + SPORTS_REGION_CHARS);
      while (end < most && !LINE_END.has(text.charCodeAt(end))) end++;
      const paragraph = start === 0 && end === text.length ? text : text.slice(start, end);
      answer = isSportsText(paragraph, () => new Words(paragraph), readingsOf);
      this.dense.set(start, answer);
    }
    return answer;
  }
}
/** How far either side of a name the sports prior reads, within its paragraph. */
const SPORTS_REGION_CHARS = 600;
const LINE_END: ReadonlySet<number> = new Set(LINE_BREAKS);
/** Letters every sports word holds one of (as written, before normalisation): a prefilter only. */
const SPORTS_HINT = /دوري|مبار|كر[ةه]|هدفين|ملعب|مدرب|الت[أا]هل|تصدر|نادي|صافر|ركل|مرماه/;
/**
 * A weak coalition name: not in a text about another theatre (OTHER_THEATRE); in a text with no
 * theatre of its own, only when the region names the coalition's own (THEATRE_FROM_REGION) or a
 * "led by" cue stands right after it.
 */
function coalitionHere(text: string, raw: RawMatch, theatre: OtherTheatre, known: DetectOptions['knownEntities']): boolean {
  if (theatre.is()) return false;
  if (theatre.home()) return true;
  if (known) for (const id of THEATRE_FROM_REGION.homeEntities) if (known.has(id)) return true;
  const ledBy = TRIGGERS_AFTER[0]!.words;
  let next = wordAfter(text, raw.end);
  if (next && !next.breakBetween && RELATIVE.has(next.norm)) next = wordAfter(text, nextWordEnd(text, raw.end));
  return !!next && !next.breakBetween && anyWordIn(readingsOf(next.norm), ledBy);
}

/**
 * OTHER_THEATRE: whether the text names another theatre's words and none of the home theatre's,
 * asked at most once per text and only for a weak name of OTHER_THEATRE.kinds (rare).
 */
class OtherTheatre {
  private answer: boolean | undefined;
  private homeAnswer = false;
  constructor(private readonly text: string) {}
  /** Whether the text names one of OTHER_THEATRE.home (asked after is()). */
  home(): boolean {
    this.is();
    return this.homeAnswer;
  }
  is(): boolean {
    if (this.answer === undefined) {
      const words = new Words(this.text);
      let theatre = false;
      let home = false;
      for (let i = 0; i < words.count && !home; i++) {
        const readings = readingsOf(words.norm(i));
        if (!theatre && anyWordIn(readings, OTHER_THEATRE.theatre)) theatre = true;
        if (anyWordIn(readings, OTHER_THEATRE.home)) home = true;
      }
      this.answer = theatre && !home;
      this.homeAnswer = home;
    }
    return this.answer;
  }
}
/**
 * IS_PROVINCE: ولاية right before the name, in quotation marks ("ولاية الفرات") or after
 * "what is called" (ما يعرف بـ، ما يسمى) within IS_PROVINCE.window words.
 */
function isProvince(text: string, raw: RawMatch, before: readonly string[]): boolean {
  if (!anyWordIn(before, IS_PROVINCE.words)) return false;
  const words = new Words(text);
  const province = words.at(raw.start) - 1;
  if (province < 0) return false;
  // Quoted as one name ("ولاية الفرات") or the place quoted after the word (ولاية "الفرات").
  if (words.quotedBefore(province) || words.quotedBefore(province + 1)) return true;
  for (let i = province - 1; i >= 0 && i >= province - IS_PROVINCE.window; i--) {
    if (words.breakBefore(i + 1)) break;
    if (anyWordIn(readingsOf(words.norm(i)), IS_PROVINCE.so)) return true;
  }
  return namesTheIslamicState(words);
}

/** IS_PROVINCE_IN_IS_TEXT: a name of the organisation anywhere in the text (read only after a ولاية). */
function namesTheIslamicState(words: Words): boolean {
  const rule = IS_PROVINCE_IN_IS_TEXT;
  for (let i = 0; i < words.count; i++) {
    const readings = readingsOf(words.norm(i));
    if (anyWordIn(readings, rule.organisation)) return true;
    if (i + 1 < words.count) {
      for (const [a, b] of rule.pairs) if (readings.includes(a) && words.norm(i + 1) === b) return true;
    }
  }
  return false;
}

/** إلى, بين or a word with لل right after the name (PARTICIPLE). */
function participle(text: string, raw: RawMatch): boolean {
  const next = wordAfter(text, raw.end);
  if (!next || next.breakBetween) return false;
  return PARTICIPLE.words.has(next.norm) || (next.norm.startsWith('لل') && next.norm.length > 3);
}

/** The name joined by و to an abstract noun on either side (ABSTRACT_COORDINATION). */
function abstractCoordination(
  text: string,
  raw: RawMatch,
  previous: { norm: string; breakBetween: boolean } | undefined,
): boolean {
  if (raw.proclitic.startsWith('و') && previous && !previous.breakBetween && ABSTRACT_COORDINATION.words.has(previous.norm)) {
    return true;
  }
  // Most names are followed by no و-word: looked at before any word is built (detect's hot path).
  if (!nextWordStartsWithWaw(text, raw.end)) return false;
  const next = wordAfter(text, raw.end);
  return (
    next !== undefined &&
    !next.breakBetween &&
    next.norm.startsWith('و') &&
    ABSTRACT_COORDINATION.words.has(next.norm.slice(1))
  );
}

/** The country code of a nisba right after `offset` (NISBA_COUNTRY), or null. */
function nisbaCountryAfter(text: string, offset: number): string | null {
  // Only spaces and quotation marks between: "بغداد ( الفرنسية )" is a source line (AFP), no nisba.
  for (let i = offset; i < text.length && ROLE[text.charCodeAt(i)] !== CharRole.Letter; i++) {
    if (!NISBA_GAP.test(text[i]!)) return null;
  }
  const next = wordAfter(text, offset);
  if (!next || next.breakBetween || !next.norm.startsWith('ال')) return null;
  return NISBA_COUNTRY.nisbas.get(next.norm) ?? null;
}

const NISBA_GAP = /[\s"'“”«»\u0640\u064B-\u0652]/;

/** Whether the first letter after `offset` (past spaces, not past punctuation) is و. */
function nextWordStartsWithWaw(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const role = ROLE[code];
    if (role === CharRole.Letter) return code === WAW;
    if (role === CharRole.Break) return false;
  }
  return false;
}
const WAW = 0x0648;

/**
 * A place of this kind is not what the word before names: a street or market named after a place
 * (STREET_BEFORE), a neighbourhood named like a place that is none (NEIGHBOURHOOD_BEFORE).
 */
function notThisKindHere(previous: { norm: string; breakBetween: boolean } | undefined, kind: EntityKind): boolean {
  if (!previous || previous.breakBetween || categoryOf(kind) !== 'place') return false;
  const before = readingsOf(previous.norm);
  if (anyWordIn(before, STREET_BEFORE.words) || anyWordIn(before, OUTLET_STAFF_BEFORE.words)) return true;
  // Not a country: "مقاطعة إيران" is a boycott of Iran, and no administration is named after one.
  if (kind !== 'country' && anyWordIn(before, ADMIN_REGION_BEFORE.words)) return true;
  return kind !== 'neighbourhood' && anyWordIn(before, NEIGHBOURHOOD_BEFORE.words);
}

/**
 * Round 8: a bracket opened or closed inside a match, and not closed inside it, ends the name there.
 * Brackets may sit around a name or a word of it as spaces do (chars.ts: "كتائب (حزب الله) العراق"
 * is one name), but a name does not run into a bracket opened after its first words: "التحالف الدولي
 * ضد (داعش)" is the coalition, then ISIS in brackets, not the alias "التحالف الدولي ضد داعش".
 */
function bracketInside(text: string, raw: RawMatch): boolean {
  let open = 0;
  let unbalanced = false;
  for (let i = raw.start; i < raw.end; i++) {
    const c = text.charCodeAt(i);
    if (OPENING.has(c)) open++;
    else if (CLOSING.has(c)) {
      if (open === 0) unbalanced = true;
      else open--;
    }
  }
  return unbalanced || open > 0;
}
const BRACKET = /[()[\]{}\uFD3E\uFD3F]/;
const OPENING: ReadonlySet<number> = new Set([0x28, 0x5b, 0x7b, 0xfd3f]);
const CLOSING: ReadonlySet<number> = new Set([0x29, 0x5d, 0x7d, 0xfd3e]);

/** GROUP_NAME_EXTENDED: a word right after a group's name that makes it another organisation's name. */
function extendedGroupName(text: string, end: number, kind: EntityKind, weak: boolean): boolean {
  const words = (weak ? EXTENSIONS_AFTER_WEAK : EXTENSIONS_AFTER_ANY).get(kind);
  if (!words) return false;
  // Every extension is a definite adjective: a look at the letters after the spaces (and quotes) first.
  let i = end;
  while (i < text.length && ROLE[text.charCodeAt(i)] === CharRole.Space) i++;
  if (text.charCodeAt(i) !== ALIF || text.charCodeAt(i + 1) !== LAM) return false;
  const next = wordAfter(text, end);
  return !!next && !next.breakBetween && words.has(next.norm);
}

const ALIF = 0x0627;
const LAM = 0x0644;

/** GROUP_NAME_EXTENDED's words by kind, read once: after any name, and after a weak one (weakOnly rows too). */
const EXTENSIONS_AFTER_ANY = extensionsByKind(false);
const EXTENSIONS_AFTER_WEAK = extensionsByKind(true);
function extensionsByKind(weak: boolean): ReadonlyMap<EntityKind, ReadonlySet<string>> {
  const byKind = new Map<EntityKind, Set<string>>();
  for (const row of GROUP_NAME_EXTENDED) {
    if (row.weakOnly && !weak) continue;
    for (const kind of row.kinds) {
      const words = byKind.get(kind) ?? new Set<string>();
      for (const w of row.words) words.add(w);
      byKind.set(kind, words);
    }
  }
  return byKind;
}

/**
 * GROUP_HEAD_BEFORE: a body's word before a group name of two words or more that begins with a
 * place's name (the force's name without its head: "سوريا الديمقراطية").
 */
function headlessGroupAfterBody(
  matcher: Matcher,
  text: string,
  raw: RawMatch,
  previous: { norm: string; breakBetween: boolean } | undefined,
  kind: EntityKind,
): boolean {
  const { patterns, kinds } = matcher.data;
  if (categoryOf(kind) !== 'group' || !previous || previous.breakBetween || raw.proclitic !== '') return false;
  if (patterns[raw.pattern]![0].indexOf(' ') < 0 || !anyWordIn(readingsOf(previous.norm), GROUP_HEAD_BEFORE.words)) return false;
  const firstEnd = nextWordEnd(text, raw.start);
  for (const r of matcher.scan(text.slice(raw.start, firstEnd))) {
    if (r.start === 0 && r.end === firstEnd - raw.start && patterns[r.pattern]![2].some((t) => categoryOf(kinds[t >> 1]!) === 'place')) return true;
  }
  return false;
}

/**
 * Round 7 (name-heads.ts): a place inside the name of a thing of another kind ("نهر ديالى",
 * 'مشفيا "…" و"الفرات"'), or a one-word name used as the word itself ("تعريف الرقة").
 */
function namedThingHere(
  text: string,
  raw: RawMatch,
  patterns: readonly SerializedPattern[],
  previous: { norm: string; breakBetween: boolean } | undefined,
  kind: EntityKind,
): boolean {
  const place = categoryOf(kind) === 'place';
  const before = previous && !previous.breakBetween ? readingsOf(previous.norm) : NO_WORDS;
  if (place && headRulesOut(before, kind)) return true;
  // A surname (GIVEN_NAME_BEFORE, given-names.ts): "جورج واشنطن" is a man.
  if (raw.proclitic === '' && kind !== 'country' && before.length > 0 && anyWordIn(before, GIVEN_NAME_BEFORE.names)) return true;
  const oneWord = patterns[raw.pattern]![0].indexOf(' ') < 0;
  if (raw.proclitic === '' && oneWord) {
    if (wordItselfHere(text, raw.start, raw.end, before, kind)) return true;
    // The subject that opens a sentence (AGREEMENT, agreement.ts): no word before it in its sentence.
    if ((!previous || previous.breakBetween) && masculineVerbAfter(text, raw.end, patterns[raw.pattern]![0], kind)) return true;
  }
  // OUTLET_TAIL (round 9): "الفرات نيوز", an outlet's name.
  if (place) {
    OUTLET_TAIL_AT.lastIndex = raw.end;
    if (OUTLET_TAIL_AT.test(text)) return true;
  }
  // LATIN_PHRASE (round 10): "Apple T2".
  if (LATIN_CORE.test(patterns[raw.pattern]![0]) && latinNeighbour(text, raw)) return true;
  return place && raw.proclitic === '' && quotedAfterHead(text, raw.start, kind, readingsOf);
}
/** A name's core in Latin letters (the matcher's cores are folded to lower case). */
const LATIN_CORE = /[a-z]/;

/** Whether text[i] is a Latin letter. */
function latinAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 0x20;
  return c >= 0x61 && c <= 0x7a;
}

/** Whether a Latin letter stands right before or after the name, past spaces or a hyphen (LATIN_PHRASE). */
function latinNeighbour(text: string, raw: RawMatch): boolean {
  let i = raw.start - raw.proclitic.length;
  while (i > 0 && LATIN_PHRASE.gap.test(text[i - 1]!)) i--;
  if (i > 0 && i < raw.start && latinAt(text, i - 1)) return true;
  let j = raw.end;
  while (j < text.length && LATIN_PHRASE.gap.test(text[j]!)) j++;
  return j > raw.end && j < text.length && latinAt(text, j);
}

/** OUTLET_TAIL's pattern, sticky: tried at the name's end without a slice of the text. */
const OUTLET_TAIL_AT = new RegExp(OUTLET_TAIL.pattern.source.replace(/^\^/, ''), `${OUTLET_TAIL.pattern.flags}y`);

/**
 * ANCIENT_NAMESAKE (round 9): a governorate's one-word name with القديمة right after it, or in a
 * text about antiquity that names no armed group, is the ancient city of that name.
 */
function ancientCity(text: string, raw: RawMatch, patterns: readonly SerializedPattern[], antiquity: TopicText): boolean {
  if (patterns[raw.pattern]![0].indexOf(' ') >= 0) return false;
  const next = wordAfter(text, raw.end);
  if (next && !next.breakBetween && ANCIENT_NAMESAKE.after.has(next.norm)) return true;
  return antiquity.is();
}

/**
 * A text on a topic (ANCIENT_NAMESAKE, HISTORY_TEXT): one of `words` in it (a proclitic allowed), or
 * the two words of `pair` in a row, and no armed group named strongly (war news names the same
 * places and states today). Read once, when a rule first asks.
 */
class TopicText {
  private answer: boolean | undefined;
  constructor(
    private readonly text: string,
    private readonly words: ReadonlySet<string>,
    private readonly namesGroup: () => boolean,
    private readonly pair?: readonly [string, string],
  ) {}
  is(): boolean {
    if (this.answer === undefined) this.answer = !this.namesGroup() && this.onTopic();
    return this.answer;
  }
  private onTopic(): boolean {
    const words = new Words(this.text);
    const pair = this.pair;
    for (let i = 0; i < words.count; i++) {
      const readings = readingsOf(words.norm(i));
      if (anyWordIn(readings, this.words)) return true;
      if (pair && i + 1 < words.count && readings.includes(pair[0]) && words.norm(i + 1) === pair[1]) return true;
    }
    return false;
  }
}

/**
 * OTHER_THEATRE for a coalition's full name (round 9): a purpose after it ("لتحرير دولة الكويت") that
 * names another theatre and none of the coalition's own is another coalition.
 */
function purposeElsewhere(text: string, end: number): boolean {
  // Most names have no ل-word after them: a look at the letters first.
  if (!PURPOSE_HINT.test(text.slice(end, end + 3))) return false;
  const words = new Words(text.slice(end, end + PURPOSE_CHARS));
  if (words.count === 0 || words.breakBefore(0) || !words.norm(0).startsWith('ل')) return false;
  // A verbal noun of purpose with its ل ("لتحرير"، "للتصدي"), not any word with one ("لقواته").
  if (!anyWordIn(readingsOf(words.norm(0)), OTHER_THEATRE.purposes)) return false;
  let elsewhere = false;
  for (let i = 1; i < Math.min(words.count, PURPOSE_WORDS + 1) && !words.breakBefore(i); i++) {
    const r = readingsOf(words.norm(i));
    if (anyWordIn(r, OTHER_THEATRE.home)) return false;
    if (anyWordIn(r, OTHER_THEATRE.theatre)) elsewhere = true;
  }
  return elsewhere;
}
/** How many words after the purpose's verbal noun may name its theatre, and how far that reaches. */
const PURPOSE_WORDS = 4;
const PURPOSE_CHARS = 80;
const PURPOSE_HINT = /^\s*ل/;

const NO_WORDS: readonly string[] = [];

/**
 * PERSONAL_QUALITIES: a one-word place name, the only place or group named in the text, with no
 * place evidence next to it, in a text about personal qualities, is marked dropped (confidence -1):
 * returns whether any was.
 */
function dropQualities(
  text: string,
  candidates: Candidate[],
  patterns: readonly SerializedPattern[],
  categoryOf: (entity: number) => Category,
): boolean {
  let key: string | undefined;
  const mentions: Candidate[] = [];
  for (const c of candidates) {
    if (c.entity === BLOCKED) continue;
    const category = categoryOf(c.entity);
    if (category === 'group') return false;
    if (category !== 'place') continue;
    const k = keyOf(c.raw, patterns);
    if (key !== undefined && k !== key) return false;
    key = k;
    mentions.push(c);
  }
  if (key === undefined || key.indexOf(' ') >= 0) return false;
  // Every mention of the name must lack place evidence (one sense per text).
  for (const c of mentions) if (hasPlaceEvidence(text, c.raw)) return false;
  const words = new Words(text);
  const seen = new Set<string>();
  for (let i = 0; i < words.count && seen.size < PERSONAL_QUALITIES.least; i++) {
    for (const r of readingsOf(words.norm(i))) if (PERSONAL_QUALITIES.words.has(r)) seen.add(r);
  }
  if (seen.size < PERSONAL_QUALITIES.least) return false;
  for (const c of mentions) c.confidence = -1;
  return true;
}

/** A preposition or place word right before the name (its own ب/ل too), or a place cue right after it. */
function hasPlaceEvidence(text: string, raw: RawMatch): boolean {
  if (raw.proclitic.includes('ب') || raw.proclitic.includes('ل')) return true;
  const previous = wordBefore(text, raw.start);
  if (previous && !previous.breakBetween) {
    const before = readingsOf(previous.norm);
    if (anyWordIn(before, BARE_PREPOSITIONS)) return true;
    for (const cue of TRIGGERS_BEFORE) if (cue.for.includes('place') && anyWordIn(before, cue.words)) return true;
  }
  const next = wordAfter(text, raw.end);
  if (next && !next.breakBetween) {
    for (const cue of TRIGGERS_AFTER) if (cue.for.includes('place') && anyWordIn(readingsOf(next.norm), cue.words)) return true;
  }
  return false;
}

/**
 * SMALL_PLACE_NEEDS_REGION (region.ts): a neighbourhood, or a village through a weak name, stays only
 * when another mention shown here, or an entity the page region names (`known`), is of its region; a
 * village through its full name goes only when the text names a province that is none of its region
 * ("لمحافظة درعا"). Two neighbourhoods of one city named together vouch for each other.
 */
function inTheirRegion(text: string, shown: Candidate[], regions: Regions, known: (entity: number) => boolean): Candidate[] {
  let out: Candidate[] | undefined;
  let provinceNamed: boolean | undefined;
  for (let i = 0; i < shown.length; i++) {
    const c = shown[i]!;
    const needs = c.entity === BLOCKED ? undefined : regions.needs(c.entity, c.weak);
    let keep = true;
    if (needs && !regionNamed(c, shown, regions, known)) {
      if (needs === 'region') keep = false;
      // No place of its region is named, so any province named is another one.
      else keep = !(provinceNamed ??= namesAProvince(text));
    }
    if (!keep) out ??= shown.slice(0, i);
    else if (out) out.push(c);
  }
  return out ?? shown;
}

/** Whether another mention shown, or an entity the page region names, is of c's region. */
function regionNamed(c: Candidate, shown: readonly Candidate[], regions: Regions, known: (entity: number) => boolean): boolean {
  for (const o of shown) if (o.entity !== BLOCKED && o.entity !== c.entity && regions.related(c.entity, o.entity)) return true;
  for (const o of regions.regionOf(c.entity)) if (known(o)) return true;
  return false;
}

/** Whether the text names a province: one of SMALL_PLACE_NEEDS_REGION.provinceHeads with a name after it ("لمحافظة درعا"). */
function namesAProvince(text: string): boolean {
  const words = new Words(text);
  for (let i = 0; i + 1 < words.count; i++) {
    if (!words.breakBefore(i + 1) && anyWordIn(readingsOf(words.norm(i)), SMALL_PLACE_NEEDS_REGION.provinceHeads)) return true;
  }
  return false;
}

/** SerializedMatcher.hidden as a set, made once per matcher data. */
function hiddenOf(data: Matcher['data']): ReadonlySet<number> | undefined {
  if (!data.hidden || data.hidden.length === 0) return undefined;
  let set = HIDDEN.get(data);
  if (!set) HIDDEN.set(data, (set = new Set(data.hidden)));
  return set;
}
const HIDDEN = new WeakMap<Matcher['data'], ReadonlySet<number>>();

/** Longest first, then most confident, then earliest; a candidate overlapping a kept one goes. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  const byPreference = [...candidates].sort(
    (a, b) =>
      b.raw.end - b.raw.start - (a.raw.end - a.raw.start) ||
      b.confidence - a.confidence ||
      a.raw.start - b.raw.start,
  );
  const kept: Candidate[] = [];
  for (const c of byPreference) {
    let free = true;
    for (const k of kept) {
      if (c.raw.start < k.raw.end && k.raw.start < c.raw.end) {
        free = false;
        break;
      }
    }
    if (free) kept.push(c);
  }
  return kept.sort((a, b) => a.raw.start - b.raw.start);
}

/** Whether a veto's word stands within its window (default 1) among the words before the name. */
function vetoedBefore(vetoes: readonly Veto[], before: readonly (readonly string[])[]): boolean {
  for (const veto of vetoes) {
    const window = Math.min(veto.window ?? 1, before.length);
    for (let i = 0; i < window; i++) if (anyWordIn(before[i]!, veto.words)) return true;
  }
  return false;
}

/**
 * The highest weight of the cues for `category` whose words stand within their window among
 * `words` (each word as its readings); 0 when none does.
 */
function triggered(cues: readonly Cue[], category: Category, words: readonly (readonly string[])[]): number {
  let best = 0;
  for (const cue of cues) {
    if (!cue.for.includes(category)) continue;
    const window = Math.min(cue.window, words.length);
    for (let i = cue.skip ?? 0; i < window; i++) {
      if (anyWordIn(words[i]!, cue.words)) {
        best = Math.max(best, cue.weight);
        break;
      }
      // A cue further off does not reach over a preposition: "قالت في الوقت" is no outlet.
      if (!cue.overPrepositions && anyWordIn(words[i]!, BARE_PREPOSITIONS)) break;
    }
  }
  return best;
}

/** The evidence around weak candidates: the words of the text and the mentions known so far. */
class Context {
  private readonly words: Words;
  private readonly strong: Known[] = [];
  private known: Known[];

  constructor(
    private readonly text: string,
    candidates: readonly Candidate[],
    private readonly patterns: readonly SerializedPattern[],
    private readonly categoryOf: (entity: number) => Category,
    private readonly knownElsewhere: (entity: number) => boolean,
  ) {
    this.words = new Words(text);
    for (const c of candidates) if (!c.weak && c.entity !== BLOCKED) this.strong.push(this.knownOf(c));
    this.known = this.strong;
  }

  /** Weak candidates now accepted count as known from the next pass on. */
  accept(weak: readonly Candidate[]): void {
    const known = this.strong.slice();
    for (const c of weak) if (c.confidence >= MIN_CONFIDENCE) known.push(this.knownOf(c));
    this.known = known;
  }

  private knownOf(c: Candidate): Known {
    return {
      first: this.words.at(c.raw.start),
      last: this.words.at(c.raw.end - 1),
      start: c.raw.start,
      end: c.raw.end,
      entity: c.entity,
      category: this.categoryOf(c.entity),
    };
  }

  score(c: Candidate): number {
    const category = this.categoryOf(c.entity);
    const raw = c.raw;
    const words = this.words;
    const first = words.at(raw.start);
    const last = words.at(raw.end - 1);
    const nextReadings = last + 1 < words.count && !words.breakBefore(last + 1) ? readingsOf(words.norm(last + 1)) : undefined;
    if (nextReadings && anyWordOf(nextReadings, VETO_AFTER)) return 0;

    const before = this.wordsBefore(first, 4);
    if (vetoedBefore(VETO_BEFORE, before)) return 0;

    let score = WEAK_BASE;
    let beforeWeight = triggered(TRIGGERS_BEFORE, category, before);
    // A dateline's place (DATELINE): as sure as a word for a kind of place.
    if (category === 'place' && raw.start <= DATELINE_WITHIN && inDateline(this.text, raw.start, raw.end)) {
      beforeWeight = Math.max(beforeWeight, DATELINE.weight);
    }
    if (beforeWeight < 0.5 && NEEDS_TRIGGER.names.has(keyOf(raw, this.patterns))) return 0;
    score += beforeWeight;
    if (nextReadings) score += triggered(TRIGGERS_AFTER, category, this.wordsAfter(last, nextReadings));

    const proclitic = raw.proclitic;
    if ((proclitic.includes('ب') || proclitic.includes('ل')) && NEARBY.preposition.for.includes(category)) {
      score += NEARBY.preposition.weight;
    }
    if (
      beforeWeight === 0 &&
      proclitic === '' &&
      first > 0 &&
      !words.breakBefore(first) &&
      words.norm(first - 1).startsWith('ال')
    ) {
      score += NEARBY.adjectival.weight;
    }

    // Evidence from other mentions, never from this candidate's own span.
    let coordinated = false;
    let near = false;
    let sameEntity = false;
    for (const k of this.known) {
      if (k.end > raw.start && k.start < raw.end) continue;
      if (k.entity === c.entity) sameEntity = true;
      if (k.category !== category) {
        if (category === 'place' && k.category === 'group' && k.last >= first - NEARBY.near.words && k.first <= last + NEARBY.near.words) {
          near = true;
        }
        continue;
      }
      if (
        (k.last === first - 1 && (proclitic.startsWith('و') || words.breakBefore(first))) ||
        (k.first === last + 1 && words.norm(k.first).startsWith('و'))
      ) {
        coordinated = true;
      }
      if (k.last >= first - NEARBY.near.words && k.first <= last + NEARBY.near.words) near = true;
    }
    if (coordinated) score += NEARBY.coordinated.weight;
    else if (near) score += NEARBY.near.weight;
    if (sameEntity || this.knownElsewhere(c.entity)) score += NEARBY.discourse.weight;
    if (words.quotedBefore(first) && words.quotedAfter(last)) score += NEARBY.quoted.weight;
    // Rounded: weights that add up to the threshold (0.2 + 0.1 + 0.2) reach it whatever their order.
    return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
  }

  /**
   * The word after the name, and after a relative pronoun the one after that ("التحالف الذي
   * تقوده"): within the sentence, each as its proclitic readings.
   */
  private wordsAfter(last: number, next: readonly string[]): (readonly string[])[] {
    const i = last + 2;
    if (!RELATIVE.has(next[next.length - 1]!) || i >= this.words.count || this.words.breakBefore(i)) return [next];
    return [next, readingsOf(this.words.norm(i))];
  }

  /** Up to `count` words before word `index` within its sentence, each as its proclitic readings. */
  private wordsBefore(index: number, count: number): (readonly string[])[] {
    const words: (readonly string[])[] = [];
    for (let i = index; i > 0 && words.length < count; i--) {
      if (this.words.breakBefore(i)) break;
      words.push(readingsOf(this.words.norm(i - 1)));
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
    readings = procliticReadings(word);
    readingsCache.set(word, readings);
  }
  return readings;
}
const READINGS_CACHE_SIZE = 4096;
const readingsCache = new Map<string, readonly string[]>();
