/**
 * String normalisation for search keys and tests, with a map back to the original offsets.
 * The rules are the table in chars.ts; the matcher applies the same table character by character.
 */
import { CharRole, FOLD, ROLE } from './chars.ts';

export interface Normalised {
  /** Folded letters; every run of spaces and punctuation becomes one ' '; no leading/trailing ' '. */
  text: string;
  /**
   * Where each unit of `text` came from: unit i covers original [starts[i], ends[i]). A letter's
   * span takes in the diacritics and controls that follow it; a ' ' spans its whole run.
   * Spans are in order, never overlap, and lie inside the input.
   */
  starts: Uint32Array;
  ends: Uint32Array;
}

export function normalise(input: string): Normalised {
  const out: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let inGap = false; // inside a run of spaces/punctuation not yet emitted
  let gapStart = 0;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    const role = ROLE[code]!;
    if (role === CharRole.Letter) {
      if (inGap && out.length > 0) {
        out.push(0x20);
        starts.push(gapStart);
        ends.push(i);
      }
      inGap = false;
      out.push(FOLD[code]!);
      starts.push(i);
      ends.push(i + 1);
    } else if (role === CharRole.Skip) {
      // Belongs to the letter before it (a diacritic), or to the gap it stands in.
      if (!inGap && out.length > 0) ends[ends.length - 1] = i + 1;
    } else if (!inGap) {
      inGap = true;
      gapStart = i;
    }
  }
  let text = '';
  for (let i = 0; i < out.length; i += 4096) text += String.fromCharCode(...out.slice(i, i + 4096));
  return { text, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** The normalised form alone: what search keys and name indexes store. */
export function normaliseKey(input: string): string {
  return normalise(input).text;
}

/** The original span of normalised units [from, to). */
export function originalSpan(n: Normalised, from: number, to: number): [number, number] {
  if (from >= to) {
    const at = from < n.starts.length ? n.starts[from]! : (n.ends[n.ends.length - 1] ?? 0);
    return [at, at];
  }
  return [n.starts[from]!, n.ends[to - 1]!];
}
