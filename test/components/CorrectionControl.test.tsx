// @vitest-environment happy-dom
/**
 * The hover card's match line (components/CorrectionControl.tsx) inside the card: the unsure note
 * on a low-confidence match, and "not this" with its two scopes, its status and its undo, by mouse
 * and by keyboard focus, in Arabic and English.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CorrectionControl, UNSURE_BELOW, type CorrectionActions } from '../../components/CorrectionControl.tsx';
import { EntityCard } from '../../components/EntityCard.tsx';
import type { Correction, CorrectionScope } from '../../lib/corrections.ts';
import type { CardData } from '../../lib/messages.ts';
import type { UiLang } from '../../lib/i18n.ts';

const DATA: CardData = {
  entity: {
    id: 'place:alqaim',
    kind: 'city',
    name: 'القائم',
    nameEn: 'Al-Qaim',
    aliases: [],
    weakAliases: ['القائم'],
    translit: [],
    description: 'مدينة عراقية على الفرات.',
  },
  coverage: undefined,
  articles: {},
  related: [],
} as unknown as CardData;

function fakeActions(fail = false) {
  const stored: Correction[] = [];
  const actions: CorrectionActions = {
    site: 'news.example',
    hide: vi.fn(async (m: { entityId: string; text: string }, entityName: string, scope: CorrectionScope) => {
      if (fail) throw new Error('storage full');
      const c: Correction = { surface: m.text, entityId: m.entityId, host: scope === 'host' ? 'news.example' : null, text: m.text, entityName, at: 1 };
      stored.push(c);
      return c;
    }),
    undo: vi.fn(async (c: Correction) => {
      stored.splice(stored.indexOf(c), 1);
    }),
  };
  return { actions, stored };
}

function card(confidence: number, actions?: CorrectionActions, lang: UiLang = 'ar') {
  const mention = { entityId: 'place:alqaim', text: 'القائم', confidence };
  return render(
    <EntityCard
      {...DATA}
      lang={lang}
      matchNote={<CorrectionControl mention={mention} entityName="القائم" lang={lang} {...(actions ? { actions } : {})} />}
    />,
  );
}

afterEach(cleanup);

describe('the unsure note', () => {
  it('shows on a low-confidence match, inside the card dialog', () => {
    card(UNSURE_BELOW - 0.2);
    const dialog = screen.getByRole('dialog', { name: 'القائم' });
    expect(within(dialog).getByText('مطابقة غير مؤكدة:')).toBeTruthy();
    expect(dialog.textContent).toContain('قد تكون «القائم» هنا كلمة عادية أو اسمًا لشيء آخر.');
  });

  it('does not show on a sure match (and without actions nothing shows at all)', () => {
    const { container } = card(1);
    expect(screen.queryByText('مطابقة غير مؤكدة:')).toBeNull();
    expect(container.querySelector('.kc-match')).toBeNull();
  });

  it('reads in English when the interface is English', () => {
    card(0.5, undefined, 'en');
    expect(screen.getByText('Unsure match:')).toBeTruthy();
  });
});

describe('not this', () => {
  it('opens two scopes, records a site correction, reports it and offers undo (focused)', async () => {
    const { actions, stored } = fakeActions();
    card(1, actions);
    const toggle = screen.getByRole('button', { name: 'ليس هذا؟' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const group = screen.getByRole('group', { name: 'لا تبرز «القائم» بهذا المعنى' });
    const site = within(group).getByRole('button', { name: 'على news.example فقط' });
    expect(within(group).getByRole('button', { name: 'في كل المواقع' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(site));
    fireEvent.click(site);
    const status = await screen.findByText(/لن تُبرَز «القائم» بهذا المعنى على news.example/);
    expect(status.getAttribute('role')).toBe('status');
    expect(actions.hide).toHaveBeenCalledWith({ entityId: 'place:alqaim', text: 'القائم', confidence: 1 }, 'القائم', 'host');
    expect(stored.map((c) => c.host)).toEqual(['news.example']);
    const undo = screen.getByRole('button', { name: 'تراجع' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    await screen.findByText('عادت «القائم» تُبرَز.');
    expect(stored).toEqual([]);
    expect(actions.undo).toHaveBeenCalledTimes(1);
  });

  it('records an everywhere correction', async () => {
    const { actions, stored } = fakeActions();
    card(0.6, actions);
    fireEvent.click(screen.getByRole('button', { name: 'ليس هذا؟' }));
    fireEvent.click(screen.getByRole('button', { name: 'في كل المواقع' }));
    await screen.findByText('لن تُبرَز «القائم» بهذا المعنى في أي موقع.');
    expect(stored.map((c) => c.host)).toEqual([null]);
    // The unsure note stays: it is about the match, not the correction.
    expect(screen.getByText('مطابقة غير مؤكدة:')).toBeTruthy();
  });

  it('says so when the correction cannot be stored', async () => {
    const { actions } = fakeActions(true);
    card(1, actions);
    fireEvent.click(screen.getByRole('button', { name: 'ليس هذا؟' }));
    fireEvent.click(screen.getByRole('button', { name: 'في كل المواقع' }));
    await screen.findByText('تعذّر حفظ التصحيح.');
  });

  it('closes the choices when "not this" is pressed again', () => {
    const { actions } = fakeActions();
    card(1, actions);
    const toggle = screen.getByRole('button', { name: 'ليس هذا؟' });
    fireEvent.click(toggle);
    fireEvent.click(toggle);
    expect(screen.queryByRole('group', { name: 'لا تبرز «القائم» بهذا المعنى' })).toBeNull();
    expect(actions.hide).not.toHaveBeenCalled();
  });

  it("ignores clicks the actions do not count as the reader's (a page's script in the open shadow root)", async () => {
    const { actions } = fakeActions();
    actions.allow = () => false;
    card(1, actions);
    const toggle = screen.getByRole('button', { name: 'ليس هذا؟' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    actions.allow = () => true;
    fireEvent.click(toggle);
    actions.allow = () => false;
    fireEvent.click(screen.getByRole('button', { name: 'في كل المواقع' }));
    expect(actions.hide).not.toHaveBeenCalled();
  });

  it('offers only "every site" on a page without a host (a local file)', async () => {
    const { actions } = fakeActions();
    actions.site = '';
    card(1, actions);
    fireEvent.click(screen.getByRole('button', { name: 'ليس هذا؟' }));
    const group = screen.getByRole('group', { name: 'لا تبرز «القائم» بهذا المعنى' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['في كل المواقع']);
  });
});
