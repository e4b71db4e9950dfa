/** Reads corpus/ from disk into the shape the pure builder takes (core/corpus/build.ts). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CorpusFiles } from '../core/corpus/build.ts';
import { CorpusError } from '../core/corpus/errors.ts';
import type { SourceFile } from '../core/corpus/parse.ts';

export const ROOT = join(import.meta.dirname, '..');
export const CORPUS = join(ROOT, 'corpus');

function read(path: string): SourceFile {
  if (!existsSync(path)) throw new CorpusError([{ file: relative(ROOT, path), line: 0, message: 'file is missing' }]);
  return { path: relative(ROOT, path), text: readFileSync(path, 'utf8') };
}

export function gazetteerFiles(corpus = CORPUS): SourceFile[] {
  const dir = join(corpus, 'gazetteer');
  if (!existsSync(dir)) throw new CorpusError([{ file: relative(ROOT, dir), line: 0, message: 'folder is missing' }]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => read(join(dir, f)));
}

/** corpus/ambiguity.json (npm run learn), or undefined where there is none. */
export function ambiguityFile(corpus = CORPUS): SourceFile | undefined {
  const path = join(corpus, 'ambiguity.json');
  return existsSync(path) ? read(path) : undefined;
}

export function readCorpus(corpus = CORPUS): CorpusFiles {
  const texts = new Map<string, SourceFile>();
  const articleDir = join(corpus, 'articles');
  for (const f of readdirSync(articleDir).sort()) texts.set(`articles/${f}`, read(join(articleDir, f)));
  const ignorePath = join(corpus, 'ignore.txt');
  return {
    gazetteer: gazetteerFiles(corpus),
    articles: read(join(corpus, 'articles.jsonl')),
    ignore: existsSync(ignorePath) ? read(ignorePath) : { path: relative(ROOT, ignorePath), text: '' },
    texts,
    ambiguity: ambiguityFile(corpus),
  };
}
