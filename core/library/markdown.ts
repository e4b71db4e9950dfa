/**
 * A Markdown file as plain paragraphs: its markup stripped, its words kept. Front matter (a
 * `---` block of `key: value` lines at the top, as Jekyll, Hugo and Obsidian write it) gives
 * title, date, outlet and url. Pure. Not a full CommonMark parser: the markup of notes and
 * articles (headings, emphasis, links, images, code, lists, quotes, tables), not every edge case.
 */

export interface MarkdownDocument {
  /** Lower-cased front-matter keys with their values, quotes removed. */
  front: Record<string, string>;
  /** The first heading's text, when the file has one. */
  heading?: string;
  paragraphs: string[];
}

function readFrontMatter(lines: string[]): { front: Record<string, string>; body: string[] } {
  if (lines[0]?.trim() !== '---') return { front: {}, body: lines };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return { front: {}, body: lines };
  const front: Record<string, string> = {};
  for (const line of lines.slice(1, end)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (m && m[2]!.trim() !== '') front[m[1]!.toLowerCase()] = m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { front, body: lines.slice(end + 1) };
}

/**
 * Inline markup, each rule with what it turns into what:
 *  ![خريطة](map.png)       → ''            (an image is not text)
 *  [البوكمال](https://…)    → البوكمال
 *  [نص][ref]               → نص
 *  <https://example.com>   → https://example.com
 *  `code`                  → code
 *  **قوي** __قوي__ *مائل* _مائل_ ~~محذوف~~ → the words
 *  <b>وسم</b>              → وسم           (inline HTML tags dropped)
 *  \*                      → *             (escapes)
 */
const INLINE: readonly [RegExp, string][] = [
  [/!\[[^\]]*\]\([^)]*\)/g, ''],
  [/!\[[^\]]*\]\[[^\]]*\]/g, ''],
  [/\[([^\]]*)\]\([^)]*\)/g, '$1'],
  [/\[([^\]]*)\]\[[^\]]*\]/g, '$1'],
  [/<((?:https?|mailto):[^>\s]+)>/g, '$1'],
  [/`+([^`]+)`+/g, '$1'],
  [/(\*\*\*|___)(?=\S)(.+?)(?<=\S)\1/g, '$2'],
  [/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2'],
  [/(?<![\p{L}\p{N}\\])([*_])(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}])/gu, '$2'],
  [/~~(?=\S)(.+?)(?<=\S)~~/g, '$1'],
  [/<\/?[A-Za-z][^>]*>/g, ''],
  [/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1'],
];

export function stripInline(text: string): string {
  return INLINE.reduce((s, [pattern, replacement]) => s.replace(pattern, replacement), text);
}

/**
 * Block markup, line by line:
 *  # عنوان / عنوان + ===  → its own paragraph (the first one is the document's heading)
 *  > اقتباس               → the quote's text
 *  - بند / 1. بند          → one paragraph per item
 *  | خلية | خلية |         → the cells, a space apart (the |---| row dropped)
 *  ```…```                → the code's lines, fences dropped
 *  ---, ***, [ref]: url   → nothing
 *  lines without a blank line between them → one paragraph
 */
export function readMarkdown(source: string): MarkdownDocument {
  const { front, body } = readFrontMatter(source.replace(/\r\n?/g, '\n').split('\n'));
  const paragraphs: string[] = [];
  let heading: string | undefined;
  let current: string[] = [];
  const flush = () => {
    const p = stripInline(current.join(' ')).replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = [];
  };
  const addHeading = (text: string) => {
    flush();
    const h = stripInline(text).replace(/\s+/g, ' ').trim();
    if (!h) return;
    if (heading === undefined) heading = h;
    else paragraphs.push(h);
  };
  let fence: string | undefined;
  let inQuote = false;
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    if (fence !== undefined) {
      if (line.trim().startsWith(fence)) fence = undefined;
      else if (line.trim()) paragraphs.push(line.trim());
      continue;
    }
    const fenceOpen = /^\s*(```|~~~)/.exec(line);
    if (fenceOpen) {
      flush();
      fence = fenceOpen[1];
      continue;
    }
    const atx = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) {
      addHeading(atx[1]!);
      continue;
    }
    if (current.length > 0 && /^\s{0,3}(=+|-+)\s*$/.test(line)) {
      const text = current.join(' ');
      current = [];
      addHeading(text);
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line) || /^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) {
      flush();
      continue;
    }
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table rule row
    if (line.trim() === '') {
      flush();
      continue;
    }
    const quote = line.replace(/^\s{0,3}(>\s?)+/, '');
    const quoted = quote !== line;
    if (quoted !== inQuote) flush(); // a quote is its own paragraph
    inQuote = quoted;
    const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(quote);
    if (item) {
      flush();
      current.push(item[1]!);
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(quote)) {
      flush();
      current.push(quote.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).join(' '));
      flush();
      continue;
    }
    current.push(quote.trim());
  }
  flush();
  return { front, ...(heading !== undefined ? { heading } : {}), paragraphs };
}
