/**
 * Rules across records: unique ids, parents that exist, and names that point to one entity unless
 * every entity sharing one marks it weak (then context decides between them: match/context.ts).
 */
import { normaliseKey } from '../arabic/normalise.ts';
import type { ArticleMeta, Entity } from '../types.ts';
import type { ProblemList } from './errors.ts';
import type { Located } from './parse.ts';

export function checkEntities(entities: readonly Located<Entity>[], problems: ProblemList): void {
  const byId = new Map<string, Located<Entity>>();
  for (const e of entities) {
    const first = byId.get(e.value.id);
    if (first) problems.add(e.file, e.line, `duplicate id "${e.value.id}" (first at ${first.file}:${first.line})`);
    else if (e.value.id) byId.set(e.value.id, e);
  }
  for (const e of entities) {
    const parent = e.value.parent;
    if (parent && !byId.has(parent)) problems.add(e.file, e.line, `parent "${parent}" is not an id in the gazetteer`);
    if (parent === e.value.id) problems.add(e.file, e.line, 'an entity cannot be its own parent');
  }

  const claims = new Map<string, { entity: Located<Entity>; name: string; weak: boolean }[]>();
  for (const e of entities) {
    const { name, aliases, weakAliases } = e.value;
    const seen = new Set<string>();
    // A name listed among the weak aliases too is weak (namesOf reads it so).
    for (const [names, weak] of [[weakAliases, true], [[name, ...aliases], false]] as const) {
      for (const n of names) {
        const key = normaliseKey(n);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        const list = claims.get(key) ?? [];
        list.push({ entity: e, name: n, weak });
        claims.set(key, list);
      }
    }
  }
  for (const [key, list] of claims) {
    if (list.length < 2 || list.every((c) => c.weak)) continue;
    const [first, ...others] = list;
    for (const other of others) {
      problems.add(
        other.entity.file,
        other.entity.line,
        `name "${other.name}" (${key}) is claimed by "${other.entity.value.id}" and by "${first!.entity.value.id}" ` +
          `(${first!.entity.file}:${first!.entity.line}) with no rule: list it under weakAliases in both, or keep it in one`,
      );
    }
  }
}

export function checkArticles(articles: readonly Located<ArticleMeta>[], problems: ProblemList): void {
  const ids = new Map<string, Located<ArticleMeta>>();
  for (const a of articles) {
    const first = ids.get(a.value.id);
    if (first) problems.add(a.file, a.line, `duplicate article id "${a.value.id}" (first at line ${first.line})`);
    else ids.set(a.value.id, a);
  }
}
