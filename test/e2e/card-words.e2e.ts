/**
 * The content script carries only the messages its code names (scripts/locale-messages-plugin.ts,
 * issue 14's size budget): the hover card, its actions and its "not this?" choices, opened in
 * Arabic and in English in the built extension, show words, never a message's key (a key the
 * build dropped shows as itself: `noCoverage`, `coverageCount_few`).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import arMessages from '../../public/_locales/ar/messages.json';
import { HOST_ELEMENT_NAME } from '../../lib/constants.ts';
import { SETTINGS_KEY } from '../../lib/storage-keys.ts';
import { Harness, waitFor } from './harness.ts';

declare const chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: unknown): Promise<void> } } };

/** Keys no reader's text contains: camelCase or with a plural form (`notThis`, `mentionCount_one`). */
const KEYS = new Set(Object.keys(arMessages).filter((k) => /[A-Z_]/.test(k)));

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await Harness.launch();
  await h.waitForReady();
  page = await h.open('/article/000.html');
});

afterAll(async () => {
  await h?.close();
});

/** The first highlighted name of the article in view, by kind. */
function nameOf(p: Page, kind: 'place' | 'group') {
  return p.evaluate((k) => {
    for (const r of (CSS.highlights.get(`khabar-${k}`) as unknown as Iterable<AbstractRange> | undefined) ?? []) {
      const el = r.startContainer.parentElement;
      if (!el?.closest('article p')) continue;
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const rect = range.getClientRects()[0];
      if (rect && rect.width > 0) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return undefined;
  }, kind);
}

/** Every word the open card shows or says: its text, and its labels and titles. */
function cardWords(p: Page) {
  return p.evaluate((hostName) => {
    const root = document.querySelector(hostName)?.shadowRoot;
    const card = root?.querySelector<HTMLElement>('.khabar-card');
    if (!root || !card?.querySelector('h2')) return undefined;
    const attrs = [...root.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
    );
    const shown = [...root.children].filter((el) => el.localName !== 'style').map((el) => el.textContent ?? '');
    return { lang: card.getAttribute('lang'), text: [...shown, ...attrs].join(' ') };
  }, HOST_ELEMENT_NAME);
}

async function setLang(lang: 'ar' | 'en') {
  const sw = await h.serviceWorker();
  await sw.evaluate(
    async ([key, value]) => {
      const stored = (await chrome.storage.local.get(key))[key] as Record<string, unknown> | undefined;
      await chrome.storage.local.set({ [key]: { ...(stored ?? {}), lang: value } });
    },
    [SETTINGS_KEY, lang] as const,
  );
}

describe('the card in the built content script', () => {
  for (const lang of ['ar', 'en'] as const) {
    for (const kind of ['place', 'group'] as const) {
      it(`shows no message key (${lang}, a ${kind}), its "not this?" choices open`, async () => {
        await setLang(lang);
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
        await waitFor(async () => ((await cardWords(page)) === undefined ? true : undefined), { what: 'no card' });
        const at = await waitFor(() => nameOf(page, kind), { what: `a highlighted ${kind}`, timeout: 30_000 });
        await page.mouse.move(at.x + 60, at.y + 45);
        await page.mouse.move(at.x, at.y, { steps: 6 });
        await waitFor(async () => ((await cardWords(page))?.lang === lang ? true : undefined), { what: `the card in ${lang}` });
        // The choices of "not this?" (a disclosure inside the card).
        await page.evaluate(
          ([hostName, label]) => {
            const root = document.querySelector(hostName)?.shadowRoot;
            const button = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);
            button?.click();
          },
          [HOST_ELEMENT_NAME, (lang === 'ar' ? arMessages.notThis : { message: 'Not this?' }).message] as const,
        );
        const words = (await cardWords(page))!;
        // Substrings: the card runs words of both scripts together ('2017coverageCount_other').
        const keys = [...KEYS].filter((key) => words.text.includes(key));
        expect({ lang, kind, keys }).toEqual({ lang, kind, keys: [] });
        expect(words.text.length).toBeGreaterThan(40);
      });
    }
  }
});
