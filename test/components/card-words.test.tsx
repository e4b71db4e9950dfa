// @vitest-environment happy-dom
/**
 * The card's words and structure as a reader meets them (issue 12): names isolated from the text
 * of the other direction (<bdi>), the English name under the Arabic one, counts in the right plural
 * form, the coverage period, no snippet that repeats the headline, an outlet's published sources,
 * reader wording for an estimated date, and no banner landmark.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleDate } from '../../components/ArticleMeta.tsx';
import { EntityCard } from '../../components/EntityCard.tsx';
import { firstSnippet } from '../../components/first-snippet.ts';
import { Message } from '../../components/Message.tsx';
import type { Snippet } from '../../core/types.ts';
import type { ArticleSummary, CardData } from '../../lib/messages.ts';

const HEADLINE = 'الجيش السوري يتقدم نحو البوكمال';
const SENTENCE = 'تقدم الجيش السوري نحو مدينة البوكمال من ثلاثة محاور.';
const snip = (text: string): Snippet => ({ articleId: '001', text, markStart: text.indexOf('البوكمال'), markEnd: text.indexOf('البوكمال') + 8 });

function article(id: string, extra: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id, file: `${id}.txt`, outlet: 'الميادين', outletEn: 'Al Mayadeen', headline: HEADLINE,
    date: '2017-10-27', dateEstimated: true, dateNote: 'Estimate: article 003 dates that statement Wednesday.', language: 'ar',
    ...extra,
  };
}

function card(overrides: Partial<CardData> = {}): CardData {
  return {
    entity: {
      id: 'place:albukamal', kind: 'city', name: 'البوكمال', nameEn: 'al-Bukamal', aliases: [], weakAliases: [], translit: [],
      parent: 'place:iraq', country: 'SY', description: 'مدينة سورية.',
    },
    parent: { id: 'place:iraq', name: 'العراق', nameEn: 'Iraq' },
    coverage: {
      entityId: 'place:albukamal',
      mentions: 1,
      articles: [{ articleId: '001', count: 1, firstAt: 0, snippets: [snip(HEADLINE), snip(SENTENCE)] }],
      related: [],
    },
    articles: { '001': article('001') },
    related: [{ id: 'place:al-qaim', name: 'القائم', nameEn: 'al-Qaim', kind: 'city', count: 2 }],
    ...overrides,
  };
}

afterEach(cleanup);

describe('bidi: names of the other direction are isolated', () => {
  it('writes the parent as العراق (Iraq): the space and brackets outside the isolates, in both languages', () => {
    for (const lang of ['ar', 'en'] as const) {
      const { container } = render(<EntityCard {...card()} lang={lang} />);
      const dd = [...container.querySelectorAll('.kc-fact dd')].find((d) => d.textContent?.includes('Iraq'))!;
      expect(dd.textContent).toBe('العراق (Iraq)');
      const isolates = [...dd.querySelectorAll('bdi')];
      expect(isolates.map((b) => [b.textContent, b.getAttribute('lang')])).toEqual([
        ['العراق', 'ar'],
        ['Iraq', 'en'],
      ]);
      // No element with a forced direction around the space: it takes the card's direction.
      expect(dd.querySelector('[dir]')).toBeNull();
      cleanup();
    }
  });

  it('puts the English name right under the Arabic one, in its own isolate, aligned with the card', () => {
    const { container } = render(<EntityCard {...card()} />);
    const names = container.querySelector('.kc-names')!;
    expect([...names.children].map((c) => c.tagName)).toEqual(['H2', 'P']);
    const en = names.children[1]!;
    expect(en.textContent).toBe('al-Bukamal');
    expect(en.hasAttribute('dir')).toBe(false);
    expect(en.querySelector('bdi')?.getAttribute('lang')).toBe('en');
  });

  it('isolates Arabic headlines, outlets and related names inside the English card', () => {
    const { container } = render(<EntityCard {...card({ articles: { '001': article('001', { outletEn: undefined }) } })} lang="en" />);
    expect(container.querySelector('.kc-headline')!.getAttribute('dir')).toBe('rtl');
    expect(container.querySelector('.kc-meta .outlet')!.tagName).toBe('BDI');
    expect(container.querySelector('.kc-meta .outlet')!.textContent).toBe('الميادين');
    expect(container.querySelector('.kc-rel-name')!.tagName).toBe('BDI');
  });

  it('Message isolates a filled slot: an Arabic title in English, a Latin host in Arabic', () => {
    const { container } = render(
      <p>
        <Message k="currentPage" lang="en" vars={{ title: 'معركة البوكمال' }} />
      </p>,
    );
    expect(container.textContent).toBe('Open page: معركة البوكمال');
    expect(container.querySelector('bdi')!.textContent).toBe('معركة البوكمال');
    cleanup();
    const ar = render(
      <p>
        <Message k="siteSwitch" lang="ar" vars={{ host: 'news.example.com' }} />
      </p>,
    );
    expect(ar.container.textContent).toBe('إبراز الأسماء على news.example.com');
    expect(ar.container.querySelector('bdi')!.textContent).toBe('news.example.com');
  });
});

describe('the card’s words', () => {
  it('counts in the right plural form and says the coverage is from October–November 2017', () => {
    render(<EntityCard {...card()} />);
    expect(screen.getByText('يرد في مصدر واحد (إشارة واحدة)')).toBeTruthy();
    expect(screen.getByText(/تشرين الأول – تشرين الثاني 2017/)).toBeTruthy();
    cleanup();
    render(<EntityCard {...card()} lang="en" />);
    expect(screen.getByText('Mentioned in 1 source (1 mention)')).toBeTruthy();
    expect(screen.getByText(/Oct–Nov 2017/)).toBeTruthy();
  });

  it('never shows a snippet that only repeats the headline above it', () => {
    const { container } = render(<EntityCard {...card()} />);
    expect(container.querySelector('.kc-snippet')!.textContent).toBe(SENTENCE);
    expect(firstSnippet([snip(HEADLINE + '.')], HEADLINE)).toBeUndefined();
    expect(firstSnippet([snip('«' + HEADLINE + '»')], HEADLINE)).toBeUndefined();
    expect(firstSnippet([snip(SENTENCE)], HEADLINE)?.text).toBe(SENTENCE);
  });

  it('says what an estimated date means in the reader’s language, never the curator’s note', () => {
    for (const lang of ['ar', 'en'] as const) {
      const { container } = render(<ArticleDate article={article('001')} lang={lang} />);
      const title = container.querySelector('.article-date')!.getAttribute('title')!;
      expect(title).not.toMatch(/article 00\d|Estimate:/);
      expect(title).toMatch(lang === 'ar' ? /[\u0600-\u06ff]/ : /estimated/);
      cleanup();
    }
  });

  it('lists for an outlet the sources it published, though they never name it', () => {
    const data = card({
      entity: { id: 'outlet:alwaght', kind: 'outlet', name: 'موقع الوقت', nameEn: 'Alwaght', aliases: [], weakAliases: [], translit: [], description: '' },
      parent: undefined,
      coverage: { entityId: 'outlet:alwaght', mentions: 0, articles: [{ articleId: '001', count: 0, firstAt: 1, snippets: [], published: true }], related: [] },
    });
    render(<EntityCard {...data} />);
    expect(screen.getByText('نشر أحد المصادر')).toBeTruthy();
    expect(screen.queryByText('لا يرد في المصادر.')).toBeNull();
    expect(screen.getByRole('heading', { level: 4, name: HEADLINE })).toBeTruthy();
  });

  it('has no <header> (a second banner landmark on the page it is shown on)', () => {
    const { container } = render(<EntityCard {...card()} />);
    expect(container.querySelector('header')).toBeNull();
    expect(container.querySelector('[role=banner]')).toBeNull();
  });
});
