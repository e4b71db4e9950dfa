// @vitest-environment happy-dom
/**
 * The reader's corrections on a page (entrypoints/content/corrections.ts with the real scanner):
 * a corrected word is never placed, a correction stored elsewhere (another tab, the options page)
 * takes its highlights off at once, and removing it brings them back, without a new session.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageCorrections } from '../../entrypoints/content/corrections.ts';
import type { Correction } from '../../lib/corrections.ts';
import { addCorrection, loadCorrections, removeCorrection } from '../../lib/corrections-store.ts';
import { CORRECTIONS_KEY } from '../../lib/storage-keys.ts';
import type { PageNames } from '../../lib/messages.ts';
import { Highlighter, highlightName } from '../../page/highlighter.ts';
import { MentionIndex } from '../../page/mention-index.ts';
import { Scanner } from '../../page/scanner.ts';
import { installHighlightApi, testMatcher } from './helpers.ts';

let registry: Map<string, Set<AbstractRange>>;
const stops: (() => void)[] = [];

function placeTexts(): string[] {
  return [...(registry.get(highlightName('place')) ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
}

async function session(host: string) {
  const matcher = testMatcher();
  const corrections = new PageCorrections(() => matcher);
  corrections.start(host, await loadCorrections());
  const index = new MentionIndex();
  const highlighter = new Highlighter(document);
  const reports: PageNames[] = [];
  const scanner = new Scanner({ doc: document, matcher, index, highlighter, debounceMs: 10, accept: corrections.accepts });
  stops.push(() => scanner.stop());
  stops.push(corrections.watch(() => ({ scanner, index, highlighter }), (n) => reports.push(n)));
  await scanner.start();
  return { corrections, index, scanner, reports };
}

const damascus = (host: string | null, over: Partial<Correction> = {}): Correction => ({
  surface: 'دمشق',
  entityId: 'place:damascus',
  host,
  text: 'دمشق',
  entityName: 'دمشق',
  at: Date.now(),
  ...over,
});

/** Resolves once the condition holds (storage events and rescans are asynchronous). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeEach(() => {
  fakeBrowser.reset();
  registry = installHighlightApi();
  document.body.innerHTML = '<p>وصل الوفد من دمشق إلى بغداد، ثم عاد إلى دمشق.</p><p>قصف قرب البوكمال.</p>';
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('corrections on a page', () => {
  it('a stored correction for this site: the word is never placed; other names are', async () => {
    await addCorrection(damascus('news.example'));
    const { index } = await session('www.news.example');
    expect(placeTexts().sort()).toEqual(['البوكمال', 'بغداد']);
    expect(index.counts()['place:damascus']).toBeUndefined();
  });

  it("another site's correction does not apply here", async () => {
    await addCorrection(damascus('other.example'));
    await session('news.example');
    expect(placeTexts().filter((t) => t === 'دمشق')).toHaveLength(2);
  });

  it('a correction made elsewhere applies live, and its removal brings the highlights back', async () => {
    const { index, reports } = await session('news.example');
    expect(placeTexts().filter((t) => t === 'دمشق')).toHaveLength(2);
    const everywhere = damascus(null);
    await addCorrection(everywhere);
    await until(() => !placeTexts().includes('دمشق'), 'the highlights to go');
    expect(placeTexts().sort()).toEqual(['البوكمال', 'بغداد']);
    expect(index.counts()['place:damascus']).toBeUndefined();
    expect(reports.at(-1)?.['place:damascus']).toBeUndefined();
    await removeCorrection(everywhere);
    await until(() => placeTexts().filter((t) => t === 'دمشق').length === 2, 'the highlights to come back');
    expect(index.counts()['place:damascus']).toBe(2);
  });

  it("the card's actions store the matcher's form of the word, and undo removes it", async () => {
    const { corrections } = await session('news.example');
    const c = await corrections.hide({ entityId: 'place:damascus', text: 'دِمَشق' }, 'دمشق', 'host');
    expect(c).toMatchObject({ surface: 'دمشق', host: 'news.example', entityId: 'place:damascus', text: 'دِمَشق' });
    expect(await loadCorrections()).toHaveLength(1);
    await until(() => !placeTexts().includes('دمشق'), 'the highlights to go');
    await corrections.undo(c);
    expect(await loadCorrections()).toEqual([]);
    await until(() => placeTexts().includes('دمشق'), 'the highlights to come back');
  });

  it('junk stored under the key is no correction and breaks nothing', async () => {
    await fakeBrowser.storage.local.set({ [CORRECTIONS_KEY]: { surface: 'دمشق' } });
    await session('news.example');
    expect(placeTexts()).toContain('دمشق');
    await fakeBrowser.storage.local.set({ [CORRECTIONS_KEY]: [null, 7, { surface: 'دمشق', entityId: 'place:damascus', host: null }] });
    await until(() => !placeTexts().includes('دمشق'), 'the valid one to apply');
  });
});
