/**
 * The locale files as the built scripts carry them (scripts/locale-messages-plugin.ts): texts
 * without translators' notes, and in the content script only the messages its code names.
 */
import type { Plugin, ResolvedConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { keysReached, localeMessagesOnly } from '../../scripts/locale-messages-plugin.ts';

const KEYS = ['close', 'loading', 'kindArmy', 'kindTown', 'articleCount_one', 'articleCount_other', 'searchPlaceholder', 'closeAll'];

describe('keysReached: the rules', () => {
  it.each([
    ['a key as a string literal', "t('close', lang)", ['close']],
    ['in double quotes or backquotes too', 'a("loading"); b(`close`)', ['close', 'loading']],
    ['a template literal that starts a family of keys', 'const k = `kind${pascal(kind)}`', ['kindArmy', 'kindTown']],
    ['a plural base', "tn('articleCount', lang, n)", ['articleCount_one', 'articleCount_other']],
    ['not a key that is a part of a literal', "t('closeAllTabs'); x.close()", []],
    ['not a property name or an identifier', 'o.loading = close', []],
  ])('%s', (_what, code, expected) => {
    expect([...keysReached(code, KEYS)].sort()).toEqual(expected);
  });
});

type Hook<K extends keyof Plugin> = Extract<Plugin[K], (...args: never[]) => unknown>;

/** The plugin's hooks run as a build runs them: the locale file imported, then a chunk rendered. */
function build(command: 'build' | 'serve', messages: object, chunk: { fileName: string; code: string }) {
  const plugin = localeMessagesOnly();
  (plugin.configResolved as Hook<'configResolved'>).call(undefined as never, { command } as ResolvedConfig);
  const transformed = (plugin.transform as Hook<'transform'>).call(
    undefined as never,
    JSON.stringify(messages),
    '/repo/public/_locales/en/messages.json',
  ) as { code: string };
  // Vite's JSON plugin then makes a module of the JSON: its value is what the scripts import.
  const value = JSON.parse(transformed.code) as unknown;
  if (typeof value !== 'string') return value;
  const code = chunk.code.replace('MESSAGES', JSON.stringify(value));
  const rendered = (plugin.renderChunk as Hook<'renderChunk'>).call(undefined as never, code, { fileName: chunk.fileName } as never, {} as never, {} as never) as { code: string };
  // The chunk's value: `var m = (<the messages>);`.
  return JSON.parse(/^var m = \((\{.*?\})\);/.exec(rendered.code)![1]!) as unknown;
}

const MESSAGES = {
  close: { message: 'Close', description: 'The close button of the card.' },
  searchPlaceholder: { message: 'Search', description: 'The popup’s search box.' },
};

describe('localeMessagesOnly', () => {
  it('the content script carries the texts its code names, without the notes', () => {
    const chunk = { fileName: 'content-scripts/content.js', code: "var m = MESSAGES; t('close');" };
    expect(build('build', MESSAGES, chunk)).toEqual({ close: { message: 'Close' } });
  });

  it('the extension pages carry every text, without the notes', () => {
    const chunk = { fileName: 'chunks/popup-x.js', code: "var m = MESSAGES; t('close');" };
    expect(build('build', MESSAGES, chunk)).toEqual({ close: { message: 'Close' }, searchPlaceholder: { message: 'Search' } });
  });

  it('the dev server gets every text at once (no chunks are rendered)', () => {
    expect(build('serve', MESSAGES, { fileName: '', code: '' })).toEqual({ close: { message: 'Close' }, searchPlaceholder: { message: 'Search' } });
  });
});
