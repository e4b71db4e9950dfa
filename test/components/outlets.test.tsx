// @vitest-environment happy-dom
/**
 * The outlet section and the timeline (components/OutletNames.tsx, CoverageTimeline.tsx) as the
 * reader sees them in the entity card: compact in the hover card, full in the side panel, in
 * Arabic and English, read out with counts; and the card without them when the data has none.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoverageDay, OutletNaming } from '../../core/analysis/outlet-naming.ts';
import { CoverageTimeline } from '../../components/CoverageTimeline.tsx';
import { EntityCard } from '../../components/EntityCard.tsx';
import { OutletNames } from '../../components/OutletNames.tsx';
import type { CardData } from '../../lib/messages.ts';

afterEach(cleanup);

const outlet = (outlet: string, outletEn: string, names: [string, number][], stance: [string, number][] = []): OutletNaming => ({
  outlet,
  outletEn,
  articles: 1,
  mentions: names.reduce((n, [, c]) => n + c, 0),
  names: names.map(([text, count]) => ({ key: text, text, count })),
  stance: stance.map(([text, count]) => ({ key: text, text, stance: 'terror' as const, count })),
});

const OUTLETS: OutletNaming[] = [
  outlet('الوقت', 'Alwaght', [['داعش', 9], ['تنظيم داعش', 3], ['الدواعش', 1]], [['الإرهابي', 2], ['إرهابيي', 1]]),
  outlet('الميادين', 'Al Mayadeen', [['تنظيم داعش', 6], ['داعش', 5]]),
  outlet('الوطن', 'Al-Watan', [['داعش', 6]]),
  outlet('رويترز', 'Reuters', [['الدولة الإسلامية', 2], ['داعش', 2]]),
  outlet('', '', [['داعش', 1]]),
];

describe('the hover card\'s outlet line', () => {
  it('names the first outlets with their most written names and a recurring stance word, and counts the rest', () => {
    render(<OutletNames outlets={OUTLETS} lang="ar" idBase="c" />);
    const section = screen.getByRole('region', { name: 'كيف تسميه المصادر' });
    const line = section.querySelector('.kc-outlets-line')!;
    expect(line.textContent).toBe('الوقت: داعش، تنظيم داعش «الإرهابي» · الميادين: تنظيم داعش، داعش · الوطن: داعش · مصادر أخرى: 2');
    // Only what recurs: إرهابيي was written once.
    expect(line.textContent).not.toContain('إرهابيي');
  });

  it('opens the full list only when asked: a disclosure the keyboard reaches', () => {
    render(<OutletNames outlets={OUTLETS} lang="ar" idBase="c" />);
    const summary = screen.getByText('كل المصادر وأسماؤها وكلماتها');
    expect(summary.tagName).toBe('SUMMARY');
    expect(document.querySelector('.kc-outlet-list')).toBeNull();
    fireEvent.click(summary);
    expect((summary.parentElement as HTMLDetailsElement).open).toBe(true);
    expect(document.querySelectorAll('.kc-outlet-list > li')).toHaveLength(5);
    fireEvent.click(summary);
    expect((summary.parentElement as HTMLDetailsElement).open).toBe(false);
    expect(document.querySelector('.kc-outlet-list')).toBeNull();
  });
});

describe('the full outlet list', () => {
  it('lists every outlet with each name and how often, read out as a count', () => {
    render(<OutletNames outlets={OUTLETS} lang="ar" idBase="p" full />);
    const items = [...document.querySelectorAll<HTMLElement>('.kc-outlet-list > li')];
    expect(items.map((li) => li.querySelector('.kc-outlet-name')!.textContent)).toEqual(['الوقت', 'الميادين', 'الوطن', 'رويترز', 'مصدر غير معروف']);
    const reuters = within(items[3]!);
    expect(reuters.getByText('الدولة الإسلامية')).toBeTruthy();
    expect(items[3]!.querySelector('.kc-use')!.textContent).toBe('الدولة الإسلامية2عدد المرات: 2');
    expect(reuters.getByText('4 إشارات')).toBeTruthy();
  });

  it('shows the recurring words only where an outlet writes them, with what they are', () => {
    render(<OutletNames outlets={OUTLETS} lang="ar" idBase="p" full />);
    const items = [...document.querySelectorAll<HTMLElement>('.kc-outlet-list > li')];
    expect(within(items[0]!).getByText('كلمات تتكرر حوله')).toBeTruthy();
    expect([...items[0]!.querySelectorAll('.kc-stance .kc-use bdi')].map((b) => b.textContent)).toEqual(['الإرهابي']);
    expect(within(items[1]!).queryByText('كلمات تتكرر حوله')).toBeNull();
    expect(screen.getByText(/مرتين على الأقل قرب الاسم/)).toBeTruthy();
  });

  it('in English: outlets by their English names, the Arabic names kept Arabic and isolated', () => {
    render(<OutletNames outlets={OUTLETS} lang="en" idBase="p" full />);
    expect(screen.getByRole('region', { name: 'How sources name it' })).toBeTruthy();
    expect(screen.getByText('Reuters')).toBeTruthy();
    expect(screen.getByText('Unknown source')).toBeTruthy();
    const name = screen.getByText('الدولة الإسلامية');
    expect(name.tagName).toBe('BDI');
    expect(name.getAttribute('lang')).toBe('ar');
    expect(screen.getAllByText('times: 2').length).toBeGreaterThan(0);
  });

  it('writes a hostile name as text', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    render(<OutletNames outlets={[outlet('x', 'x', [[hostile, 2]])]} lang="ar" idBase="h" full />);
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});

const DAYS: CoverageDay[] = [
  { date: '2017-10-25', articles: 1, mentions: 11, estimated: 0 },
  { date: '2017-10-26', articles: 2, mentions: 22, estimated: 1 },
  { date: '2017-10-28', articles: 1, mentions: 12, estimated: 1 },
];

describe('the timeline', () => {
  it('is a list of days, each read out with its date, mentions and articles, estimated dates said', () => {
    render(<CoverageTimeline timeline={DAYS} lang="ar" idBase="t" />);
    const list = within(screen.getByRole('region', { name: 'التغطية حسب التاريخ' })).getByRole('list');
    const days = within(list).getAllByRole('listitem');
    expect(days.map((d) => d.getAttribute('data-date'))).toEqual(['2017-10-25', '2017-10-26', '2017-10-28']);
    const second = days[1]!.querySelector('.kc-sr')!.textContent!;
    expect(second).toContain('22 إشارة');
    expect(second).toContain('في مقالين');
    expect(second).toContain('تاريخ تقديري');
    expect(days[0]!.querySelector('.kc-sr')!.textContent).not.toContain('تقديري');
    expect(days.map((d) => d.hasAttribute('data-estimated'))).toEqual([false, true, true]);
    expect(screen.getByText(/الأعمدة المخططة/)).toBeTruthy();
  });

  it('draws each day\'s bar by its share of the busiest day, hidden from screen readers', () => {
    render(<CoverageTimeline timeline={DAYS} lang="en" idBase="t" />);
    const bars = [...document.querySelectorAll<HTMLElement>('.kc-bar')];
    expect(bars.map((b) => Number(b.style.getPropertyValue('--kc-bar')))).toEqual([0.5, 1, 12 / 22]);
    expect(bars.every((b) => b.getAttribute('aria-hidden') === 'true')).toBe(true);
    expect(document.querySelector('.kc-day .kc-sr')!.textContent).toContain('in 1 article');
  });

  it('is not shown for a single date', () => {
    render(<CoverageTimeline timeline={DAYS.slice(0, 1)} lang="ar" idBase="t" />);
    expect(document.querySelector('.kc-timeline')).toBeNull();
  });
});

describe('in the entity card', () => {
  const base: CardData = {
    entity: {
      id: 'group:isis', kind: 'organisation', name: 'داعش', nameEn: 'ISIS', aliases: [], weakAliases: [], translit: [],
      description: 'تنظيم.',
    },
    coverage: undefined,
    articles: {},
    related: [],
  };

  it('shows the outlet line and the timeline when the data has them', () => {
    render(<EntityCard {...base} outlets={OUTLETS} timeline={DAYS} lang="ar" />);
    const card = screen.getByRole('dialog');
    expect(within(card).getByRole('region', { name: 'كيف تسميه المصادر' }).textContent).toContain('الوقت: داعش');
    expect(within(card).getByRole('region', { name: 'التغطية حسب التاريخ' })).toBeTruthy();
  });

  it('shows neither without them (data stored before them)', () => {
    render(<EntityCard {...base} lang="ar" />);
    expect(screen.queryByRole('region', { name: 'كيف تسميه المصادر' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'التغطية حسب التاريخ' })).toBeNull();
  });
});
