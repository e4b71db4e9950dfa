/**
 * The gazetteer search as the reader types (the ARIA 1.2 combobox pattern): an input whose list of
 * results follows every keystroke, searched with core/search SearchIndex (Arabic through
 * normalisation and clitics, English names and transliterations; exact > prefix > fuzzy).
 * Arrow keys move through the results, Enter or a click chooses one, Escape clears the box.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { t, type UiLang } from '../lib/i18n.ts';
import { tn } from '../lib/plural.ts';
import type { Gazetteer } from '../lib/ui-data.ts';
import { SearchWhyNone } from './SearchWhyNone.tsx';
import { EntityLabel } from './EntityLabel.tsx';

export const SEARCH_LIMIT = 20;

export interface EntitySearchProps {
  gazetteer: Gazetteer | undefined;
  lang: UiLang;
  query: string;
  onQuery: (query: string) => void;
  onChoose: (entityId: string) => void;
  autoFocus?: boolean;
}

export function EntitySearch(props: EntitySearchProps): JSX.Element {
  const { gazetteer, lang, query } = props;
  const uid = useId();
  const listId = `${uid}-results`;
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(0);

  const hits = useMemo(
    () => (gazetteer && query.trim() ? gazetteer.index.search(query, SEARCH_LIMIT) : []),
    [gazetteer, query],
  );
  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    if (props.autoFocus) input.current?.focus();
  }, [props.autoFocus]);
  useEffect(() => {
    document.getElementById(`${uid}-opt-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, uid]);

  const open = hits.length > 0;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && open) {
      e.preventDefault();
      setActive((i) => (i + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive((i) => (i - 1 + hits.length) % hits.length);
    } else if (e.key === 'Home' && open && e.ctrlKey) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'End' && open && e.ctrlKey) {
      e.preventDefault();
      setActive(hits.length - 1);
    } else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit) {
        e.preventDefault();
        props.onChoose(hit.entityId);
      }
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      props.onQuery('');
    }
  };

  return (
    <div class="search">
      <label for={`${uid}-input`}>{t('searchLabel', lang)}</label>
      <input
        ref={input}
        id={`${uid}-input`}
        type="search"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${uid}-opt-${active}` : undefined}
        aria-describedby={`${uid}-hint`}
        placeholder={t('searchPlaceholder', lang)}
        value={query}
        onInput={(e) => props.onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${uid}-hint`} class="hint muted">
        {t('searchHint', lang)}
      </p>
      <ul id={listId} role="listbox" class="results" aria-label={t('searchResults', lang)} hidden={!open}>
        {hits.map((hit, i) => {
          const e = gazetteer?.byId.get(hit.entityId);
          if (!e) return null;
          return (
            <li
              key={hit.entityId}
              id={`${uid}-opt-${i}`}
              role="option"
              class="result"
              aria-selected={i === active}
              data-entity={hit.entityId}
              onMouseDown={(ev) => ev.preventDefault()}
              onClick={() => props.onChoose(hit.entityId)}
              onMouseMove={() => i !== active && setActive(i)}
            >
              <EntityLabel entity={e} lang={lang} nameClass="result-name" sideClass="result-side">
                <span class="count">{tn('mentionCount', lang, gazetteer?.mentions.get(e.id) ?? 0)}</span>
              </EntityLabel>
            </li>
          );
        })}
      </ul>
      <p role="status" class="sr-only">
        {query.trim()
          ? hits.length > 0
            ? tn('searchCount', lang, hits.length)
            : t('searchNone', lang, { q: query.trim() })
          : ''}
      </p>
      {query.trim() && gazetteer && hits.length === 0 && (
        <p class="muted" aria-hidden="true">
          {t('searchNone', lang, { q: query.trim() })}
        </p>
      )}
      {query.trim() && gazetteer && hits.length === 0 && <SearchWhyNone query={query} lang={lang} />}
    </div>
  );
}
