// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityCard } from '../../components/EntityCard.tsx';
import type { CardData } from '../../lib/messages.ts';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

function cardData(overrides: Partial<CardData> = {}): CardData {
  const sentence1 = 'يستعد الجيش العراقي لإطلاق عملية في منطقة القائم المقابلة للبوكمال.';
  const sentence2 = 'تقدم الجيش السوري نحو مدينة البوكمال من ثلاثة محاور.';
  return {
    entity: {
      id: 'place:albukamal',
      kind: 'city',
      name: 'البوكمال',
      nameEn: 'Albukamal',
      aliases: ['أبو كمال', 'البو كمال'],
      weakAliases: [],
      translit: ['Abu Kamal'],
      parent: 'place:deir-ez-zor-governorate',
      country: 'SY',
      description: 'مدينة سورية على الفرات عند الحدود مع العراق.',
      descriptionEn: 'Syrian town on the Euphrates at the Iraqi border.',
    },
    parent: { id: 'place:deir-ez-zor-governorate', name: 'محافظة دير الزور', nameEn: 'Deir ez-Zor Governorate' },
    coverage: {
      entityId: 'place:albukamal',
      mentions: 9,
      articles: [
        {
          articleId: '001',
          count: 6,
          firstAt: 0.05,
          snippets: [{ articleId: '001', text: sentence2, markStart: sentence2.indexOf('البوكمال'), markEnd: sentence2.indexOf('البوكمال') + 8 }],
        },
        {
          articleId: '000',
          count: 3,
          firstAt: 0.2,
          snippets: [{ articleId: '000', text: sentence1, markStart: sentence1.indexOf('للبوكمال') + 1, markEnd: sentence1.indexOf('للبوكمال') + 8 }],
        },
      ],
      related: [],
    },
    articles: {
      '000': {
        id: '000', file: 'a.txt', outlet: 'الوطن', outletEn: 'Al-Watan', headline: 'عملية عسكرية سورية نحو البوكمال',
        date: '2017-10-26', dateEstimated: true, dateNote: 'Estimated from the text.', language: 'ar',
      },
      '001': {
        id: '001', file: 'b.txt', outlet: 'الميادين', outletEn: 'Al Mayadeen', headline: 'الجيش السوري يتقدم نحو البوكمال',
        date: '2017-10-27', dateEstimated: false, dateNote: 'Stated.', language: 'ar',
      },
    },
    related: [
      { id: 'place:alqaim', name: 'القائم', nameEn: 'Al-Qaim', kind: 'town', count: 5 },
      { id: 'group:isis', name: 'داعش', nameEn: 'ISIS', kind: 'organisation', count: 4 },
      { id: 'group:syrian-army', name: 'الجيش العربي السوري', nameEn: 'Syrian Arab Army', kind: 'army', count: 3 },
      { id: 'place:deir-ez-zor', name: 'دير الزور', nameEn: 'Deir ez-Zor', kind: 'city', count: 2 },
    ],
    ...overrides,
  };
}

afterEach(cleanup);

describe('EntityCard', () => {
  it('is a labelled right-to-left dialog with the name in Arabic and English and its kind', () => {
    render(<EntityCard {...cardData()} />);
    const dialog = screen.getByRole('dialog', { name: 'البوكمال' });
    expect(dialog.getAttribute('dir')).toBe('rtl');
    expect(screen.getByRole('heading', { level: 2, name: 'البوكمال' })).toBeTruthy();
    expect(screen.getByText('Albukamal').getAttribute('lang')).toBe('en');
    expect(within(dialog).getByText('مدينة')).toBeTruthy();
  });

  it('shows for a place its parent area, country and aliases', () => {
    render(<EntityCard {...cardData()} />);
    expect(screen.getByText('محافظة دير الزور')).toBeTruthy();
    expect(screen.getByText('سوريا')).toBeTruthy();
    expect(screen.getByText('أبو كمال، البو كمال')).toBeTruthy();
  });

  it('lists the coverage in the given order with outlet, date, headline and the sentence with the name marked', () => {
    const { container } = render(<EntityCard {...cardData()} />);
    expect(screen.getByText(/يرد في مصدرين \(/)).toBeTruthy();
    const items = container.querySelectorAll('.kc-article');
    expect(items).toHaveLength(2);
    expect(within(items[0] as HTMLElement).getByRole('heading', { level: 4 }).textContent).toBe('الجيش السوري يتقدم نحو البوكمال');
    expect(items[0]!.textContent).toContain('الميادين');
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2017-10-27');
    const snippet = items[0]!.querySelector('blockquote')!;
    expect(snippet.textContent).toBe('تقدم الجيش السوري نحو مدينة البوكمال من ثلاثة محاور.');
    expect(snippet.querySelector('mark')!.textContent).toBe('البوكمال');
    // The second article's date is an estimate, and says so.
    expect(items[1]!.textContent).toContain('تاريخ تقديري');
    expect(items[1]!.querySelector('mark')!.textContent).toBe('لبوكمال');
  });

  it('lists the reader\'s own articles first, marked as theirs, and counts all of them apart from the sources', () => {
    const base = cardData();
    const sentence = 'قصفت الطائرات مواقع قرب البوكمال فجر اليوم.';
    const own = {
      articleId: 'own-1',
      count: 2,
      firstAt: 0.1,
      snippets: [{ articleId: 'own-1', text: sentence, markStart: sentence.indexOf('البوكمال'), markEnd: sentence.indexOf('البوكمال') + 8 }],
    };
    const { container } = render(
      <EntityCard
        {...base}
        coverage={{ ...base.coverage!, mentions: base.coverage!.mentions + 14, articles: [own, ...base.coverage!.articles] }}
        articles={{
          ...base.articles,
          'own-1': { id: 'own-1', file: '', outlet: 'عنب بلدي', outletEn: '', headline: 'قصف قرب البوكمال', date: '', dateEstimated: true, dateNote: '', language: 'ar', own: true },
        }}
        library={{ articles: 7, mentions: 14 }}
        maxArticles={2}
      />,
    );
    const items = container.querySelectorAll('.kc-article');
    expect(items[0]!.textContent).toContain('قصف قرب البوكمال');
    expect(items[0]!.textContent).toContain('من مكتبتك');
    // No date known: none written.
    expect(items[0]!.querySelector('time')).toBeNull();
    expect(items[1]!.textContent).not.toContain('من مكتبتك');
    // The bundled sources keep their own count (9 mentions); the library is counted apart.
    expect(screen.getByText(/يرد في مصدرين \(/).textContent).toContain('9');
    expect(screen.getByText('يرد في 7 مقالات من مكتبتك')).toBeTruthy();
    // 2 sources + 7 of the library, 2 shown.
    expect(container.querySelector('.kc-more')!.textContent).toContain('7');
  });

  it('lists related places and related groups separately, most often first', () => {
    render(<EntityCard {...cardData()} />);
    const places = screen.getByRole('region', { name: 'أماكن تُذكر معه' });
    const groups = screen.getByRole('region', { name: 'جماعات تُذكر معها' });
    expect(within(places).getAllByRole('listitem').map((li) => li.getAttribute('data-entity'))).toEqual([
      'place:alqaim',
      'place:deir-ez-zor',
    ]);
    expect(within(groups).getAllByRole('listitem').map((li) => li.querySelector('.kc-rel-name')!.textContent)).toEqual([
      'داعش',
      'الجيش العربي السوري',
    ]);
    // The count is shown as a number and read out as words.
    expect(within(groups).getAllByRole('listitem')[0]!.textContent).toBe('داعش4مرات الذكر معه: 4');
  });

  it('renders page and corpus text as text: markup in a snippet or headline stays literal', () => {
    const data = cardData();
    const text = `قالوا ${HOSTILE} عن البوكمال`;
    data.coverage!.articles[0]!.snippets = [
      { articleId: '001', text, markStart: text.indexOf('البوكمال'), markEnd: text.indexOf('البوكمال') + 8 },
    ];
    data.articles['001']!.headline = `<b>عنوان</b>${HOSTILE}`;
    data.entity.aliases = [HOSTILE];
    const { container } = render(<EntityCard {...data} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('blockquote')!.textContent).toContain(HOSTILE);
    expect(screen.getByRole('heading', { level: 4, name: `<b>عنوان</b>${HOSTILE}` })).toBeTruthy();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('survives snippet offsets outside the text', () => {
    const data = cardData();
    data.coverage!.articles[0]!.snippets = [{ articleId: '001', text: 'نص قصير', markStart: 50, markEnd: 80 }];
    const { container } = render(<EntityCard {...data} />);
    const first = container.querySelector('.kc-article')!;
    expect(first.querySelector('blockquote')!.textContent).toBe('نص قصير');
    expect(first.querySelector('mark')).toBeNull();
  });

  it('says so when the corpus has no coverage', () => {
    render(<EntityCard {...cardData({ coverage: undefined, articles: {}, related: [] })} />);
    expect(screen.getByText('لا يرد في المصادر.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'أماكن تُذكر معه' })).toBeNull();
  });

  it('speaks English when asked, keeping Arabic text Arabic', () => {
    render(<EntityCard {...cardData()} lang="en" />);
    const dialog = screen.getByRole('dialog', { name: 'البوكمال' });
    expect(dialog.getAttribute('dir')).toBe('ltr');
    expect(screen.getByText('City')).toBeTruthy();
    expect(screen.getByText('Syria')).toBeTruthy();
    expect(screen.getByText('Al Mayadeen')).toBeTruthy();
    expect(screen.getByText(/Mentioned in 2 sources \(9 mentions\)/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).getAttribute('dir')).toBe('rtl');
  });

  it('takes the theme it is given and has a working close button', () => {
    const onClose = vi.fn();
    render(<EntityCard {...cardData()} theme="dark" onClose={onClose} />);
    expect(screen.getByRole('dialog').getAttribute('data-theme')).toBe('dark');
    fireEvent.click(screen.getByRole('button', { name: 'إغلاق' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('follows the system theme when given none, and its changes', () => {
    const listeners = new Set<() => void>();
    const query = {
      matches: true,
      addEventListener: (_: string, f: () => void) => listeners.add(f),
      removeEventListener: (_: string, f: () => void) => listeners.delete(f),
    };
    vi.stubGlobal('matchMedia', (q: string) => (q === '(prefers-color-scheme: dark)' ? query : { ...query, matches: false }));
    try {
      const { unmount } = render(<EntityCard {...cardData({ entity: { ...cardData().entity, kind: 'militia' } })} />);
      const card = screen.getByRole('dialog');
      // Dark, with the group's own dark accent (the same rules as the hover card on a dark page).
      expect(card.getAttribute('data-theme')).toBe('dark');
      expect(card.getAttribute('data-category')).toBe('group');
      query.matches = false;
      act(() => listeners.forEach((f) => f()));
      expect(card.getAttribute('data-theme')).toBe('light');
      unmount();
      expect(listeners.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows at most five articles and says how many more there are', () => {
    const data = cardData();
    const base = data.coverage!.articles[0]!;
    data.coverage!.articles = Array.from({ length: 8 }, (_, i) => ({ ...base, articleId: `a${i}` }));
    data.articles = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`a${i}`, { ...data.articles['001']!, id: `a${i}`, headline: `عنوان ${i}` }]),
    );
    const { container } = render(<EntityCard {...data} />);
    expect(container.querySelectorAll('.kc-article')).toHaveLength(5);
    expect(screen.getByText('و3 مصادر أخرى')).toBeTruthy();
  });
});
