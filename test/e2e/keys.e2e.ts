/**
 * The keyboard and the first-run experience in real Chromium (issue 12): the shortcuts are manifest
 * commands with defaults that are not the Windows layout-switch chord (Alt+Shift); a command
 * delivered through the background's own handler steps to a name and opens its card; Tab carries
 * focus into the open card, through its buttons to a related name that opens its own card, and
 * Escape closes it and returns focus to where it was; the global pause empties the page and says
 * so on the badge; the card's "turn off on this site" switches the site off; the welcome page opens
 * on install and says what the data covers; "first mention only" paints one mention per name.
 *
 * No test can press a browser shortcut (CDP key events go to the page, not to the browser's
 * accelerators), so commands go through Harness.command: the background's command handler, the
 * same function commands.onCommand calls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_GRACE_MS, HOST_ELEMENT_NAME } from '../../lib/constants.ts';
import { readArticles } from './fixtures/make-pages.ts';
import { EXTENSION_DIR, Harness, waitFor } from './harness.ts';
import { scanLineOf } from './tasks.ts';

declare const chrome: typeof import('wxt/browser').Browser;

let h: Harness;
let page: Page;
const articleId = readArticles()[0]!.meta.id;

beforeAll(async () => {
  h = await Harness.launch();
  await h.waitForReady();
});

afterAll(async () => {
  await h?.close();
});

function highlightCounts(p: Page): Promise<Record<string, number>> {
  return p.evaluate(() => {
    const out: Record<string, number> = {};
    for (const k of ['place', 'group', 'person', 'outlet', 'current']) out[k] = CSS.highlights.get(`khabar-${k}`)?.size ?? 0;
    return out;
  });
}

const painted = (c: Record<string, number>) => c['place']! + c['group']! + c['person']! + c['outlet']!;

/** The open card's name (h2), or null. */
function cardName(p: Page): Promise<string | null> {
  return p.evaluate((host) => document.querySelector(host)?.shadowRoot?.querySelector('.khabar-card h2')?.textContent ?? null, HOST_ELEMENT_NAME);
}

/** Where focus is: 'card:<class or tag>' inside the card's shadow root, else the page element's tag and text. */
function focusAt(p: Page): Promise<string> {
  return p.evaluate((host) => {
    const root = document.querySelector(host)?.shadowRoot;
    const inCard = root?.activeElement;
    if (inCard) return `card:${inCard.getAttribute('data-action') ?? inCard.className ?? inCard.tagName}`;
    const el = document.activeElement;
    return `page:${el?.tagName.toLowerCase()}:${el?.textContent?.trim().slice(0, 40) ?? ''}`;
  }, HOST_ELEMENT_NAME);
}

/** Evaluate in the real side panel (a target, not a tab) over CDP; undefined when it is not open. */
async function inSidePanel(via: Page, expression: string): Promise<unknown> {
  const cdp = await h.context.newCDPSession(via);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
    const target = targetInfos.find((t) => t.url.startsWith(`${h.extensionOrigin}/sidepanel.html`));
    if (!target) return undefined;
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    const answer = new Promise<unknown>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
        const m = JSON.parse(e.message) as { id?: number; result?: { result?: { value?: unknown } } };
        if (m.id === 1) resolve(m.result?.result?.value);
      });
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }),
    });
    return await answer;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

async function openArticle(): Promise<Page> {
  const p = await h.context.newPage();
  await p.goto(h.url(`/article/${encodeURIComponent(articleId)}.html`));
  await waitFor(async () => (painted(await highlightCounts(p)) > 0 ? true : undefined), { what: 'the article highlighted', timeout: 30_000 });
  return p;
}

describe('the shortcuts', () => {
  it('are manifest commands, and none of their default keys is an Alt+Shift chord', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      commands?: Record<string, { description: string; suggested_key?: { default: string; mac?: string } }>;
    };
    const commands = manifest.commands ?? {};
    expect(Object.keys(commands).sort()).toEqual(['focus-card', 'next-name', 'prev-name', 'toggle-pause']);
    for (const c of Object.values(commands)) {
      expect(c.description).toMatch(/^__MSG_\w+__$/);
      if (!c.suggested_key) continue;
      for (const key of Object.values(c.suggested_key)) {
        const parts = key.split('+');
        expect(parts.includes('Alt') && parts.includes('Shift'), key).toBe(false);
      }
    }
    expect(commands['next-name']?.suggested_key?.default).toBe('Alt+Period');
  });

  it('are bound in the browser (commands.getAll) and listed in the popup', async () => {
    const sw = await h.serviceWorker();
    const all = await sw.evaluate(() => chrome.commands.getAll());
    const next = all.find((c) => c.name === 'next-name');
    expect(next?.shortcut).toBeTruthy();
    const popup = await h.context.newPage();
    await popup.goto(`${h.extensionOrigin}/popup.html`);
    const listed = popup.locator('[data-testid="shortcuts"] [data-command]');
    await expect.poll(() => listed.count()).toBe(4);
    expect(await popup.locator('[data-command="next-name"] kbd').textContent()).toBe(next!.shortcut!.replace("Period", "."));
    await popup.close();
  });
});

describe('the card from the keyboard', () => {
  beforeAll(async () => {
    page = await openArticle();
  });

  it('next-name steps to a name and opens its card; Tab moves into the card; Escape returns focus', async () => {
    // The reader is on a link of the page.
    await page.locator('a.logo').focus();
    const before = await focusAt(page);
    expect(before).toMatch(/^page:a:/);
    expect((await h.command('next-name', page)).ok).toBe(true);
    await waitFor(async () => ((await cardName(page)) ? true : undefined), { what: 'the card opened by the command' });
    expect((await highlightCounts(page))['current']).toBe(1);
    // Opening did not take focus away from the page…
    expect(await focusAt(page)).toBe(before);
    // …Tab brings it into the card (not to the page's next link).
    await page.keyboard.press('Tab');
    expect(await focusAt(page)).toMatch(/^card:.*khabar-card/);
    // The card scrolls from the keyboard when it overflows.
    const scroll = await page.evaluate((host) => {
      const card = document.querySelector(host)!.shadowRoot!.querySelector('.khabar-card') as HTMLElement;
      return { overflows: card.scrollHeight > card.clientHeight + 4 };
    }, HOST_ELEMENT_NAME);
    if (scroll.overflows) {
      await page.keyboard.press('PageDown');
      await waitFor(
        () =>
          page.evaluate((host) => ((document.querySelector(host)!.shadowRoot!.querySelector('.khabar-card') as HTMLElement).scrollTop > 0 ? true : undefined), HOST_ELEMENT_NAME),
        { what: 'the card to scroll' },
      );
    }
    // Tab on through the card's buttons to a related name, and follow it: its own card opens.
    const first = await cardName(page);
    let at = '';
    for (let i = 0; i < 40 && !at.includes('kc-rel-open'); i++) {
      await page.keyboard.press('Tab');
      at = await focusAt(page);
      expect(at).toMatch(/^card:/); // focus stays in the card while tabbing
    }
    expect(at).toContain('kc-rel-open');
    const target = await page.evaluate((host) => document.querySelector(host)!.shadowRoot!.activeElement!.textContent, HOST_ELEMENT_NAME);
    await page.keyboard.press('Enter');
    await waitFor(async () => ((await cardName(page)) !== first ? true : undefined), { what: 'the related name to open its card' });
    expect(await cardName(page)).toBeTruthy();
    expect(target).toBeTruthy();
    // Focus followed into the new card; Escape closes it and puts focus back on the link.
    expect(await focusAt(page)).toMatch(/^card:/);
    await page.keyboard.press('Escape');
    await waitFor(async () => ((await cardName(page)) === null ? true : undefined), { what: 'Escape to close the card' });
    expect(await focusAt(page)).toBe(before);
  });

  it('prev-name steps back, and focus-card moves focus into the open card', async () => {
    await h.command('next-name', page);
    await waitFor(async () => ((await cardName(page)) ? true : undefined), { what: 'a card' });
    const a = await page.evaluate(() => {
      const r = [...(CSS.highlights.get('khabar-current') as unknown as Set<AbstractRange>)][0]!;
      return `${r.startOffset}:${(r.startContainer as Text).data.slice(r.startOffset, r.endOffset)}`;
    });
    await h.command('next-name', page);
    await h.command('prev-name', page);
    const b = await page.evaluate(() => {
      const r = [...(CSS.highlights.get('khabar-current') as unknown as Set<AbstractRange>)][0]!;
      return `${r.startOffset}:${(r.startContainer as Text).data.slice(r.startOffset, r.endOffset)}`;
    });
    expect(b).toBe(a);
    expect((await h.command('focus-card', page)).ok).toBe(true);
    expect(await focusAt(page)).toMatch(/^card:/);
    await page.keyboard.press('Escape');
    await waitFor(async () => ((await cardName(page)) === null ? true : undefined), { what: 'Escape to close the card' });
  });

  it('toggle-pause pauses every page (badge says so) and resumes it', async () => {
    const on = await h.command('toggle-pause');
    expect(on).toMatchObject({ ok: true, paused: true });
    await waitFor(async () => (painted(await highlightCounts(page)) === 0 ? true : undefined), { what: 'the page to lose its highlights' });
    await waitFor(async () => ((await h.badgeText(page)) === 'off' ? true : undefined), { what: 'the paused badge' });
    // Paused: the shortcut does nothing on the page.
    expect((await h.command('next-name', page)).ok).toBe(false);
    const off = await h.command('toggle-pause');
    expect(off).toMatchObject({ ok: true, paused: false });
    await waitFor(async () => (painted(await highlightCounts(page)) > 0 ? true : undefined), { what: 'the highlights back', timeout: 30_000 });
    await waitFor(async () => (/^\d+$/.test(await h.badgeText(page)) ? true : undefined), { what: 'the count on the badge again' });
  });

  it('a pinned card stays when the pointer leaves; the source opens in the side panel', async () => {
    await h.command('next-name', page);
    await waitFor(async () => ((await cardName(page)) ? true : undefined), { what: 'a card' });
    const pin = page.locator(`${HOST_ELEMENT_NAME} [data-action="pin"]`);
    await pin.click();
    expect(await pin.getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: '/tmp/keys-card-pinned.png' });
    // The pointer engaged with the card (the click), then leaves it for the page's far corner.
    await page.mouse.move(3, 3, { steps: 5 });
    await page.waitForTimeout(CLOSE_GRACE_MS * 3);
    expect(await cardName(page)).toBeTruthy();
    // The first source, in the side panel's reader: the request reaches the background and the panel opens.
    const source = page.locator(`${HOST_ELEMENT_NAME} [data-action="open-source"]`);
    await source.click();
    const sw = await h.serviceWorker();
    const request = await waitFor(
      () => sw.evaluate(async () => (await chrome.storage.session.get('reader.request'))['reader.request'] as { articleId: string } | undefined),
      { what: 'the reader request' },
    );
    expect(request.articleId).toMatch(/^\w+$/);
    // sidePanel.open, called from the click's message, was allowed, and the panel shows that source's text.
    const shown = await waitFor(
      async () => ((await inSidePanel(page, `document.querySelector('.reader-text')?.textContent?.length ?? 0`)) as number) || undefined,
      { what: 'the side panel to show the source in its reader', timeout: 15_000 },
    );
    expect(shown).toBeGreaterThan(100);
    expect(h.console.filter((c) => c.text.includes('opening the source'))).toEqual([]);
    await page.keyboard.press('Escape'); // focus is on the card's button: Escape there closes it
    await waitFor(async () => ((await cardName(page)) === null ? true : undefined), { what: 'the pinned card to close on Escape' });
  });

  it("the card's 'turn off on this site' switches the site off", async () => {
    await h.command('next-name', page);
    await waitFor(async () => ((await cardName(page)) ? true : undefined), { what: 'a card' });
    await page.evaluate((host) => {
      (document.querySelector(host)!.shadowRoot!.querySelector('[data-action="site-off"]') as HTMLButtonElement).click();
    }, HOST_ELEMENT_NAME);
    const host = new URL(page.url()).hostname;
    await waitFor(async () => ((await h.send({ type: 'getSiteEnabled', host })).enabled === false ? true : undefined), { what: 'the site switched off' });
    await waitFor(async () => (painted(await highlightCounts(page)) === 0 ? true : undefined), { what: 'the page to lose its highlights' });
    await h.send({ type: 'setSiteEnabled', host, enabled: true });
    await waitFor(async () => (painted(await highlightCounts(page)) > 0 ? true : undefined), { what: 'the highlights back', timeout: 30_000 });
  });
});

describe('first mention only', () => {
  it('paints one mention per name, keeps them all on the badge, and paints all again when switched off', async () => {
    const p = page;
    // The page as a reader opens it, scanned to the end (the session's 'scanned' line): the count
    // of every mention is read from a finished scan, not from one still under way.
    const scanned = new Promise<void>((ok) => {
      const onConsole = (m: ConsoleMessage) => {
        if (!scanLineOf(m.text())) return;
        p.off('console', onConsole);
        ok();
      };
      p.on('console', onConsole);
    });
    await p.reload();
    await scanned;
    const all = painted(await highlightCounts(p));
    const distinct = Object.keys(await h.send({ type: 'getTabNames', tabId: await h.tabId(p) })).length;
    expect(all).toBeGreaterThan(distinct); // the article names some places more than once
    const ext = await h.extensionPage();
    const setFirstOnly = (on: boolean) =>
      ext.evaluate(async (v) => {
        const stored = (await chrome.storage.local.get('settings'))['settings'] ?? {};
        await chrome.storage.local.set({ settings: { ...(stored as object), firstMentionOnly: v } });
      }, on);
    await setFirstOnly(true);
    await waitFor(async () => (painted(await highlightCounts(p)) === distinct ? true : undefined), { what: 'one highlight per name' });
    // The first mention of each: every painted range is the earliest of its text on the page.
    expect(Object.keys(await h.send({ type: 'getTabNames', tabId: await h.tabId(p) })).length).toBe(distinct);
    // A fresh page load paints one per name from the start.
    await p.reload();
    await waitFor(async () => (painted(await highlightCounts(p)) === distinct ? true : undefined), { what: 'one highlight per name after a reload', timeout: 30_000 });
    await setFirstOnly(false);
    await waitFor(async () => (painted(await highlightCounts(p)) === all ? true : undefined), { what: 'every mention painted again' });
  });
});

describe('the welcome page', () => {
  it('opens on install, in Arabic, and says what the coverage is', async () => {
    const welcome = await waitFor(async () => h.context.pages().find((p) => p.url().endsWith('/welcome.html')), { what: 'the welcome tab' });
    await welcome.waitForLoadState();
    await expect.poll(() => welcome.evaluate(() => `${document.documentElement.lang}/${document.documentElement.dir}`)).toBe('ar/rtl');
    const coverage = await welcome.locator('[data-testid="welcome-coverage"]').textContent();
    expect(coverage).toContain('2017');
    expect(coverage).toContain('خمس مقالات');
    expect(coverage).toContain('الحدود السورية العراقية');
    await expect.poll(() => welcome.locator('[data-testid="shortcuts"] [data-command]').count()).toBe(4);
    // The sample sentence is painted by the real highlight rules.
    expect(await welcome.evaluate(() => CSS.highlights.get('khabar-place')?.size ?? 0)).toBeGreaterThan(0);
    expect(h.pageErrors.filter((e) => e.pageUrl.startsWith(h.extensionOrigin))).toEqual([]);
  });
});

it('made no request outside the machine', () => {
  expect(h.foreignRequests().filter((r) => !r.url.startsWith('chrome-extension://'))).toEqual([]);
});
