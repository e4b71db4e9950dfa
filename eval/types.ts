/** One labelled item of an evaluation set (eval/sets/*.jsonl, one per line). */
export interface EvalItem {
  id: string;
  set: string;
  /** Whole pages are dev or heldout (by URL hash), or heldout2 / heldout3 (later, separately collected parts); tune only on dev. */
  split: 'dev' | 'heldout' | 'heldout2' | 'heldout3' | 'heldout4' | 'heldout5' | 'heldout6' | 'heldout7' | 'heldout8' | 'heldout9';
  /** The page the excerpt was taken from. */
  url: string;
  outlet: string;
  kind: 'headline' | 'sentence';
  /** A headline or sentence as the page has it (never a whole article). */
  text: string;
  /** Every mention of a gazetteer entity: [start,end) in UTF-16 code units of text. */
  gold: { start: number; end: number; entity: string }[];
  /** Words that look like a gazetteer name but are not that entity (for reports). */
  not: { start: number; end: number; surface: string; sense: string }[];
}
