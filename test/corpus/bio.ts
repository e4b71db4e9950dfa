/**
 * Reading ANERcorp's development part (../shared/anercorp/train.bio, see its README) into
 * sentences: tokens joined with spaces, each token's offsets kept, gold LOC/ORG spans.
 * Shared by the evaluation test and the benchmark (no test runner imported here).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const IN_SHARED = ['shared', 'anercorp', 'train.bio'];

/** The checkout a local clone was made from (`git clone /work/main /tmp/x`), if it is one. */
function originCheckout(): string | undefined {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return isAbsolute(url) && existsSync(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The main checkout a linked worktree (`git worktree add ../wt/x`) belongs to, if it is one. */
function mainCheckout(): string | undefined {
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    return common.endsWith('.git') ? dirname(common) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * ../shared next to this checkout, or next to the checkout it was cloned from when it is a local
 * clone somewhere else, or next to the main checkout when this is a linked worktree; the first
 * when none holds it (the test then says where it looked).
 */
export const ANERCORP = ((): string => {
  const here = join(REPO_ROOT, '..', ...IN_SHARED);
  if (existsSync(here)) return here;
  for (const checkout of [originCheckout(), mainCheckout()]) {
    const there = checkout && join(checkout, '..', ...IN_SHARED);
    if (there && existsSync(there)) return there;
  }
  return here;
})();

export interface Span {
  start: number;
  end: number;
  label: string;
}

export interface Sentence {
  text: string;
  tokens: { start: number; end: number; tag: string }[];
  /** LOC and ORG spans (B- then I- of the same label). */
  gold: Span[];
}

/** `token TAG` lines, a blank line after each sentence; a token may itself hold a space. */
export function readBio(path: string): Sentence[] {
  const sentences: Sentence[] = [];
  let tokens: { text: string; tag: string }[] = [];
  const flush = () => {
    if (tokens.length === 0) return;
    let text = '';
    const spans: { start: number; end: number; tag: string }[] = [];
    for (const t of tokens) {
      if (text) text += ' ';
      spans.push({ start: text.length, end: text.length + t.text.length, tag: t.tag });
      text += t.text;
    }
    const gold: Span[] = [];
    let open: Span | undefined;
    for (const s of spans) {
      const [bio, label] = s.tag.split('-') as [string, string | undefined];
      if (bio === 'I' && open && open.label === label) {
        open.end = s.end;
        continue;
      }
      open = undefined;
      if ((bio === 'B' || bio === 'I') && (label === 'LOC' || label === 'ORG')) {
        open = { start: s.start, end: s.end, label };
        gold.push(open);
      }
    }
    sentences.push({ text, tokens: spans, gold });
    tokens = [];
  };
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    const at = line.lastIndexOf(' ');
    tokens.push(at < 0 ? { text: line, tag: 'O' } : { text: line.slice(0, at), tag: line.slice(at + 1).trim() || 'O' });
  }
  flush();
  return sentences;
}
