import type { Plugin } from 'vite';

/**
 * The rule tables of the detector (core/match/, core/arabic/) hold a `description` and an
 * `example` for each row (and the club table its provenance): the unit tests run every example, and docs/DETECTION.md quotes them. No
 * code of the extension reads them, yet they were a tenth of the content script every page
 * parses (issue 14: ≤ 60 KB gzipped). In a build they become empty strings; tests and the eval
 * read the sources and keep them.
 */
const RULE_MODULES = /[\\/]core[\\/](match|arabic)[\\/][^\\/]+\.ts$/;
/** Notes no code reads: a rule's description and examples, a blocked sense's example, a club table row's club and source. */
const NOTE_KEYS = new Set(['description', 'example', 'senseExample', 'club', 'source']);

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

/** A value made only of strings: a literal, a template without expressions, or their concatenation. */
function isText(node: Node): boolean {
  if (node.type === 'Literal') return typeof node['value'] === 'string';
  if (node.type === 'TemplateLiteral') return (node['expressions'] as unknown[]).length === 0;
  if (node.type === 'BinaryExpression' && node['operator'] === '+') return isText(node['left'] as Node) && isText(node['right'] as Node);
  return false;
}

/** The source ranges of every `description:` / `example:` property whose value is only text. */
export function noteRanges(ast: Node): [number, number][] {
  const out: [number, number][] = [];
  const visit = (node: Node): void => {
    if (node.type === 'Property') {
      const key = node['key'] as Node;
      const name = key.type === 'Identifier' ? (key['name'] as string) : key.type === 'Literal' ? String(key['value']) : '';
      const value = node['value'] as Node;
      if (!node['computed'] && NOTE_KEYS.has(name) && isText(value)) {
        out.push([value.start, value.end]);
        return;
      }
    }
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) for (const c of child) isNode(c) && visit(c);
      else if (isNode(child)) visit(child);
    }
  };
  visit(ast);
  return out;
}

export function stripRuleNotes(): Plugin {
  return {
    name: 'khabar:strip-rule-notes',
    enforce: 'post',
    apply: 'build',
    transform(code, id) {
      if (!RULE_MODULES.test(id.split('?')[0]!)) return null;
      const ranges = noteRanges(this.parse(code) as unknown as Node).sort((a, b) => b[0] - a[0]);
      if (ranges.length === 0) return null;
      let out = code;
      for (const [start, end] of ranges) out = `${out.slice(0, start)}""${out.slice(end)}`;
      return { code: out, map: null };
    },
  };
}
