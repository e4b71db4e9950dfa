/**
 * The sentence of the page a name stands in, for the card's "copy sentence": the text of the
 * name's block (paragraph, list item, heading, cell) cut at the sentence ends around it. Arabic
 * ends sentences with . ! ؟ and often with ؛ or a line break; the Arabic comma does not end one.
 */
const SENTENCE_END = /[.!?؟؛;\n]/;

const BLOCK = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TD', 'TH', 'DD', 'DT', 'BLOCKQUOTE', 'FIGCAPTION', 'ARTICLE', 'SECTION', 'DIV', 'BODY']);

/** The sentence of `text` that holds [start, end), trimmed; the whole text when it has no ends. */
export function sentenceAt(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = Math.max(end, start);
  while (to < text.length && !SENTENCE_END.test(text[to]!)) to++;
  if (to < text.length && text[to] !== '\n') to++; // keep the sentence's own full stop
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

/** The sentence around a name whose text starts at `node`/`offset` and runs `length` characters. */
export function sentenceAround(node: Node, offset: number, length: number): string {
  let block: Node | null = node.parentNode;
  while (block && !(block.nodeType === Node.ELEMENT_NODE && BLOCK.has((block as Element).tagName.toUpperCase()))) {
    if (block.nodeType !== Node.ELEMENT_NODE) break; // a shadow root: stop at its top
    block = block.parentNode;
  }
  const root = block ?? node.parentNode;
  if (!root) return '';
  const doc = node.ownerDocument;
  if (!doc) return '';
  const before = doc.createRange();
  before.setStart(root, 0);
  before.setEnd(node, offset);
  const start = before.toString().length;
  return sentenceAt(root.textContent ?? '', start, start + length);
}
