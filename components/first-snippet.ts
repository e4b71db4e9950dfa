/**
 * Which of an article's snippets the card shows under its headline: an article's lead often is
 * its headline, and the same sentence twice tells the reader nothing new.
 */
import type { Snippet } from '../core/types.ts';

/** Letters and digits only, for telling a snippet that merely repeats the headline. */
const bare = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The first snippet that says more than the headline above it: a snippet that is the headline (an
 * article's lead often repeats it) or a piece of it is skipped; none when every one is.
 */
export function firstSnippet(snippets: readonly Snippet[], headline: string): Snippet | undefined {
  const head = bare(headline);
  return snippets.find((s) => {
    const text = bare(s.text);
    return text.length > 0 && !head.includes(text) && !text.includes(head);
  });
}
