/**
 * The JSON-LD objects of a page, flattened: top-level arrays and Yoast-style `@graph` lists are
 * opened, and `{"@id": …}` references (a publisher given by id) are resolved against the others.
 * Read-only: the document is not changed. A script that is not valid JSON is skipped.
 */
export type JsonLdObject = Record<string, unknown>;

/** Schema.org types whose headline, date and author are the article's (not the page's or the site's). */
const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Report|Background|Review|Scholarly|Tech)?Article$|^BlogPosting$|^LiveBlogPosting$|^Report$/;

function isObject(v: unknown): v is JsonLdObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function jsonLdObjects(doc: Document): JsonLdObject[] {
  const out: JsonLdObject[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4) return; // a hostile page's nesting is not followed
    if (Array.isArray(value)) for (const v of value) visit(v, depth + 1);
    else if (isObject(value)) {
      out.push(value);
      if (value['@graph'] !== undefined) visit(value['@graph'], depth + 1);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // Invalid JSON-LD is common (trailing commas, HTML entities); the page's other metadata still counts.
    }
  }
  return out;
}

function typesOf(o: JsonLdObject): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

export function isArticle(o: JsonLdObject): boolean {
  return typesOf(o).some((t) => ARTICLE_TYPES.test(t));
}

/** Article objects first, then the rest (a WebPage's datePublished is the page's, a weaker claim). */
export function articlesFirst(objects: readonly JsonLdObject[]): JsonLdObject[] {
  return [...objects.filter(isArticle), ...objects.filter((o) => !isArticle(o))];
}

/** `value`, or the object it refers to by `@id` when it is only a reference. */
export function resolve(value: unknown, objects: readonly JsonLdObject[]): unknown {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return objects.find((o) => o['@id'] === value['@id'] && Object.keys(o).length > 1) ?? value;
  }
  return value;
}

/** A name from a string, a `{name}` object (or reference to one) or a list of them, joined by '، '. */
export function nameOf(value: unknown, objects: readonly JsonLdObject[]): string | undefined {
  const names = (Array.isArray(value) ? value : [value])
    .map((v) => resolve(v, objects))
    .map((v) => (typeof v === 'string' ? v : isObject(v) && typeof v['name'] === 'string' ? v['name'] : ''))
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return names.length > 0 ? names.join('، ') : undefined;
}

/** The first string value of `key` among the objects (articles first). */
export function firstString(objects: readonly JsonLdObject[], key: string): string | undefined {
  for (const o of articlesFirst(objects)) {
    const v = o[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}
