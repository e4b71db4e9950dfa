// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityCard } from '../../components/EntityCard.tsx';
import { PlacesMap } from '../../components/PlacesMap.tsx';
import type { BaseMap } from '../../core/geo/basemap.ts';
import type { Entity } from '../../core/types.ts';
import type { CardData } from '../../lib/messages.ts';

/** A 100×100 map of lon 40..50, lat 30..40 (x = 10·(lon−40), y = 10·(40−lat)): two squares for two countries. */
const MAP: BaseMap = {
  width: 100,
  height: 100,
  projection: { kx: 10, bx: -400, ky: -10, by: 400 },
  bbox: [40, 30, 50, 40],
  countries: [
    { id: 'SY', d: 'M0 0L50 0L50 100L0 100Z' },
    { id: 'IQ', d: 'M50 0L100 0L100 100L50 100Z' },
  ],
  source: 'test',
};

const place = (e: Partial<Entity> & Pick<Entity, 'id' | 'name'>): Entity => ({
  kind: 'city', nameEn: e.id, aliases: [], weakAliases: [], translit: [], description: '', ...e,
});

const ALBUKAMAL = place({ id: 'place:albukamal', name: 'البوكمال', nameEn: 'Albukamal', coords: [34, 41], country: 'SY', parent: 'place:dez' });

function card(entity: Entity, parent?: CardData['parent']): CardData {
  return { entity, ...(parent ? { parent } : {}), coverage: undefined, articles: {}, related: [] };
}

afterEach(cleanup);

describe('the card of a place: its locator map', () => {
  it('draws the place and its parent on the base map, named for screen readers, its country marked', () => {
    const { container } = render(
      <EntityCard {...card(ALBUKAMAL, { id: 'place:dez', name: 'دير الزور', nameEn: 'Deir ez-Zor', coords: [35, 42] })} baseMap={MAP} />,
    );
    const map = screen.getByRole('img', { name: 'البوكمال على الخريطة، ضمن دير الزور' });
    expect(map.getAttribute('viewBox')).toBe('0 0 100 100');
    const dot = container.querySelector('.kc-map-place')!;
    expect([dot.getAttribute('cx'), dot.getAttribute('cy')]).toEqual(['10', '60']);
    const ring = container.querySelector('.kc-map-parent')!;
    expect([ring.getAttribute('cx'), ring.getAttribute('cy')]).toEqual(['20', '50']);
    expect(container.querySelector('.kc-map-home')?.getAttribute('d')).toBe(MAP.countries[0]!.d);
    const labels = [...container.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toEqual(['دير الزور', 'البوكمال']);
  });

  it('anchors an Arabic label for right to left, and an English one for left to right', () => {
    // x = 10: the label goes right of the dot (towards the middle).
    const first = render(<EntityCard {...card(ALBUKAMAL)} baseMap={MAP} />);
    let label = first.container.querySelector('.kc-map-label')!;
    expect(label.getAttribute('direction')).toBe('rtl');
    expect(label.getAttribute('text-anchor')).toBe('end');
    expect(Number(label.getAttribute('x'))).toBeGreaterThan(10);
    first.unmount();
    label = render(<EntityCard {...card(ALBUKAMAL)} baseMap={MAP} lang="en" />).container.querySelector('.kc-map-label')!;
    expect(label.textContent).toBe('Albukamal');
    expect(label.getAttribute('direction')).toBe('ltr');
    expect(label.getAttribute('text-anchor')).toBe('start');
  });

  it('says in words when the place has no coordinates, or lies outside the map', () => {
    const { container, unmount } = render(<EntityCard {...card(place({ id: 'place:hajin', name: 'هجين' }))} baseMap={MAP} />);
    expect(container.querySelector('svg')).toBeNull();
    expect(screen.getByText(/لا إحداثيات لهذا المكان/)).toBeTruthy();
    unmount();
    render(<EntityCard {...card(place({ id: 'place:washington', name: 'واشنطن', coords: [38.9, -77] }))} baseMap={MAP} lang="en" />);
    expect(screen.getByText('This place lies outside the region the map shows.')).toBeTruthy();
  });

  it('shows no map on the card of a group', () => {
    const { container } = render(<EntityCard {...card({ ...ALBUKAMAL, id: 'group:isis', kind: 'organisation' })} baseMap={MAP} />);
    expect(container.querySelector('.kc-map, .kc-map-none')).toBeNull();
  });
});

describe('PlacesMap: the side panel map of a page, linked to its list', () => {
  const entities = new Map<string, Entity>(
    [
      ALBUKAMAL,
      place({ id: 'place:alqaim', name: 'القائم', nameEn: 'Al-Qaim', coords: [34.5, 41.2] }),
      place({ id: 'place:hajin', name: 'هجين', nameEn: 'Hajin' }),
      { ...place({ id: 'group:isis', name: 'داعش' }), kind: 'organisation' as const },
    ].map((e) => [e.id, e]),
  );
  const counts = { 'place:albukamal': 5, 'place:alqaim': 2, 'place:hajin': 1, 'group:isis': 9 };

  it('puts a dot per place with coordinates, lists them, and names the others in words', () => {
    const { container } = render(<PlacesMap map={MAP} counts={counts} entities={entities} title="الأماكن" lang="ar" />);
    expect([...container.querySelectorAll('circle')].map((c) => c.getAttribute('data-entity'))).toEqual(['place:albukamal', 'place:alqaim']);
    const list = container.querySelector('.places-list')!;
    expect([...list.querySelectorAll('li')].map((li) => li.getAttribute('data-entity'))).toEqual(['place:albukamal', 'place:alqaim']);
    expect(screen.getByText('بلا إحداثيات: هجين')).toBeTruthy();
  });

  it('hovering a dot marks its row and labels it; hovering or focusing a row marks its dot', () => {
    const onChoose = vi.fn();
    const { container } = render(<PlacesMap map={MAP} counts={counts} entities={entities} title="الأماكن" lang="ar" onChoose={onChoose} />);
    const dot = container.querySelector('circle[data-entity="place:alqaim"]')!;
    const row = () => container.querySelector('li[data-entity="place:alqaim"]')!;
    expect(row().getAttribute('data-active')).toBeNull();
    fireEvent.mouseEnter(dot);
    expect(row().getAttribute('data-active')).toBe('true');
    expect(container.querySelector('svg text')?.textContent).toBe('القائم');
    fireEvent.mouseLeave(dot);
    expect(row().getAttribute('data-active')).toBeNull();
    const other = within(container.querySelector('li[data-entity="place:albukamal"]') as HTMLElement).getByRole('button');
    fireEvent.focus(other);
    expect(container.querySelector('circle[data-entity="place:albukamal"]')!.getAttribute('data-active')).toBe('true');
    fireEvent.click(other);
    expect(onChoose).toHaveBeenCalledWith('place:albukamal');
    fireEvent.keyDown(dot, { key: 'Enter' });
    expect(onChoose).toHaveBeenCalledWith('place:alqaim');
  });

  it('says so when the page names no place', () => {
    render(<PlacesMap map={MAP} counts={{ 'group:isis': 3 }} entities={entities} title="Places" lang="en" />);
    expect(screen.getByText('No places on this page.')).toBeTruthy();
  });
});
