/**
 * Builds the evaluation sets (eval/sets/NAME.dev.jsonl, NAME.heldout.jsonl) from the labelled
 * sources in eval/src/NAME.txt. A source is written by hand, before the detector is run on it:
 *
 *   @ https://page.url | outlet name          a page; every item below belongs to it
 *   H headline text                            a headline (kind "headline")
 *   S sentence text                            a sentence (kind "sentence")
 *
 * Inside an item, [[surface|entity]] marks a gold mention (entity: a gazetteer id, or the part after
 * its colon when that is unique) and {{surface|sense}} a word that looks like a gazetteer name but
 * is not that entity. The markup is removed from the text and becomes [start,end) spans.
 *
 * Pages, not sentences, are split: a page goes to dev when the first byte of sha1(url) is below
 * 154 (about 60%), else to heldout, so no page is in both and the split never depends on labels.
 *
 * A source named eval/src/NAME.heldout2.txt is a second held-out part, collected after the first
 * was seen: all its pages go to split "heldout2" (eval/sets/NAME.heldout2.jsonl), no hash split.
 * NAME.heldout3.txt is the third, collected in round 4 after heldout2 had been read: split "heldout3".
 * NAME.heldout4.txt is the fourth, collected in round 5 after heldout3 had been read: split "heldout4".
 * NAME.heldout5.txt is the fifth, collected in round 6 by a labeller who never ran the detector: split "heldout5".
 * NAME.heldout6.txt is the sixth, collected in round 7 the same way (labels only, no detector run): split "heldout6".
 * NAME.heldout7.txt is the seventh, collected in round 8 the same way (labels only, no detector run): split "heldout7".
 * NAME.heldout8.txt is the eighth, collected in round 9 the same way (labels only, no detector run): split "heldout8".
 * NAME.heldout9.txt is the ninth, collected in round 10 the same way (labels only, no detector run): split "heldout9".
 *
 * Usage: npx tsx scripts/eval-build-sets.ts            (all sources)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadGazetteer } from '../core/corpus/build.ts';
import { gazetteerFiles } from './corpus-files.ts';
import type { EvalItem } from '../eval/types.ts';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'eval', 'src');
const OUT = join(ROOT, 'eval', 'sets');

/** Below this first byte of sha1(url) a page is dev (154/256 ≈ 0.60). */
const DEV_BELOW = 154;

export function splitOf(url: string): 'dev' | 'heldout' {
  return createHash('sha1').update(url).digest()[0]! < DEV_BELOW ? 'dev' : 'heldout';
}

const MARK = /\[\[([^|\]]+)\|([^\]]+)\]\]|\{\{([^|}]+)\|([^}]+)\}\}/g;

function resolver(ids: string[]): (key: string) => string {
  return (key) => {
    if (ids.includes(key)) return key;
    const hits = ids.filter((id) => id.slice(id.indexOf(':') + 1) === key);
    if (hits.length !== 1) throw new Error(`entity "${key}": ${hits.length} matches in the gazetteer`);
    return hits[0]!;
  };
}

function parseItem(raw: string, resolve: (k: string) => string): Pick<EvalItem, 'text' | 'gold' | 'not'> {
  let text = '';
  const gold: EvalItem['gold'] = [];
  const not: EvalItem['not'] = [];
  let last = 0;
  for (const m of raw.matchAll(MARK)) {
    text += raw.slice(last, m.index);
    const surface = m[1] ?? m[3]!;
    const start = text.length;
    text += surface;
    if (m[1] !== undefined) gold.push({ start, end: text.length, entity: resolve(m[2]!.trim()) });
    else not.push({ start, end: text.length, surface, sense: m[4]!.trim() });
    last = m.index! + m[0].length;
  }
  text += raw.slice(last);
  if (/\[\[|\]\]|\{\{|\}\}/.test(text)) throw new Error(`unbalanced markup in: ${raw}`);
  return { text, gold, not };
}

/** A source file that names its split: every page in it goes there, no hash split. */
export type FixedSplit = 'heldout2' | 'heldout3' | 'heldout4' | 'heldout5' | 'heldout6' | 'heldout7' | 'heldout8' | 'heldout9';

/** "general.txt" → { set: "general" } (hash split); "general.heldout2.txt" → { set: "general", split: "heldout2" }. */
export function parseSourceFileName(file: string): { set: string; split?: FixedSplit } {
  const m = /^(.+)\.(heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9)\.txt$/.exec(file);
  return m ? { set: m[1]!, split: m[2] as FixedSplit } : { set: basename(file, '.txt') };
}

export function buildSet(name: string, source: string, resolve: (k: string) => string, split?: FixedSplit): EvalItem[] {
  const items: EvalItem[] = [];
  let url = '';
  let outlet = '';
  let n = 0;
  for (const [i, line] of source.split('\n').entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (line.startsWith('@ ')) {
      [url, outlet] = line.slice(2).split(' | ').map((s) => s.trim()) as [string, string];
      if (!url || !outlet) throw new Error(`${name}:${i + 1}: a page needs "@ url | outlet"`);
      n = 0;
      continue;
    }
    const kind = line.startsWith('H ') ? 'headline' : line.startsWith('S ') ? 'sentence' : undefined;
    if (!kind) throw new Error(`${name}:${i + 1}: a line starts with @, H or S`);
    if (!url) throw new Error(`${name}:${i + 1}: an item before any page`);
    const page = createHash('sha1').update(url).digest('hex').slice(0, 8);
    items.push({
      id: `${name}-${page}-${++n}`,
      set: name,
      split: split ?? splitOf(url),
      url,
      outlet,
      kind,
      ...parseItem(line.slice(2).trim(), resolve),
    });
  }
  return items;
}

function main(): void {
  const resolve = resolver(loadGazetteer(gazetteerFiles()).map((e) => e.id));
  for (const file of readdirSync(SRC).filter((f) => f.endsWith('.txt'))) {
    const { set: name, split: fixed } = parseSourceFileName(file);
    const items = buildSet(name, readFileSync(join(SRC, file), 'utf8'), resolve, fixed);
    for (const split of fixed ? [fixed] : (['dev', 'heldout'] as const)) {
      const part = items.filter((it) => it.split === split);
      writeFileSync(join(OUT, `${name}.${split}.jsonl`), part.map((it) => JSON.stringify(it)).join('\n') + '\n');
      const pages = new Set(part.map((it) => it.url)).size;
      console.log(`${name}.${split}: ${part.length} items, ${pages} pages, ${part.reduce((s, it) => s + it.gold.length, 0)} gold, ${part.reduce((s, it) => s + it.not.length, 0)} not`);
    }
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
