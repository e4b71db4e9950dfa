/**
 * Validators written from the specifications, for the export tests (unit and end-to-end): each
 * returns the list of problems, empty when the document has what the spec requires.
 * - W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/): an Annotation MUST
 *   have @context (the anno.jsonld context, first when a list), exactly one id (an IRI), type
 *   "Annotation", at least one target; a target with a selector names its source; a
 *   TextQuoteSelector MUST have `exact` (prefix and suffix optional, strings); a
 *   TextPositionSelector MUST have non-negative integer `start` and `end`, start ≤ end. A
 *   collection's items are annotations.
 * - GeoJSON (RFC 7946): a FeatureCollection has `features`, a list of Feature objects, each with
 *   `geometry` (or null) and `properties` (an object or null); a Point's coordinates are a
 *   position [longitude, latitude] of numbers, longitude in [-180, 180], latitude in [-90, 90].
 */
const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function checkContext(ctx: unknown, where: string, problems: string[]): void {
  const first = Array.isArray(ctx) ? ctx[0] : ctx;
  if (first !== ANNO) problems.push(`${where}: @context must be (or start with) ${ANNO}`);
}

function checkSelector(s: unknown, where: string, problems: string[]): void {
  if (!isObject(s)) return void problems.push(`${where}: a selector is an object`);
  if (s['type'] === 'TextQuoteSelector') {
    if (typeof s['exact'] !== 'string' || s['exact'] === '') problems.push(`${where}: TextQuoteSelector needs exact`);
    for (const k of ['prefix', 'suffix']) if (k in s && typeof s[k] !== 'string') problems.push(`${where}: ${k} must be a string`);
  } else if (s['type'] === 'TextPositionSelector') {
    const { start, end } = s as { start: unknown; end: unknown };
    if (!Number.isInteger(start) || (start as number) < 0) problems.push(`${where}: start must be a non-negative integer`);
    if (!Number.isInteger(end) || (end as number) < (start as number)) problems.push(`${where}: end must be an integer ≥ start`);
  } else problems.push(`${where}: unexpected selector type ${String(s['type'])}`);
}

export function annotationProblems(a: unknown, where = 'annotation'): string[] {
  const problems: string[] = [];
  if (!isObject(a)) return [`${where}: not an object`];
  checkContext(a['@context'], where, problems);
  if (typeof a['id'] !== 'string' || !IRI.test(a['id'])) problems.push(`${where}: id must be one IRI`);
  if (!list(a['type']).includes('Annotation')) problems.push(`${where}: type must include Annotation`);
  const targets = list(a['target']);
  if (targets.length === 0) problems.push(`${where}: no target`);
  for (const t of targets) {
    if (typeof t === 'string') continue;
    if (!isObject(t)) problems.push(`${where}: target must be an IRI or an object`);
    else {
      if (typeof t['source'] !== 'string' || !IRI.test(t['source'])) problems.push(`${where}: target.source must be an IRI`);
      const selectors = list(t['selector']);
      if (selectors.length === 0) problems.push(`${where}: target without selector`);
      selectors.forEach((s, i) => checkSelector(s, `${where}.selector[${i}]`, problems));
    }
  }
  for (const b of list(a['body'])) {
    if (typeof b !== 'string' && !isObject(b)) problems.push(`${where}: body must be an IRI or an object`);
    if (isObject(b) && 'id' in b && (typeof b['id'] !== 'string' || !IRI.test(b['id']))) problems.push(`${where}: body.id must be an IRI`);
  }
  return problems;
}

export function collectionProblems(c: unknown): string[] {
  if (!isObject(c)) return ['collection: not an object'];
  const problems: string[] = [];
  checkContext(c['@context'], 'collection', problems);
  if (typeof c['id'] !== 'string' || !IRI.test(c['id'])) problems.push('collection: id must be an IRI');
  if (c['type'] !== 'AnnotationCollection') problems.push('collection: type must be AnnotationCollection');
  const first = c['first'];
  if (!isObject(first) || first['type'] !== 'AnnotationPage' || !Array.isArray(first['items'])) return [...problems, 'collection: first must be an AnnotationPage with items'];
  if (c['total'] !== first['items'].length) problems.push('collection: total must count the items');
  first['items'].forEach((a, i) => problems.push(...annotationProblems(a, `items[${i}]`)));
  return problems;
}

export function geoJsonProblems(g: unknown): string[] {
  if (!isObject(g)) return ['not an object'];
  const problems: string[] = [];
  if (g['type'] !== 'FeatureCollection') problems.push('type must be FeatureCollection');
  if (!Array.isArray(g['features'])) return [...problems, 'features must be a list'];
  g['features'].forEach((f, i) => {
    const where = `features[${i}]`;
    if (!isObject(f) || f['type'] !== 'Feature') return void problems.push(`${where}: not a Feature`);
    if (!('properties' in f) || (f['properties'] !== null && !isObject(f['properties']))) problems.push(`${where}: properties must be an object or null`);
    if ('id' in f && typeof f['id'] !== 'string' && typeof f['id'] !== 'number') problems.push(`${where}: id must be a string or number`);
    const geo = f['geometry'];
    if (geo === null) return;
    if (!isObject(geo) || geo['type'] !== 'Point') return void problems.push(`${where}: geometry must be a Point`);
    const c = geo['coordinates'];
    if (!Array.isArray(c) || c.length < 2 || !c.every((x) => typeof x === 'number' && Number.isFinite(x))) return void problems.push(`${where}: coordinates must be a position`);
    if (Math.abs(c[0] as number) > 180 || Math.abs(c[1] as number) > 90) problems.push(`${where}: [lon, lat] out of range`);
  });
  return problems;
}

/**
 * Re-anchor an annotation in `text` (the source's text as docs/ANNOTATIONS.md defines it): the
 * position selector's span, counted in code points, must hold the quote's exact text, with its
 * prefix just before and its suffix just after. Returns a problem or null.
 */
export function reanchorProblem(text: string, a: { target: { selector: unknown[] } }): string | null {
  const quote = a.target.selector.find((s) => isObject(s) && s['type'] === 'TextQuoteSelector') as { exact: string; prefix: string; suffix: string } | undefined;
  const pos = a.target.selector.find((s) => isObject(s) && s['type'] === 'TextPositionSelector') as { start: number; end: number } | undefined;
  if (!quote || !pos) return 'missing a selector';
  const cps = Array.from(text);
  const at = (from: number, to: number) => cps.slice(Math.max(0, from), to).join('');
  if (at(pos.start, pos.end) !== quote.exact) return `"${quote.exact}" is not at ${pos.start}–${pos.end} (found "${at(pos.start, pos.end)}")`;
  const n = (s: string) => Array.from(s).length;
  if (at(pos.start - n(quote.prefix), pos.start) !== quote.prefix) return `prefix of "${quote.exact}" at ${pos.start} differs`;
  if (at(pos.end, pos.end + n(quote.suffix)) !== quote.suffix) return `suffix of "${quote.exact}" at ${pos.end} differs`;
  return null;
}
