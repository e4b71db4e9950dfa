/**
 * corpus/ → Bundle: parse and check the gazetteer and the articles, compile the matcher, find
 * every mention in the articles, check that no announced name is missed, and gather coverage.
 * Pure: the CLI reads the files and hands them in.
 */
import { outletProfiles } from '../analysis/outlet-naming.ts';
import { normaliseKey } from '../arabic/normalise.ts';
import { compileMatcher, loadMatcher, matcherName, type MatcherName, type SerializedMatcher } from '../match/automaton.ts';
import { BLOCKING } from '../match/blocking.ts';
import { detect } from '../match/detect.ts';
import type { Article, Bundle, Entity, Mention, NameEntry } from '../types.ts';
import { hashString } from '../util/hash.ts';
import { applyAmbiguity, parseAmbiguity } from './ambiguity.ts';
import { buildCoverage } from './coverage.ts';
import { CorpusError, lineOf, ProblemList } from './errors.ts';
import { parseArticles, parseEntities, parseIgnoreList, type SourceFile } from './parse.ts';
import { findUncoveredTriggers } from './triggers.ts';
import { checkArticles, checkEntities } from './validate.ts';

export interface CorpusFiles {
  gazetteer: SourceFile[];
  articles: SourceFile;
  ignore: SourceFile;
  /** Article text files by their path relative to corpus/ (as articles.jsonl names them). */
  texts: ReadonlyMap<string, SourceFile>;
  /** corpus/ambiguity.json: names learned to be ordinary words too (ambiguity.ts); none if absent. */
  ambiguity?: SourceFile;
}

/** Every name of every entity, normalised, for search and for the matcher. */
export function namesOf(entities: readonly Entity[]): NameEntry[] {
  const names: NameEntry[] = [];
  for (const e of entities) {
    const seen = new Set<string>();
    const add = (text: string, weak: boolean) => {
      const key = normaliseKey(text);
      if (!key || seen.has(key)) return;
      seen.add(key);
      names.push({ key, text, entityId: e.id, weak });
    };
    // Weak spellings first, so that a name also listed as weak (القائم) is taken as weak.
    for (const a of e.weakAliases) add(a, true);
    add(e.name, false);
    for (const a of e.aliases) add(a, false);
  }
  return names;
}

export function matcherFor(entities: readonly Entity[]): SerializedMatcher {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const names: MatcherName[] = namesOf(entities).map((n) => matcherName(n.key, n.weak, byId.get(n.entityId)!));
  // Blocking names (match/blocking.ts) that are no entity's name: patterns with no target.
  const own = new Set(names.map((n) => n.key));
  const blocking = [...new Set(BLOCKING.map(normaliseKey))].filter((key) => !own.has(key));
  return compileMatcher(names, blocking);
}

/**
 * Parse and check the gazetteer alone (what `detect` needs), with the names the learned table
 * makes weak listed among their entities' weak aliases.
 */
export function loadGazetteer(sources: readonly SourceFile[], ambiguity?: SourceFile): Entity[] {
  const problems = new ProblemList();
  const located = parseEntities(sources, problems);
  checkEntities(located, problems);
  const weak = ambiguity ? parseAmbiguity(ambiguity, problems) : new Set<string>();
  problems.throwIfAny();
  return applyAmbiguity(
    located.map((l) => l.value),
    weak,
  );
}

export function buildBundle(files: CorpusFiles): Bundle {
  const problems = new ProblemList();
  const located = parseEntities(files.gazetteer, problems);
  checkEntities(located, problems);
  const metas = parseArticles(files.articles, problems);
  checkArticles(metas, problems);
  const ignore = parseIgnoreList(files.ignore);
  const learnedWeak = files.ambiguity ? parseAmbiguity(files.ambiguity, problems) : new Set<string>();
  const articles: Article[] = [];
  for (const m of metas) {
    const source = files.texts.get(m.value.file);
    if (!source) problems.add(m.file, m.line, `article file "${m.value.file}" does not exist`);
    else articles.push({ ...m.value, text: source.text });
  }
  problems.throwIfAny();

  const entities = applyAmbiguity(
    located.map((l) => l.value),
    learnedWeak,
  );
  const serialized = matcherFor(entities);
  const matcher = loadMatcher(serialized);
  const mentionsByArticle = new Map<string, Mention[]>();
  for (const article of articles) {
    const mentions = detect(matcher, article.text);
    mentionsByArticle.set(article.id, mentions);
    for (const miss of findUncoveredTriggers(article.text, mentions, ignore)) {
      problems.add(
        files.texts.get(article.file)!.path,
        lineOf(article.text, miss.offset),
        `"${miss.trigger} ${miss.word}": "${miss.word}" is neither a name in the gazetteer nor in ${files.ignore.path}`,
      );
    }
  }
  problems.throwIfAny();

  const names = namesOf(entities);
  const content = {
    entities,
    names,
    articles,
    coverage: buildCoverage(articles, mentionsByArticle, entities),
    articleMentions: articles.map((a) => ({ articleId: a.id, mentions: mentionsByArticle.get(a.id)! })),
    matcher: serialized,
    profiles: outletProfiles(articles, mentionsByArticle, names),
  };
  return { version: hashString(JSON.stringify(content)), ...content };
}

export { CorpusError };
