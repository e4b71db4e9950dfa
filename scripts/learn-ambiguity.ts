/**
 * npm run learn: counts, in ANERcorp's development part (../shared/anercorp/train.bio, see
 * test/corpus/bio.ts for where it is looked for), how often each gazetteer name is tagged LOC/ORG
 * and how often it is an ordinary word, and writes corpus/ambiguity.json, which the corpus build
 * reads (core/corpus/ambiguity.ts has the rule). test/corpus/ambiguity.test.ts checks that the
 * committed table is what this script makes.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gazetteerKeys, learnAmbiguity, AMBIGUITY_RULE, type AmbiguityTable } from '../core/corpus/ambiguity.ts';
import { loadGazetteer } from '../core/corpus/build.ts';
import { ANERCORP, readBio } from '../test/corpus/bio.ts';
import { CORPUS, gazetteerFiles } from './corpus-files.ts';

export const AMBIGUITY_PATH = join(CORPUS, 'ambiguity.json');

/** The table from train.bio and the gazetteer (the hand-listed one: the learned part left out). */
export function learnTable(bioPath = ANERCORP, generated = new Date().toISOString().slice(0, 10)): AmbiguityTable {
  const sentences = readBio(bioPath).map((s) => s.tokens.map((t) => ({ text: s.text.slice(t.start, t.end), tag: t.tag })));
  const names = learnAmbiguity(sentences, gazetteerKeys(loadGazetteer(gazetteerFiles())));
  return {
    source:
      'ANERcorp (Benajiba et al., Arabic news 2006-07, CC BY-SA 4.0, distributed by CAMeL Lab), development part: ' +
      'the first 125,274 tokens (../shared/anercorp/train.bio)',
    generated,
    by: 'npm run learn (scripts/learn-ambiguity.ts); rule in core/corpus/ambiguity.ts',
    sentences: sentences.length,
    tokens: sentences.reduce((n, s) => n + s.length, 0),
    rule: AMBIGUITY_RULE,
    weak: names.filter((n) => n.weak).map((n) => n.key),
    names,
  };
}

/** One name a line: a diff of the table reads as a list of changed names. */
export function formatTable(table: AmbiguityTable): string {
  const { names, ...header } = table;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  return `${head},\n  "names": [\n${names.map((n) => `    ${JSON.stringify(n)}`).join(',\n')}\n  ]\n}\n`;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  if (!existsSync(ANERCORP)) {
    console.error(`ANERcorp is missing: expected ${ANERCORP} (see ../shared/anercorp/README.md)`);
    process.exit(1);
  }
  const table = learnTable();
  writeFileSync(AMBIGUITY_PATH, formatTable(table));
  console.log(`${table.names.length} names counted in ${table.sentences} sentences; weak: ${table.weak.join('، ') || 'none'} → ${AMBIGUITY_PATH}`);
}
