/**
 * An element's text as paragraphs: every block element (p, h2, li, blockquote, div, …) and every
 * <br> ends one, inline elements (a, strong, span) run on. Walks the tree with its own stack, so
 * a hostile page's deep nesting cannot overflow the call stack. Read-only.
 */

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);

/** Never text a reader reads. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA']);

/** Table cells of one row stay on one line, a space apart. */
const CELLS = new Set(['TD', 'TH']);

const ELEMENT = 1;
const TEXT = 3;

export function blockParagraphs(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/[\s\u00A0\u200B\uFEFF]+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  // Each entry: a node to enter, or (exit: true) a block element being left.
  const stack: { node: Node; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === TEXT) {
      current += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT && node !== root) continue;
    const tag = (node as Element).tagName?.toUpperCase() ?? '';
    if (exit) {
      if (BLOCKS.has(tag)) flush();
      else if (CELLS.has(tag)) current += ' ';
      continue;
    }
    if (SKIPPED.has(tag)) continue;
    if (BLOCKS.has(tag)) flush();
    stack.push({ node, exit: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
  }
  flush();
  return paragraphs;
}
