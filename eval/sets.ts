/**
 * Reading and checking the evaluation sets (eval/sets/NAME.SPLIT.jsonl). Pure: the caller gives
 * the file texts and the known entity ids; problems come back as sentences, never thrown halfway.
 */
import type { EvalItem } from './types.ts';

export const SPLITS = ['dev', 'heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'heldout7', 'heldout8', 'heldout9'] as const;
export type Split = (typeof SPLITS)[number];

/** An excerpt longer than this is no longer a headline or a sentence. */
export const MAX_ITEM_CHARS = 450;

/** "general.dev.jsonl" → { set: "general", split: "dev" }. */
export function parseSetFileName(name: string): { set: string; split: Split } | undefined {
  const m = /^([a-z0-9-]+)\.(dev|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9)\.jsonl$/.exec(name);
  return m ? { set: m[1]!, split: m[2] as Split } : undefined;
}

export interface SetFile {
  name: string;
  text: string;
}

/** Every item of the files, and every problem found in them (empty when the data is sound). */
export function readSets(files: SetFile[], entityIds: ReadonlySet<string>): { items: EvalItem[]; problems: string[] } {
  const items: EvalItem[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  const pageHome = new Map<string, string>();
  for (const file of files) {
    const where = parseSetFileName(file.name);
    if (!where) {
      problems.push(`${file.name}: not named SET.dev.jsonl, SET.heldout.jsonl, SET.heldout2.jsonl, SET.heldout3.jsonl, SET.heldout4.jsonl, SET.heldout5.jsonl, SET.heldout6.jsonl, SET.heldout7.jsonl, SET.heldout8.jsonl or SET.heldout9.jsonl`);
      continue;
    }
    file.text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const at = `${file.name}:${i + 1}`;
      let item: EvalItem;
      try {
        item = JSON.parse(line) as EvalItem;
      } catch {
        problems.push(`${at}: not JSON`);
        return;
      }
      const before = problems.length;
      checkItem(item, at, where, entityIds, problems);
      if (problems.length > before) return;
      if (ids.has(item.id)) problems.push(`${at}: id ${item.id} used twice`);
      ids.add(item.id);
      const home = `${item.set}.${item.split}`;
      const seen = pageHome.get(item.url);
      if (seen && seen !== home) problems.push(`${at}: page ${item.url} is in ${seen} and in ${home}`);
      pageHome.set(item.url, home);
      items.push(item);
    });
  }
  return { items, problems };
}

function checkItem(
  item: EvalItem,
  at: string,
  where: { set: string; split: Split },
  entityIds: ReadonlySet<string>,
  problems: string[],
): void {
  const bad = (why: string) => problems.push(`${at}: ${why}`);
  if (typeof item.id !== 'string' || item.id === '') return void bad('no id');
  if (item.set !== where.set) bad(`set "${item.set}" in the file of ${where.set}`);
  if (item.split !== where.split) bad(`split "${item.split}" in a ${where.split} file`);
  if (typeof item.url !== 'string' || !/^https?:\/\/\S+$/.test(item.url)) bad('no page URL');
  if (typeof item.outlet !== 'string' || item.outlet === '') bad('no outlet');
  if (item.kind !== 'headline' && item.kind !== 'sentence') bad(`kind "${item.kind}"`);
  if (typeof item.text !== 'string' || item.text.trim() === '') return void bad('no text');
  if (item.text.length > MAX_ITEM_CHARS) bad(`${item.text.length} characters: an excerpt, not a headline or sentence`);
  if (!Array.isArray(item.gold) || !Array.isArray(item.not)) return void bad('gold and not must be lists');
  const inRange = (s: { start: number; end: number }) =>
    Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= item.text.length;
  for (const g of item.gold) {
    if (!inRange(g)) bad(`gold span [${g.start},${g.end}) outside the text`);
    else if (!entityIds.has(g.entity)) bad(`gold entity ${g.entity} is not in the gazetteer`);
  }
  for (const n of item.not) {
    if (!inRange(n)) bad(`not span [${n.start},${n.end}) outside the text`);
    else if (item.text.slice(n.start, n.end) !== n.surface) bad(`not span [${n.start},${n.end}) reads "${item.text.slice(n.start, n.end)}", not "${n.surface}"`);
    else if (!n.sense) bad(`not span "${n.surface}" without a sense`);
  }
  const spans = [...item.gold, ...item.not].filter(inRange).sort((a, b) => a.start - b.start);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k]!.start < spans[k - 1]!.end) bad(`spans [${spans[k - 1]!.start},${spans[k - 1]!.end}) and [${spans[k]!.start},${spans[k]!.end}) overlap`);
  }
}
