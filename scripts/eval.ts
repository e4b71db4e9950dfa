/**
 * npm run eval -- [--split dev|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|all] [--set NAME] [--json] [--no-list] [--core DIR]
 *
 * Runs the detector at its default confidence on every item of the evaluation sets
 * (eval/sets/NAME.SPLIT.jsonl) and prints, per set and split, precision and recall over place and
 * group mentions, false place/group highlights per 30 headlines, and every false positive and
 * miss with its context. --json prints the EvalReport (eval/score.ts) instead: that object is the
 * declared interface for tools and tests. The default split is dev: tune on dev, look at heldout
 * only to report. --core DIR measures the detector and gazetteer of another checkout (DIR/core,
 * DIR/corpus) on these sets, e.g. a branch that changes detection, without merging it first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as BuildModule from '../core/corpus/build.ts';
import type * as AutomatonModule from '../core/match/automaton.ts';
import type * as ContextModule from '../core/match/context.ts';
import type * as DetectModule from '../core/match/detect.ts';
import type * as TypesModule from '../core/types.ts';
import type * as FilesModule from './corpus-files.ts';
import { scoreSet, type EntityInfo, type SetScore } from '../eval/score.ts';
import { parseSetFileName, readSets, SPLITS } from '../eval/sets.ts';
import { ROOT } from './corpus-files.ts';

export const SETS_DIR = join(ROOT, 'eval', 'sets');

/** What `npm run eval -- --json` prints. */
export interface EvalReport {
  version: 1;
  minConfidence: number;
  split: 'dev' | 'heldout' | 'heldout2' | 'heldout3' | 'heldout4' | 'heldout5' | 'heldout6' | 'heldout7' | 'heldout8' | 'heldout9' | 'all';
  /** The checkout whose core/ and corpus/ were measured. */
  core: string;
  sets: SetScore[];
}

class UsageError extends Error {}

function parseArgs(args: string[]): { split: EvalReport['split']; set?: string; core: string; json: boolean; list: boolean } {
  let split: EvalReport['split'] = 'dev';
  let set: string | undefined;
  let core = ROOT;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--split' || a === '--set' || a === '--core') {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      if (a === '--set') set = v;
      else if (a === '--core') {
        core = resolve(v);
        if (!existsSync(join(core, 'core', 'match', 'detect.ts'))) throw new UsageError(`--core ${v}: no core/match/detect.ts there`);
      }
      else if (v === 'dev' || v === 'heldout' || v === 'heldout2' || v === 'heldout3' || v === 'heldout4' || v === 'heldout5' || v === 'heldout6' || v === 'heldout7' || v === 'heldout8' || v === 'heldout9' || v === 'all') split = v;
      else throw new UsageError(`--split is dev, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9 or all, not ${v}`);
    } else if (a !== '--json' && a !== '--no-list') throw new UsageError(`unknown option ${a}`);
  }
  return { split, set, core, json: args.includes('--json'), list: !args.includes('--no-list') };
}

/** The detector, gazetteer loader and constants of a checkout (this one by default). */
async function loadCore(root: string) {
  const load = <T>(path: string) => import(pathToFileURL(join(root, path)).href) as Promise<T>;
  const [build, automaton, context, detectModule, types, files] = await Promise.all([
    load<typeof BuildModule>('core/corpus/build.ts'),
    load<typeof AutomatonModule>('core/match/automaton.ts'),
    load<typeof ContextModule>('core/match/context.ts'),
    load<typeof DetectModule>('core/match/detect.ts'),
    load<typeof TypesModule>('core/types.ts'),
    load<typeof FilesModule>('scripts/corpus-files.ts'),
  ]);
  return { ...build, ...automaton, ...context, ...detectModule, ...types, ...files };
}

export async function runEval(opts: { split: EvalReport['split']; set?: string; core?: string }): Promise<EvalReport> {
  const coreRoot = opts.core ?? ROOT;
  const core = await loadCore(coreRoot);
  const { loadGazetteer, gazetteerFiles, categoryOf, loadMatcher, matcherFor, detect, MIN_CONFIDENCE } = core;
  // The learned ambiguity table (corpus/ambiguity.json) makes names weak as the product's build
  // does; a checkout from before it (--core) has no ambiguityFile.
  const ambiguityFile = (core as Partial<typeof FilesModule>).ambiguityFile;
  const entities = loadGazetteer(gazetteerFiles(), ambiguityFile?.());
  const info = new Map<string, EntityInfo>(entities.map((e) => [e.id, { category: categoryOf(e.kind), names: [e.name, ...e.aliases, ...e.weakAliases] }]));
  const files = readdirSync(SETS_DIR)
    .filter((f) => parseSetFileName(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SETS_DIR, name), 'utf8') }));
  const { items, problems } = readSets(files, new Set(info.keys()));
  if (problems.length) throw new Error(`the eval sets have problems:\n${problems.join('\n')}`);
  const setNames = [...new Set(items.map((it) => it.set))];
  if (opts.set && !setNames.includes(opts.set)) throw new UsageError(`no set ${opts.set}; there are ${setNames.join(', ')}`);
  const matcher = loadMatcher(matcherFor(entities));
  const run = (text: string) => detect(matcher, text);
  const sets: SetScore[] = [];
  for (const set of setNames.filter((s) => !opts.set || s === opts.set)) {
    for (const split of SPLITS.filter((s) => opts.split === 'all' || s === opts.split)) {
      sets.push(scoreSet(set, split, items.filter((it) => it.set === set && it.split === split), run, info));
    }
  }
  return { version: 1, minConfidence: MIN_CONFIDENCE, split: opts.split, core: coreRoot, sets };
}

const pct = (x: number | null) => (x === null ? '—' : (x * 100).toFixed(1) + '%');
const num = (x: number | null) => (x === null ? '—' : x.toFixed(2));

export function formatReport(report: EvalReport, list: boolean): string {
  const out: string[] = [`eval at default confidence (≥ ${report.minConfidence}), split ${report.split}, detector of ${report.core}`, ''];
  for (const s of report.sets) {
    const p = s.placeGroup;
    out.push(
      `${s.set}.${s.split}: ${s.items} items (${s.headlines} headlines) from ${s.pages} pages`,
      `  places+groups  precision ${pct(p.precision)} (${p.tp}/${p.tp + p.fp})  recall ${pct(p.recall)} (${p.found}/${p.gold})  ` +
        `recall on listed names ${pct(p.recallListed)} (${p.listedFound}/${p.listedGold})`,
      `  false place/group highlights: ${p.fp}; per 30 headlines ${num(s.falsePer30Headlines)}; per 30 items ${num(s.falsePer30Items)}`,
      `  people+outlets precision ${pct(s.other.precision)} (${s.other.tp}/${s.other.tp + s.other.fp})  recall ${pct(s.other.recall)} (${s.other.found}/${s.other.gold})`,
    );
    if (list) {
      for (const f of s.falsePositives) {
        const why = f.goldEntity ? `gold is ${f.goldEntity}` : f.notSense ? `not: ${f.notSense}` : 'no entity here';
        out.push(`  FP   ${f.entity} (${f.confidence?.toFixed(2)}) «${f.surface}» — ${why}\n       ${f.context}  [${f.id}]`);
      }
      for (const f of s.otherFalsePositives) {
        const why = f.goldEntity ? `gold is ${f.goldEntity}` : f.notSense ? `not: ${f.notSense}` : 'no entity here';
        out.push(`  FP (person/outlet) ${f.entity} «${f.surface}» — ${why}\n       ${f.context}  [${f.id}]`);
      }
      for (const m of s.misses) {
        out.push(`  MISS ${m.entity} «${m.surface}»${m.unlisted ? ' (not a gazetteer name)' : ''}\n       ${m.context}  [${m.id}]`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const report = await runEval(opts);
    process.stdout.write(opts.json ? JSON.stringify(report, null, 1) + '\n' : formatReport(report, opts.list));
  } catch (e) {
    console.error(e instanceof UsageError ? `${e.message}\nusage: npm run eval -- [--split dev|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|all] [--set NAME] [--json] [--no-list] [--core DIR]` : (e as Error).message);
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) void main();
