/**
 * The name matcher: one Aho–Corasick automaton over every name in the gazetteer, run straight on
 * the raw page text. Normalisation is folded into the character classes (chars.ts), so a scan
 * reads each UTF-16 unit once, with one table look-up for its class and one for the next state,
 * whatever the number of names.
 *
 * Names are compiled as their core (the name without a leading ال). Where a core ends, the scan
 * looks at the next unit for a word boundary, and the proclitics before the core (و ف ب ل ك, ال
 * and their combinations: clitics.ts) are checked by looking back: both rare next to the
 * characters scanned, and the automaton has a state per core letter only.
 *
 * What travels between the background and the content scripts is `SerializedMatcher`: the
 * patterns as plain JSON-friendly data. `loadMatcher` builds the transition table from it in a few
 * milliseconds, which is smaller to send and store than the table itself.
 */
import { ARABIC_LETTER_RANGES, CHAR_RULES, CharRole, FOLD, isArabicLetter, LINE_BREAKS, ROLE } from '../arabic/chars.ts';
import { MAX_PROCLITIC_LENGTH, procliticFor, splitArticle } from '../arabic/clitics.ts';
import type { EntityKind } from '../types.ts';

/** A name to find: its normalised key (normaliseKey) and the entity it names. */
export interface MatcherName {
  key: string;
  entityId: string;
  kind: EntityKind;
  weak: boolean;
  /** The entity's country (ISO alpha-2), when the gazetteer gives one: a nisba naming another rules it out. */
  country?: string;
  /** The id of the place it lies in, when the gazetteer gives one: its region (region.ts). */
  parent?: string;
}

/** A name of an entity as the matcher takes it: with the entity's kind, and its country and parent when it has them. */
export function matcherName(key: string, weak: boolean, entity: { id: string; kind: EntityKind; country?: string; parent?: string }): MatcherName {
  const name: MatcherName = { key, entityId: entity.id, kind: entity.kind, weak };
  if (entity.country) name.country = entity.country;
  if (entity.parent) name.parent = entity.parent;
  return name;
}

/**
 * One distinct core; `targets` are entity indexes, each times 2 plus 1 when the name is weak. No
 * target: a blocking name (it wins overlaps, and names nothing).
 */
export type SerializedPattern = [core: string, article: 0 | 1, targets: number[]];

export interface SerializedMatcher {
  format: 1;
  entityIds: string[];
  /** Each entity's kind, parallel to entityIds: context rules depend on it. */
  kinds: EntityKind[];
  /** Each entity's country code ('' for none), parallel to entityIds; absent in older copies. */
  countries?: string[];
  /** Each entity's parent place as an index into entityIds (-1 for none), parallel to entityIds; absent in older copies. */
  parents?: number[];
  /**
   * Entities of the kinds the reader hides (lib/settings.ts withoutKinds): found and weighed as
   * evidence for the others (a hidden city still says where its neighbourhood is), never shown.
   */
  hidden?: number[];
  patterns: SerializedPattern[];
}

/** A candidate match, before overlaps and context are weighed. */
export interface RawMatch {
  /** Start of the name itself: its article included, proclitics not (but لل whole: للقائم). */
  start: number;
  end: number;
  /** Index into the matcher's patterns. */
  pattern: number;
  /** The proclitic letters before the article or name, normalised (e.g. 'وب'; 'ل' for للقائم). */
  proclitic: string;
}

/**
 * @param blocking normalised names that map to no entity (match/blocking.ts): their patterns have
 *   no target, and detect shows nothing for them where they win the longest match.
 */
export function compileMatcher(names: readonly MatcherName[], blocking: readonly string[] = []): SerializedMatcher {
  const entityIndex = new Map<string, number>();
  const kinds: EntityKind[] = [];
  const countries: string[] = [];
  const parentIds: (string | undefined)[] = [];
  const byCore = new Map<string, SerializedPattern>();
  for (const { key, entityId, kind, weak, country, parent } of names) {
    if (!key) continue;
    let e = entityIndex.get(entityId);
    if (e === undefined) {
      entityIndex.set(entityId, (e = entityIndex.size));
      kinds.push(kind);
      countries.push(country ?? '');
      parentIds.push(parent);
    }
    const { core, article } = splitArticle(key);
    const id = `${article ? 1 : 0}${core}`;
    let pattern = byCore.get(id);
    if (!pattern) byCore.set(id, (pattern = [core, article ? 1 : 0, []]));
    const target = e * 2 + (weak ? 1 : 0);
    if (!pattern[2].includes(target)) pattern[2].push(target);
  }
  for (const key of blocking) {
    const { core, article } = splitArticle(key);
    const id = `${article ? 1 : 0}${core}`;
    if (core && !byCore.has(id)) byCore.set(id, [core, article ? 1 : 0, []]);
  }
  const serialized: SerializedMatcher = { format: 1, entityIds: [...entityIndex.keys()], kinds, patterns: [...byCore.values()] };
  if (countries.some((c) => c !== '')) serialized.countries = countries;
  // A parent the matcher has no name of is no region it can read: -1 as for none.
  const parents = parentIds.map((id) => (id === undefined ? -1 : (entityIndex.get(id) ?? -1)));
  if (parents.some((p) => p >= 0)) serialized.parents = parents;
  return serialized;
}

// Symbol numbers: the fixed ones, then one per letter that occurs in some core. The first four
// are the character roles' own numbers (chars.ts), so that the base class table is a copy of ROLE.
const SYM_SKIP = CharRole.Skip;
/** A letter of another script no name has: after an Arabic name it ends the word. */
const SYM_FOREIGN = CharRole.Letter;
const SYM_SPACE = CharRole.Space;
const SYM_BREAK = CharRole.Break;
/** An Arabic-script letter no name has (پ). */
const SYM_OTHER_ARABIC = 4;
const FIRST_LETTER_SYM = 5;

/** Which names a word end lets end (Matcher.collect): all, those ending in Arabic, the others. */
const ANY_ENDING = 0;
const ARABIC_ENDING = 1;
const OTHER_ENDING = 2;

/**
 * Past this many table entries (states × symbols) the transition table is not built: the matcher
 * walks failure links over sparse edges instead. Our gazetteer (~10k states) stays far below; a
 * 100,000-name one (~750k states) would need ~100 MB dense and seconds to build.
 */
export const DENSE_TABLE_LIMIT = 4_000_000;

/** Tries of more states than this index their wide states (TrieBuilder.indexWideStates). */
const WIDE_STATE_ROWS_FROM = 20_000;

export interface MatcherOptions {
  /** Force one representation (tests compare both); default: dense when within the limit. */
  dense?: boolean;
}

let sharedBase: Uint8Array | undefined;
let sharedFolds: Uint16Array | undefined;

/** CJK and surrogate halves (the Letter role's bulk) never spell a gazetteer name. */
const isNeverInAName = (c: number) => c >= 0x3000 && c < 0xf900;

// The content script builds a matcher on every page, in code the engine has not optimised yet:
// below, plain loops over typed arrays, no per-unit calls, no callbacks into built-ins, no maps.

/**
 * What every matcher's class table starts from, built once: each UTF-16 unit's symbol as if no
 * name had any letter. A copy of ROLE (the symbols share its numbers), then the Arabic letters.
 */
function baseClasses(): Uint8Array {
  if (sharedBase) return sharedBase;
  const base = ROLE.slice();
  // A name runs over a line break as over a space (chars.ts).
  for (const c of LINE_BREAKS) base[c] = SYM_SPACE;
  for (const [lo, hi] of ARABIC_LETTER_RANGES) {
    for (let c = lo; c <= hi; c++) if (base[c] === SYM_FOREIGN) base[c] = SYM_OTHER_ARABIC;
  }
  return (sharedBase = base);
}

/**
 * The letters that fold to another one, as pairs (unit, folded letter) one after the other. FOLD
 * is the identity except inside the ranges of the rules that replace (chars.ts), so only those are read.
 */
function foldPairs(): Uint16Array {
  if (sharedFolds) return sharedFolds;
  const pairs: number[] = [];
  for (const rule of CHAR_RULES) {
    if (!rule.to) continue;
    for (const [lo, hi] of rule.ranges) {
      for (let c = lo; c <= hi; c++) {
        const f = FOLD[c]!;
        if (f !== c && ROLE[c] === CharRole.Letter && !isNeverInAName(c)) pairs.push(c, f);
      }
    }
  }
  return (sharedFolds = Uint16Array.from(pairs));
}

export class Matcher {
  readonly data: SerializedMatcher;
  readonly dense: boolean;
  /** UTF-16 unit → symbol. */
  private readonly cls: Uint8Array;
  private readonly width: number;
  /** States are numbered so that those where some pattern ends come last, from `firstOut` on. */
  private readonly firstOut: number;
  private readonly fail: Int32Array;
  /** The symbol each state is entered by (a run of spaces or breaks stays where it is). */
  private readonly incoming: Uint8Array;
  /** Patterns ending exactly at each state, as ranges into ownList (more come via `fail`). */
  private readonly ownStart: Int32Array;
  private readonly ownList: Int32Array;
  /** Dense: row-major transitions, premultiplied (an entry is the next state's row offset). */
  private readonly delta: Int32Array;
  /** Sparse: each state's trie edges as ranges into edgeSym/edgeTarget; the root's as a row. */
  private readonly edgeStart: Int32Array;
  private readonly edgeSym: Uint8Array;
  private readonly edgeTarget: Int32Array;
  private readonly rootRow: Int32Array;
  /** Per pattern: the core's length in symbols (a run of spaces counts once). */
  private readonly coreSymbols: Int32Array;
  /** Per pattern: 1 when its core ends in an Arabic letter (a letter of another script ends it too). */
  private readonly endsArabic: Uint8Array;
  /** Per symbol: 1 for the letters of other scripts than Arabic (they end an Arabic name). */
  private readonly foreign: Uint8Array;

  constructor(data: SerializedMatcher, options: MatcherOptions = {}) {
    if (data.format !== 1) throw new Error(`unknown matcher format ${String(data.format)}`);
    this.data = data;
    const patterns = data.patterns;

    // The alphabet: a symbol per letter, numbered in order of first appearance.
    const symOf = new Uint8Array(0x10000);
    const letters: number[] = [];
    let capacity = 1;
    for (let p = 0; p < patterns.length; p++) {
      const core = patterns[p]![0];
      capacity += core.length;
      for (let i = 0; i < core.length; i++) {
        const c = core.charCodeAt(i);
        if (c === 0x20 || symOf[c] !== 0) continue;
        letters.push(c);
        if (FIRST_LETTER_SYM + letters.length > 255) throw new Error('matcher alphabet too large');
        symOf[c] = FIRST_LETTER_SYM + letters.length - 1;
      }
    }
    const width = FIRST_LETTER_SYM + letters.length;
    this.width = width;

    // A copy of the shared base table, then each letter of the alphabet and the units that fold to
    // it: well under a millisecond, which matters since the content script builds this on every
    // page within one task.
    const cls = baseClasses().slice();
    const foreign = (this.foreign = new Uint8Array(width));
    foreign[SYM_FOREIGN] = 1;
    for (const c of letters) {
      if (FOLD[c] === c && ROLE[c] === CharRole.Letter && !isNeverInAName(c)) cls[c] = symOf[c]!;
      if (!isArabicLetter(c)) foreign[symOf[c]!] = 1;
    }
    const folds = foldPairs();
    for (let k = 0; k < folds.length; k += 2) {
      const sym = symOf[folds[k + 1]!]!;
      if (sym !== 0) cls[folds[k]!] = sym;
    }
    this.cls = cls;

    // The trie of the cores. What ends a name (see `ends`) is looked at by the scan, ahead of the
    // core's last letter: no state for it.
    // Room for every state at once: no regrowth.
    const trie = new TrieBuilder(width, capacity);
    this.coreSymbols = new Int32Array(patterns.length);
    this.endsArabic = new Uint8Array(patterns.length);
    for (let p = 0; p < patterns.length; p++) {
      const core = patterns[p]![0];
      let s = 0;
      for (let i = 0; i < core.length; i++) {
        const c = core.charCodeAt(i);
        s = trie.child(s, c === 0x20 ? SYM_SPACE : symOf[c]!);
      }
      this.coreSymbols[p] = core.length;
      if (isArabicLetter(core.charCodeAt(core.length - 1))) this.endsArabic[p] = 1;
      trie.addOutput(s, p);
    }
    const states = trie.size;
    // Only a large trie needs rows for its wide states to keep failure links cheap to follow.
    if (states > WIDE_STATE_ROWS_FROM) trie.indexWideStates(8);
    const { firstChild, nextSibling, outHead, outNext, outPattern } = trie;
    const incoming = trie.incoming;

    // Breadth-first: failure links; then which states end a pattern (their own or via failure).
    const order = new Int32Array(states);
    const failOld = new Int32Array(states);
    const hasOut = new Uint8Array(states);
    let outStates = 0;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const s = order[head]!;
      for (let t = firstChild[s]!; t >= 0; t = nextSibling[t]!) {
        const a = incoming[t]!;
        let f = 0;
        if (s !== 0) {
          for (f = failOld[s]!; ; f = failOld[f]!) {
            const g = trie.edge(f, a);
            if (g >= 0) {
              f = g;
              break;
            }
            if (f === 0) break;
          }
        }
        failOld[t] = f;
        if (outHead[t]! >= 0 || hasOut[f] === 1) {
          hasOut[t] = 1;
          outStates++;
        }
        order[tail++] = t;
      }
    }

    // Renumber: output states last, so that one comparison tells a match in the scan loop.
    const renumber = new Int32Array(states);
    let next = 0;
    for (let s = 0; s < states; s++) if (hasOut[s] === 0) renumber[s] = next++;
    for (let s = 0; s < states; s++) if (hasOut[s] === 1) renumber[s] = next++;
    this.firstOut = states - outStates;

    const fail = (this.fail = new Int32Array(states));
    const incomingNew = (this.incoming = new Uint8Array(states));
    const ownStart = (this.ownStart = new Int32Array(states + 1));
    for (let s = 0; s < states; s++) {
      const r = renumber[s]!;
      fail[r] = renumber[failOld[s]!]!;
      incomingNew[r] = incoming[s]!;
      let n = 0;
      for (let k = outHead[s]!; k >= 0; k = outNext[k]!) n++;
      ownStart[r + 1] = n;
    }
    for (let r = 0; r < states; r++) ownStart[r + 1]! += ownStart[r]!;
    const ownList = (this.ownList = new Int32Array(ownStart[states]!));
    for (let s = 0; s < states; s++) {
      let at = ownStart[renumber[s]!]!;
      for (let k = outHead[s]!; k >= 0; k = outNext[k]!) ownList[at++] = outPattern[k]!;
    }

    this.dense = options.dense ?? states * width <= DENSE_TABLE_LIMIT;
    if (this.dense) {
      // The full transition function, filled in breadth-first order from the failure links.
      const delta = new Int32Array(states * width);
      for (let q = 0; q < states; q++) {
        const s = order[q]!;
        const row = renumber[s]! * width;
        // Where no edge leads, go where the failure state goes; then the state's own edges.
        if (s !== 0) {
          const from = renumber[failOld[s]!]! * width;
          delta.copyWithin(row, from, from + width);
        }
        for (let t = firstChild[s]!; t >= 0; t = nextSibling[t]!) delta[row + incoming[t]!] = renumber[t]! * width;
        // Diacritics and controls change nothing; a run of spaces and punctuation is one boundary.
        delta[row + SYM_SKIP] = row;
        const inc = incoming[s];
        if (s === 0 || inc === SYM_SPACE || inc === SYM_BREAK) delta[row + SYM_SPACE] = row;
        if (s === 0 || inc === SYM_BREAK) delta[row + SYM_BREAK] = row;
      }
      this.delta = delta;
      this.edgeStart = this.edgeTarget = this.rootRow = new Int32Array(0);
      this.edgeSym = new Uint8Array(0);
    } else {
      this.delta = new Int32Array(0);
      const edgeStart = (this.edgeStart = new Int32Array(states + 1));
      for (let s = 0; s < states; s++) {
        let n = 0;
        for (let t = firstChild[s]!; t >= 0; t = nextSibling[t]!) n++;
        edgeStart[renumber[s]! + 1] = n;
      }
      for (let r = 0; r < states; r++) edgeStart[r + 1]! += edgeStart[r]!;
      const edgeSym = (this.edgeSym = new Uint8Array(edgeStart[states]!));
      const edgeTarget = (this.edgeTarget = new Int32Array(edgeStart[states]!));
      for (let s = 0; s < states; s++) {
        let e = edgeStart[renumber[s]!]!;
        for (let t = firstChild[s]!; t >= 0; t = nextSibling[t]!) {
          edgeSym[e] = incoming[t]!;
          edgeTarget[e++] = renumber[t]!;
        }
      }
      const rootRow = (this.rootRow = new Int32Array(width).fill(-1));
      for (let t = firstChild[0]!; t >= 0; t = nextSibling[t]!) rootRow[incoming[t]!] = renumber[t]!;
    }
  }

  get stateCount(): number {
    return this.fail.length;
  }

  /** Bytes held by the tables. */
  get byteSize(): number {
    return [
      this.cls, this.fail, this.incoming, this.ownStart, this.ownList, this.delta, this.edgeStart, this.edgeSym,
      this.edgeTarget, this.rootRow, this.coreSymbols, this.endsArabic, this.foreign,
    ].reduce((n, a) => n + a.byteLength, 0);
  }

  /** Every name in `text` whose proclitics check out, overlapping ones included. */
  scan(text: string): RawMatch[] {
    const found: RawMatch[] = [];
    if (this.dense) this.scanDense(text, found);
    else this.scanSparse(text, found);
    return found;
  }

  private scanDense(text: string, found: RawMatch[]): void {
    const { delta, cls, width } = this;
    const outBase = this.firstOut * width;
    let s = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const a = cls[text.charCodeAt(i)]!;
      s = delta[s + a]!;
      // Some core ends at this letter. A diacritic keeps the state (its letter was looked at); a
      // letter may keep it too and end a core again (the third ب of ببب, for the name بب).
      if (s >= outBase && a !== SYM_SKIP) this.ends(text, s / width, i + 1, found);
    }
  }

  private scanSparse(text: string, found: RawMatch[]): void {
    const { cls, incoming, firstOut } = this;
    let s = 0;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      const a = i < n ? cls[text.charCodeAt(i)]! : SYM_BREAK;
      if (a === SYM_SKIP) continue;
      // The same folding as the dense table: a run of spaces and breaks is one boundary.
      const inc = incoming[s];
      if (a === SYM_SPACE && s !== 0 && (inc === SYM_SPACE || inc === SYM_BREAK)) continue;
      if (a === SYM_BREAK && s !== 0 && inc === SYM_BREAK) continue;
      s = this.step(s, a);
      if (s >= firstOut) this.ends(text, s, i + 1, found);
    }
  }

  /** The Aho–Corasick step over sparse edges: follow failure links until an edge fits. */
  private step(state: number, a: number): number {
    for (let s = state; s !== 0; s = this.fail[s]!) {
      for (let e = this.edgeStart[s]!, end = this.edgeStart[s + 1]!; e < end; e++) {
        if (this.edgeSym[e] === a) return this.edgeTarget[e]!;
      }
    }
    const t = this.rootRow[a]!;
    return t < 0 ? 0 : t;
  }

  /**
   * Some core ends right before `from` (diacritics aside): the names whose core it is end there
   * when what follows ends a word: a space or a break (the text's end too), and after an Arabic
   * letter a letter of another script. The name's end takes in the diacritics in between.
   */
  private ends(text: string, state: number, from: number, found: RawMatch[]): void {
    const n = text.length;
    let end = from;
    let b: number = SYM_BREAK;
    for (; end < n; end++) {
      b = this.cls[text.charCodeAt(end)]!;
      if (b !== SYM_SKIP) break;
    }
    if (end === n) b = SYM_BREAK;
    if (b === SYM_SPACE || b === SYM_BREAK) this.collect(text, state, end, ANY_ENDING, found);
    else if (this.foreign[b] === 1) this.collect(text, state, end, ARABIC_ENDING, found);
    // A Latin name glued to an Arabic word ("T2التي") ends there too: the script changes.
    else if (b >= SYM_OTHER_ARABIC) this.collect(text, state, end, OTHER_ENDING, found);
  }

  /**
   * The patterns ending at `state` whose name ends at `end` (only those ending in an Arabic letter,
   * or only those ending in another script's letter or a digit, as `ending` says): find each start,
   * check its proclitic.
   */
  private collect(text: string, state: number, end: number, ending: number, found: RawMatch[]): void {
    for (let s = state; s !== 0; s = this.fail[s]!) {
      for (let k = this.ownStart[s]!; k < this.ownStart[s + 1]!; k++) {
        const p = this.ownList[k]!;
        if (ending === ARABIC_ENDING && this.endsArabic[p] === 0) continue;
        if (ending === OTHER_ENDING && this.endsArabic[p] === 1) continue;
        const coreStart = walkBackSymbols(text, end, this.coreSymbols[p]!);
        const article = this.data.patterns[p]![1] === 1;
        const clitic = procliticBefore(text, coreStart, article);
        if (clitic) found.push({ start: clitic.nameStart, end, pattern: p, proclitic: clitic.proclitic });
      }
    }
  }
}

/**
 * A trie grown one edge at a time: children as linked lists (short below the root), the root's
 * as a row. No hash map: building 100,000 names stays well under a second.
 */
class TrieBuilder {
  firstChild: Int32Array;
  nextSibling: Int32Array;
  incoming: Uint8Array;
  private readonly rootRow: Int32Array;
  /** Rows of the wide states, once indexWideStates has made them (large tries only). */
  private rows: Map<number, Int32Array> | undefined;
  /** Patterns ending at each state, as linked lists: a typed array stays fast at a million states. */
  outHead: Int32Array;
  readonly outPattern: number[] = [];
  readonly outNext: number[] = [];
  size = 1;

  constructor(
    private readonly width: number,
    capacity = 1024,
  ) {
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
    this.incoming = new Uint8Array(capacity);
    this.outHead = new Int32Array(capacity).fill(-1);
    this.rootRow = new Int32Array(width).fill(-1);
  }

  edge(s: number, a: number): number {
    if (s === 0) return this.rootRow[a]!;
    const row = this.rows?.get(s);
    if (row) return row[a]!;
    for (let t = this.firstChild[s]!; t >= 0; t = this.nextSibling[t]!) if (this.incoming[t] === a) return t;
    return -1;
  }

  /**
   * Once the trie is complete: rows for the states with many children (near the root, where the
   * failure links mostly lead), so that following links there costs one look-up.
   */
  indexWideStates(minChildren: number): void {
    const rows = (this.rows = new Map<number, Int32Array>());
    for (let s = 1; s < this.size; s++) {
      let n = 0;
      for (let t = this.firstChild[s]!; t >= 0; t = this.nextSibling[t]!) n++;
      if (n < minChildren) continue;
      const row = new Int32Array(this.width).fill(-1);
      for (let t = this.firstChild[s]!; t >= 0; t = this.nextSibling[t]!) row[this.incoming[t]!] = t;
      rows.set(s, row);
    }
  }

  /** The child of `s` by symbol `a`, made if missing (while building: no rows yet). */
  child(s: number, a: number): number {
    if (s === 0) {
      const t = this.rootRow[a]!;
      if (t >= 0) return t;
    } else {
      for (let t = this.firstChild[s]!; t >= 0; t = this.nextSibling[t]!) if (this.incoming[t] === a) return t;
    }
    const t = this.size++;
    if (t >= this.incoming.length) this.grow();
    if (s === 0) this.rootRow[a] = t;
    this.incoming[t] = a;
    this.nextSibling[t] = this.firstChild[s]!;
    this.firstChild[s] = t;
    return t;
  }

  addOutput(s: number, pattern: number): void {
    this.outPattern.push(pattern);
    this.outNext.push(this.outHead[s]!);
    this.outHead[s] = this.outPattern.length - 1;
  }

  private grow(): void {
    const size = this.incoming.length * 2;
    const firstChild = new Int32Array(size).fill(-1);
    firstChild.set(this.firstChild);
    const nextSibling = new Int32Array(size).fill(-1);
    nextSibling.set(this.nextSibling);
    const incoming = new Uint8Array(size);
    incoming.set(this.incoming);
    const outHead = new Int32Array(size).fill(-1);
    outHead.set(this.outHead);
    this.outHead = outHead;
    this.firstChild = firstChild;
    this.nextSibling = nextSibling;
    this.incoming = incoming;
  }
}

/** Where a core of `count` symbols ending at `end` starts: the mirror of the scan's folding. */
function walkBackSymbols(text: string, end: number, count: number): number {
  let j = end;
  let left = count;
  while (left > 0 && j > 0) {
    const role = ROLE[text.charCodeAt(j - 1)];
    if (role === CharRole.Skip) {
      j--;
    } else if (role === CharRole.Letter) {
      j--;
      left--;
    } else {
      while (j > 0 && ROLE[text.charCodeAt(j - 1)] !== CharRole.Letter) j--;
      left--;
    }
  }
  return j;
}

/**
 * The proclitic standing before a core at `coreStart`, if the letters there form one that fits
 * (article names need ال or لل): returns the name's own start, article included.
 */
function procliticBefore(
  text: string,
  coreStart: number,
  article: boolean,
): { proclitic: string; nameStart: number } | undefined {
  const letters: number[] = [];
  const positions: number[] = [];
  const arabic = isArabicLetter(text.charCodeAt(coreStart));
  let j = coreStart;
  while (j > 0) {
    const code = text.charCodeAt(j - 1);
    const role = ROLE[code];
    if (role === CharRole.Letter) {
      if (isArabicLetter(code) !== arabic) break;
      if (letters.length === MAX_PROCLITIC_LENGTH) return undefined;
      letters.unshift(FOLD[code]!);
      positions.unshift(j - 1);
    } else if (role !== CharRole.Skip) {
      break;
    }
    j--;
  }
  const prefix = String.fromCharCode(...letters);
  const proclitic = procliticFor(prefix, article, String.fromCharCode(FOLD[text.charCodeAt(coreStart)]!));
  if (!proclitic) return undefined;
  if (!article) return { proclitic: prefix, nameStart: coreStart };
  if (proclitic.coreStartsWith !== undefined) {
    // li- swallowed the article whole (للاذقية): the name starts at that lam.
    return { proclitic: prefix, nameStart: positions[prefix.length - 1]! };
  }
  if (prefix.endsWith('ال')) {
    const kept = prefix.length - 2;
    return { proclitic: prefix.slice(0, kept), nameStart: positions[kept]! };
  }
  // لل is li- fused with the article (للقائم): the name starts at the fused pair.
  const kept = prefix.length - 1;
  return { proclitic: prefix.slice(0, kept), nameStart: positions[kept - 1]! };
}

export function loadMatcher(data: SerializedMatcher, options?: MatcherOptions): Matcher {
  return new Matcher(data, options);
}
