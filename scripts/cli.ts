/**
 * The corpus command line:
 *   npm run cli -- build [--corpus DIR] [--out FILE]
 *                                         corpus/ (or any folder in its format) → the bundle
 *   npm run cli -- detect --jsonl FILE [--all]   one JSON object a line per mention in FILE
 *   npm run cli -- stats                  coverage per entity
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildBundle, CorpusError, loadGazetteer, matcherFor } from '../core/corpus/build.ts';
import { loadMatcher } from '../core/match/automaton.ts';
import { detect } from '../core/match/detect.ts';
import type { Bundle, Entity } from '../core/types.ts';
import { ambiguityFile, gazetteerFiles, readCorpus, ROOT } from './corpus-files.ts';
import { visibleText } from './visible-text.ts';
import { withBaseMap } from '../core/geo/build-basemap.ts';
import type { Topology } from 'topojson-specification';

export const BUNDLE_PATH = join(ROOT, 'public', 'data', 'bundle.json');

const USAGE = `usage:
  npm run cli -- build [--corpus DIR] [--out FILE]
  npm run cli -- detect --jsonl FILE [--all]
  npm run cli -- stats`;

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return value;
}

function checkFlags(args: string[], allowed: string[]): void {
  for (const a of args) if (a.startsWith('--') && !allowed.includes(a)) throw new UsageError(`unknown option ${a}`);
}

function build(args: string[]): void {
  checkFlags(args, ['--out', '--corpus']);
  const out = option(args, '--out') ?? BUNDLE_PATH;
  const corpus = option(args, '--corpus');
  // A newsroom's own archive in the corpus format (README, "Your own corpus").
  const bundle = withBaseMap(buildBundle(corpus ? readCorpus(resolve(corpus)) : readCorpus()), readCountries());
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(bundle));
  const mentions = bundle.articleMentions.reduce((n, a) => n + a.mentions.length, 0);
  console.log(
    `bundle ${bundle.version}: ${bundle.entities.length} entities, ${bundle.names.length} names, ` +
      `${bundle.articles.length} articles, ${mentions} mentions → ${out}`,
  );
}

/** Natural Earth's country outlines at 1:50m (world-atlas): the locator map's base (core/geo/build-basemap.ts). */
function readCountries(): Topology {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', 'world-atlas', 'countries-50m.json'), 'utf8')) as Topology;
}

function readInput(file: string): string {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
  return /\.x?html?$/i.test(file) ? visibleText(raw) : raw;
}

function detectCommand(args: string[]): void {
  checkFlags(args, ['--jsonl', '--all']);
  const file = option(args, '--jsonl');
  if (!file) throw new UsageError('detect needs --jsonl FILE');
  const text = readInput(file);
  const entities = loadGazetteer(gazetteerFiles(), ambiguityFile());
  const byId = new Map<string, Entity>(entities.map((e) => [e.id, e]));
  const matcher = loadMatcher(matcherFor(entities));
  const lines: string[] = [];
  for (const m of detect(matcher, text, { minConfidence: args.includes('--all') ? 0 : undefined })) {
    const e = byId.get(m.entityId)!;
    lines.push(
      JSON.stringify({
        start: m.start, end: m.end, text: m.text, id: e.id, kind: e.kind, name: e.name, nameEn: e.nameEn,
        confidence: m.confidence,
      }),
    );
  }
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
}

function stats(args: string[]): void {
  checkFlags(args, []);
  const bundle: Bundle = buildBundle(readCorpus());
  const byId = new Map(bundle.entities.map((e) => [e.id, e]));
  const rows = bundle.coverage.map((c) => {
    const e = byId.get(c.entityId)!;
    return [e.id, e.kind, e.name, e.nameEn, String(c.mentions), c.articles.map((a) => `${a.articleId}×${a.count}`).join(' ')];
  });
  const unmentioned = bundle.entities.filter((e) => !bundle.coverage.some((c) => c.entityId === e.id));
  const header = ['id', 'kind', 'name', 'English', 'mentions', 'articles'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log(`\n${bundle.coverage.length} of ${bundle.entities.length} entities mentioned in ${bundle.articles.length} articles`);
  if (unmentioned.length) console.log(`not mentioned: ${unmentioned.map((e) => e.id).join(', ')}`);
}

function main(argv: string[]): number {
  const [command, ...args] = argv;
  try {
    if (command === 'build') build(args);
    else if (command === 'detect') detectCommand(args);
    else if (command === 'stats') stats(args);
    else throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`error: ${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof CorpusError) {
      console.error(`corpus error${e.problems.length > 1 ? `s (${e.problems.length})` : ''}:\n${e.message}`);
      return 1;
    }
    console.error(`error: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
