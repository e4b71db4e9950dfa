/** Reads corpus/ from disk into the shape the pure builder takes (core/corpus/build.ts). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { CorpusFiles } from '../core/corpus/build.ts';
import { CorpusError } from '../core/corpus/errors.ts';
import type { SourceFile } from '../core/corpus/parse.ts';

export const ROOT = join(import.meta.dirname, '..');
export const CORPUS = join(ROOT, 'corpus');

/**
 * A path as problems name it: from the folder that holds the corpus (corpus/gazetteer/x.jsonl for
 * ours; archive/gazetteer/x.jsonl for `--corpus /data/archive`).
 */
function shown(corpus: string, path: string): string {
  return relative(dirname(corpus), path);
}

function read(path: string, corpus = CORPUS): SourceFile {
  if (!existsSync(path)) throw new CorpusError([{ file: shown(corpus, path), line: 0, message: 'file is missing' }]);
  return { path: shown(corpus, path), text: readFileSync(path, 'utf8') };
}

function folder(corpus: string, name: string): string {
  const dir = join(corpus, name);
  if (!existsSync(dir)) throw new CorpusError([{ file: shown(corpus, dir), line: 0, message: 'folder is missing' }]);
  return dir;
}

export function gazetteerFiles(corpus = CORPUS): SourceFile[] {
  const dir = folder(corpus, 'gazetteer');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => read(join(dir, f), corpus));
}

/** corpus/ambiguity.json (npm run learn), or undefined where there is none. */
export function ambiguityFile(corpus = CORPUS): SourceFile | undefined {
  const path = join(corpus, 'ambiguity.json');
  return existsSync(path) ? read(path, corpus) : undefined;
}

export function readCorpus(corpus = CORPUS): CorpusFiles {
  const texts = new Map<string, SourceFile>();
  const articleDir = folder(corpus, 'articles');
  for (const f of readdirSync(articleDir).sort()) texts.set(`articles/${f}`, read(join(articleDir, f), corpus));
  const ignorePath = join(corpus, 'ignore.txt');
  return {
    gazetteer: gazetteerFiles(corpus),
    articles: read(join(corpus, 'articles.jsonl'), corpus),
    ignore: existsSync(ignorePath) ? read(ignorePath, corpus) : { path: shown(corpus, ignorePath), text: '' },
    texts,
    ambiguity: ambiguityFile(corpus),
  };
}
