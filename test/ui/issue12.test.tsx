// @vitest-environment happy-dom
/**
 * Issue 12 in the extension's pages and the card: the shortcuts listed (commands.getAll), the
 * global pause in the popup, why a search found nothing, the first-mention option and the style
 * preview in options, the welcome page, and the card's actions and related names.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CardActions } from '../../components/CardActions.tsx';
import { EntityCard } from '../../components/EntityCard.tsx';
import { sampleCss } from '../../components/HighlightSample.tsx';
import { displayShortcut } from '../../components/Shortcuts.tsx';
import { searchWhyNoneText } from '../../components/SearchWhyNone.tsx';
import { OptionsApp } from '../../entrypoints/options/App.tsx';
import { PopupApp } from '../../entrypoints/popup/App.tsx';
import { WelcomeApp } from '../../entrypoints/welcome/App.tsx';
import { cardData } from '../../db/queries.ts';
import { DB_NAME, openDatabase } from '../../db/database.ts';
import { isPaused, setPaused } from '../../lib/pause.ts';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, saveSettings } from '../../lib/settings.ts';
import { installBackground, openPages, resetBrowser, seedDatabase } from './helpers.ts';

const SHORTCUTS = [
  { name: 'next-name', shortcut: 'Alt+.', description: '' },
  { name: 'prev-name', shortcut: 'Alt+,', description: '' },
  { name: 'focus-card', shortcut: '', description: '' },
  { name: 'toggle-pause', shortcut: 'Alt+K', description: '' },
  { name: '_execute_action', shortcut: '', description: '' },
];

beforeEach(async () => {
  await seedDatabase();
  installBackground();
  await openPages([{ tabId: 1, url: 'https://news.example.com/a', title: 'خبر', names: { 'place:albukamal': 2 } }], 1);
  (fakeBrowser as unknown as { commands: { getAll: () => Promise<unknown[]> } }).commands.getAll = async () => SHORTCUTS;
});
afterEach(() => {
  cleanup();
  resetBrowser();
});

describe('popup', () => {
  it('lists the shortcuts as the browser has them, a removed one as not set', async () => {
    render(<PopupApp />);
    const list = await screen.findByTestId('shortcuts');
    const rows = [...list.querySelectorAll('[data-command]')];
    expect(rows.map((r) => r.getAttribute('data-command'))).toEqual(['next-name', 'prev-name', 'focus-card', 'toggle-pause']);
    expect(rows[0]!.querySelector('kbd')?.textContent).toBe('Alt+.');
    expect(rows[0]!.textContent).toContain('الاسم التالي');
    expect(rows[2]!.textContent).toContain('غير مضبوط');
  });

  it('pauses and resumes everywhere, and says when paused', async () => {
    render(<PopupApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'إيقاف مؤقت على كل المواقع' }));
    await waitFor(async () => expect(await isPaused()).toBe(true));
    expect(await screen.findByText('متوقفة مؤقتًا على كل المواقع: لا تُبرز أي أسماء.')).toBeTruthy();
    // The shortcut (or the card) resumes: the popup follows.
    await setPaused(false);
    expect(await screen.findByRole('button', { name: 'إيقاف مؤقت على كل المواقع' })).toBeTruthy();
  });

  it('says why a search found nothing: the name is not in the sources, and what they cover', async () => {
    render(<PopupApp />);
    const box = await screen.findByRole('combobox');
    await waitFor(() => expect(document.querySelector('[role=status]')?.textContent ?? '').not.toMatch(/تجهيز/));
    fireEvent.input(box, { target: { value: 'حلب' } });
    const why = await screen.findByTestId('search-why');
    expect(why.textContent).toContain('«حلب» ليس في المصادر');
    expect(why.textContent).toContain('2017');
  });
});

describe('shortcut labels', () => {
  it.each([
    ['Alt+Period', 'Alt+.'],
    ['Alt+Comma', 'Alt+,'],
    ['MacCtrl+Shift+K', 'Ctrl+Shift+K'],
    ['Alt+K', 'Alt+K'],
  ])('%s reads %s', (raw, shown) => {
    expect(displayShortcut(raw)).toBe(shown);
  });
});

describe('why nothing was found', () => {
  it.each([
    ['Aleppo', 'en', '“Aleppo” is not in the sources'],
    ['x', 'en', 'at least two letters'],
    ['  ', 'ar', 'حرفين على الأقل'],
  ] as const)('%j (%s)', (q, lang, expected) => {
    expect(searchWhyNoneText(q, lang)).toContain(expected);
  });
});

describe('options', () => {
  it('stores the first-mention-only mode', async () => {
    render(<OptionsApp />);
    const box = (await screen.findByTestId('first-mention-only')) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(async () => expect((await loadSettings()).firstMentionOnly).toBe(true));
    expect(parseSettings({ firstMentionOnly: 'yes' }).firstMentionOnly).toBe(false);
  });

  it('previews the chosen styles on a sample Arabic sentence', async () => {
    render(<OptionsApp />);
    const sample = await screen.findByTestId('highlight-sample');
    expect(sample.getAttribute('dir')).toBe('rtl');
    const place = sample.querySelector('[data-category="place"]')!;
    expect(place.getAttribute('data-style')).toBe('both');
    await saveSettings({ styles: { ...DEFAULT_SETTINGS.styles, place: 'underline' } });
    await waitFor(() => expect(sample.querySelector('[data-category="place"]')!.getAttribute('data-style')).toBe('underline'));
    // The preview's CSS is the page's: underline only means the place background goes.
    expect(sampleCss({ ...DEFAULT_SETTINGS.styles, place: 'underline' })).toContain('::highlight(khabar-place) { background-color: transparent; }');
    expect(sampleCss(DEFAULT_SETTINGS.styles)).not.toContain('transparent');
  });
});

describe('welcome page', () => {
  it('is Arabic by default and says what the coverage is, how to use it, the keys, and privacy', async () => {
    render(<WelcomeApp />);
    const coverage = await screen.findByTestId('welcome-coverage');
    expect(document.documentElement.dir).toBe('rtl');
    expect(coverage.textContent).toContain('خمس مقالات');
    expect(coverage.textContent).toContain('2017');
    expect(coverage.textContent).toContain('الحدود السورية العراقية');
    expect(await screen.findByTestId('shortcuts')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'الخصوصية' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(screen.getByTestId('welcome-coverage').textContent).toContain('five Arabic news articles of October–November 2017'));
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
  });
});

describe('card actions', () => {
  it('pin, copy name and sentence, source, off here, pause, settings each reach their handler', async () => {
    const calls: string[] = [];
    const copy = vi.fn(async (text: string) => void calls.push(`copy:${text}`));
    render(
      <CardActions
        lang="en"
        pinned={false}
        name="البوكمال"
        sentence="دخل الجيش البوكمال."
        articleId="001"
        onPin={() => calls.push('pin')}
        copy={copy}
        onOpenSource={(id) => calls.push(`source:${id}`)}
        onSiteOff={() => calls.push('off')}
        onPause={() => calls.push('pause')}
        onSettings={() => calls.push('settings')}
      />,
    );
    for (const name of ['Pin', 'Copy name', 'Copy sentence', 'Read the source in the side panel', 'Turn off on this site', 'Pause everywhere', 'Settings']) {
      fireEvent.click(screen.getByRole('button', { name }));
    }
    expect(calls).toEqual(['pin', 'copy:البوكمال', 'copy:دخل الجيش البوكمال.', 'source:001', 'off', 'pause', 'settings']);
    expect(await screen.findByText('Copied')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pin' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('related names are buttons that open their own card', async () => {
    const data = await cardData(openDatabase(DB_NAME), 'place:albukamal');
    expect(data!.related.length).toBeGreaterThan(0);
    const opened: string[] = [];
    render(<EntityCard {...data!} lang="ar" onOpenRelated={(id) => opened.push(id)} />);
    const first = data!.related.find((r) => r.kind !== 'person' && r.kind !== 'outlet')!;
    fireEvent.click(screen.getByRole('button', { name: first.name }));
    expect(opened).toEqual([first.id]);
  });
});
