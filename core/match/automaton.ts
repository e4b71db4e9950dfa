/**
 * The name matcher: one Aho–Corasick automaton over every name in the gazetteer, run straight on
 * the raw page text. Normalisation is folded into the character classes (chars.ts), so a scan
 * reads each UTF-16 unit once, with one table look-up for its class and one for the next state,
 * whatever the number of names.
 *
 * Names are compiled as their core (the name without a leading ال) followed by a word boundary.
 * The proclitics before a core (و ف ب ل ك, ال and their combinations: clitics.ts) are checked by
 * looking back from each match, which is rare next to the characters scanned.
 *
 * What travels between the background and the content scripts is `SerializedMatcher`: the
 * patterns as plain JSON-friendly data. `loadMatcher` builds the transition table from it in a few
 * milliseconds, which is smaller to send and store than the table itself.
 */
import { CharRole, FOLD, isArabicLetter, ROLE } from '../arabic/chars.ts';
import { MAX_PROCLITIC_LENGTH, procliticFor, splitArticle } from '../arabic/clitics.ts';
import type { EntityKind } from '../types.ts';

/** A name to find: its normalised key (normaliseKey) and the entity it names. */
export interface MatcherName {
  key: string;
  entityId: string;
  kind: EntityKind;
  weak: boolean;
}

/** One distinct core; `targets` are entity indexes, each times 2 plus 1 when the name is weak. */
export type SerializedPattern = [core: string, article: 0 | 1, targets: number[]];

export interface SerializedMatcher {
  format: 1;
  entityIds: string[];
  /** Each entity's kind, parallel to entityIds: context rules depend on it. */
  kinds: EntityKind[];
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

export function compileMatcher(names: readonly MatcherName[]): SerializedMatcher {
  const entityIndex = new Map<string, number>();
  const kinds: EntityKind[] = [];
  const byCore = new Map<string, SerializedPattern>();
  for (const { key, entityId, kind, weak } of names) {
    if (!key) continue;
    let e = entityIndex.get(entityId);
    if (e === undefined) {
      entityIndex.set(entityId, (e = entityIndex.size));
      kinds.push(kind);
    }
    const { core, article } = splitArticle(key);
    const id = `${article ? 1 : 0}${core}`;
    let pattern = byCore.get(id);
    if (!pattern) byCore.set(id, (pattern = [core, article ? 1 : 0, []]));
    const target = e * 2 + (weak ? 1 : 0);
    if (!pattern[2].includes(target)) pattern[2].push(target);
  }
  return { format: 1, entityIds: [...entityIndex.keys()], kinds, patterns: [...byCore.values()] };
}

// Symbol numbers: the fixed ones, then one per letter that occurs in some core.
const SYM_SKIP = 0;
/** An Arabic-script letter no name has (پ). */
const SYM_OTHER_ARABIC = 1;
/** A letter of another script no name has: after an Arabic name it ends the word. */
const SYM_FOREIGN = 2;
const SYM_SPACE = 3;
const SYM_BREAK = 4;
const FIRST_LETTER_SYM = 5;

export class Matcher {
  readonly data: SerializedMatcher;
  /** UTF-16 unit → symbol. */
  private readonly cls: Uint8Array;
  /** Row-major transitions, premultiplied: entry is the next state's row offset. */
  private readonly delta: Int32Array;
  /** Row offsets at or above this are states where some pattern ends. */
  private readonly outBase: number;
  private readonly width: number;
  /** For each output state (by (row - outBase) / width): the patterns that end there. */
  private readonly outputs: number[][];
  /** Per pattern: the core's length in symbols (a run of spaces counts once). */
  private readonly coreSymbols: Int32Array;

  constructor(data: SerializedMatcher) {
    if (data.format !== 1) throw new Error(`unknown matcher format ${String(data.format)}`);
    this.data = data;

    const letterSym = new Map<number, number>();
    for (const [core] of data.patterns) {
      for (let i = 0; i < core.length; i++) {
        const c = core.charCodeAt(i);
        if (c !== 0x20 && !letterSym.has(c)) letterSym.set(c, FIRST_LETTER_SYM + letterSym.size);
      }
    }
    const width = FIRST_LETTER_SYM + letterSym.size;
    if (width > 255) throw new Error('matcher alphabet too large');
    this.width = width;

    this.cls = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      const role = ROLE[c];
      this.cls[c] =
        role === CharRole.Skip ? SYM_SKIP
        : role === CharRole.Space ? SYM_SPACE
        : role === CharRole.Break ? SYM_BREAK
        : (letterSym.get(FOLD[c]!) ?? (isArabicLetter(c) ? SYM_OTHER_ARABIC : SYM_FOREIGN));
    }

    // The trie: each core, then a boundary (a space or a break ends a name alike).
    let capacity = 1;
    for (const [core] of data.patterns) capacity += core.length + 3 + letterSym.size;
    const go = new Int32Array(capacity * width).fill(-1);
    const incoming = new Uint8Array(capacity);
    const own: number[][] = [[]];
    let states = 1;
    const symbolsOf = (core: string): number[] =>
      Array.from(core, (ch) => (ch === ' ' ? SYM_SPACE : letterSym.get(ch.charCodeAt(0))!));
    this.coreSymbols = new Int32Array(data.patterns.length);
    // What ends a name: a space or a break alike, and for a name ending in an Arabic letter, a
    // letter of another script too.
    const foreign = [SYM_FOREIGN, ...[...letterSym].filter(([c]) => !isArabicLetter(c)).map(([, sym]) => sym)];
    data.patterns.forEach(([core], p) => {
      const syms = symbolsOf(core);
      this.coreSymbols[p] = syms.length;
      let s = 0;
      for (const a of syms) {
        let t = go[s * width + a]!;
        if (t < 0) {
          t = states++;
          go[s * width + a] = t;
          incoming[t] = a;
          own[t] = [];
        }
        s = t;
      }
      const endsArabic = isArabicLetter(core.charCodeAt(core.length - 1));
      for (const end of endsArabic ? [SYM_SPACE, SYM_BREAK, ...foreign] : [SYM_SPACE, SYM_BREAK]) {
        let t = go[s * width + end]!;
        if (t < 0) {
          t = states++;
          go[s * width + end] = t;
          incoming[t] = end;
          own[t] = [];
        }
        own[t]!.push(p);
      }
    });

    // Breadth-first: failure links and the full transition function.
    const fail = new Int32Array(states);
    const order: number[] = [0];
    for (let q = 0; q < order.length; q++) {
      const s = order[q]!;
      for (let a = 0; a < width; a++) {
        const i = s * width + a;
        const t = go[i]!;
        if (t >= 0 && a !== SYM_SKIP) {
          fail[t] = s === 0 ? 0 : go[fail[s]! * width + a]!;
          order.push(t);
        } else {
          go[i] = s === 0 ? 0 : go[fail[s]! * width + a]!;
        }
      }
      // Diacritics and controls change nothing; a run of spaces and punctuation is one boundary.
      go[s * width + SYM_SKIP] = s;
      const inc = incoming[s];
      if (s === 0 || inc === SYM_SPACE || inc === SYM_BREAK) go[s * width + SYM_SPACE] = s;
      if (s === 0 || inc === SYM_BREAK) go[s * width + SYM_BREAK] = s;
    }

    // Renumber so that output states come last: one comparison tells a match in the scan loop.
    const outputsOf = (s: number): number[] => {
      const list: number[] = [];
      for (let f = s; f !== 0; f = fail[f]!) list.push(...own[f]!);
      return list;
    };
    const newId = new Int32Array(states);
    const outs: number[][] = [];
    let next = 0;
    const withOutput: number[] = [];
    for (let s = 0; s < states; s++) {
      if (outputsOf(s).length === 0) newId[s] = next++;
      else withOutput.push(s);
    }
    const firstOut = next;
    for (const s of withOutput) {
      newId[s] = next++;
      outs.push(outputsOf(s));
    }
    const delta = new Int32Array(states * width);
    for (let s = 0; s < states; s++) {
      const row = newId[s]! * width;
      for (let a = 0; a < width; a++) delta[row + a] = newId[go[s * width + a]!]! * width;
    }
    this.delta = delta;
    this.outBase = firstOut * width;
    this.outputs = outs;
  }

  get stateCount(): number {
    return this.delta.length / this.width;
  }

  /** Bytes held by the tables. */
  get byteSize(): number {
    return this.delta.byteLength + this.cls.byteLength;
  }

  /** Every name in `text` whose proclitics check out, overlapping ones included. */
  scan(text: string): RawMatch[] {
    const found: RawMatch[] = [];
    const { delta, cls, outBase } = this;
    let s = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const ns = delta[s + cls[text.charCodeAt(i)]!]!;
      if (ns >= outBase && ns !== s) this.collect(text, ns, i, found);
      s = ns;
    }
    const ns = delta[s + SYM_BREAK]!;
    if (ns >= outBase && ns !== s) this.collect(text, ns, n, found);
    return found;
  }

  /** The patterns ending at state `row` whose name ends at `end`: find each start, check its proclitic. */
  private collect(text: string, row: number, end: number, found: RawMatch[]): void {
    for (const p of this.outputs[(row - this.outBase) / this.width]!) {
      const coreStart = walkBackSymbols(text, end, this.coreSymbols[p]!);
      const article = this.data.patterns[p]![1] === 1;
      const clitic = procliticBefore(text, coreStart, article);
      if (clitic) found.push({ start: clitic.nameStart, end, pattern: p, proclitic: clitic.proclitic });
    }
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
  if (!procliticFor(prefix, article)) return undefined;
  if (!article) return { proclitic: prefix, nameStart: coreStart };
  if (prefix.endsWith('ال')) {
    const kept = prefix.length - 2;
    return { proclitic: prefix.slice(0, kept), nameStart: positions[kept]! };
  }
  // لل is li- fused with the article (للقائم): the name starts at the fused pair.
  const kept = prefix.length - 1;
  return { proclitic: prefix.slice(0, kept), nameStart: positions[kept - 1]! };
}

export function loadMatcher(data: SerializedMatcher): Matcher {
  return new Matcher(data);
}
