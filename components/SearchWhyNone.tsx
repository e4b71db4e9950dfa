/**
 * Why a search found nothing, in words a reader can act on: the gazetteer holds only what five
 * articles of Oct–Nov 2017 on the Syria–Iraq border name, so "Aleppo" or "Hezbollah" are simply not
 * in the sources — not a typo, not a broken search. A one-letter query is asked for more.
 */
import type { JSX } from 'preact';
import { t, type UiLang } from '../lib/i18n.ts';

/** Letters (any script) in the query: one is too few to search by. */
const LETTERS = /\p{L}/gu;

export function searchWhyNoneText(query: string, lang: UiLang): string {
  const q = query.trim();
  return (q.match(LETTERS)?.length ?? 0) < 2 ? t('searchWhyShort', lang) : t('searchWhyNone', lang, { q });
}

export function SearchWhyNone(props: { query: string; lang: UiLang }): JSX.Element {
  return (
    <p class="muted search-why" data-testid="search-why">
      {searchWhyNoneText(props.query, props.lang)}
    </p>
  );
}
