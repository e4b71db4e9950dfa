/**
 * "On this page": the names the active tab's content scripts found, most mentioned first, with
 * their counts. Choosing one asks the tab to scroll to its first mention and flash it. The list
 * says how many names there are, and when it is longer than it shows, that it scrolls; on a site
 * the reader switched off it says so rather than 'no names'.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t, type UiLang } from '../lib/i18n.ts';
import { tn } from '../lib/plural.ts';
import { revealInTab, type TabInfo } from '../lib/tabs.ts';
import type { Gazetteer } from '../lib/ui-data.ts';
import { EntityLabel } from './EntityLabel.tsx';
import { useSiteEnabled } from './SiteSwitch.tsx';
import type { NamesState } from './tab-hooks.ts';

export interface PageNamesListProps {
  tab: TabInfo | null;
  tabLoaded: boolean;
  names: NamesState;
  gazetteer: Gazetteer | undefined;
  lang: UiLang;
}

/** Rows the list shows before it scrolls (ui.css .page-names max-height). */
export const PAGE_NAMES_VISIBLE = 7;

export function PageNamesList(props: PageNamesListProps): JSX.Element | null {
  const { tab, names, gazetteer, lang } = props;
  const [failed, setFailed] = useState(false);
  const enabled = useSiteEnabled(tab?.host);
  if (!props.tabLoaded || (tab?.host && (!names.loaded || enabled === undefined))) return null;
  if (!tab?.host) return <p class="muted">{t('onThisPageUnavailable', lang)}</p>;
  if (enabled === false) return <p class="muted" data-state="off">{t('onThisPageOff', lang)}</p>;
  const rows = Object.entries(names.names)
    .filter(([id, n]) => n > 0 && gazetteer?.byId.has(id))
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (rows.length === 0) return <p class="muted">{t('onThisPageEmpty', lang)}</p>;
  const more = rows.length > PAGE_NAMES_VISIBLE;
  return (
    <>
      <p class="page-names-total muted">{tn('nameCount', lang, rows.length)}</p>
      <ul class={more ? 'page-names page-names-more' : 'page-names'}>
        {rows.map(([id, n]) => {
          const e = gazetteer!.byId.get(id)!;
          return (
            <li key={id}>
              <button
                type="button"
                class="page-name"
                data-entity={id}
                title={t('revealName', lang, { name: e.name, n })}
                onClick={async () => setFailed(!(await revealInTab(tab.id, id)))}
              >
                <EntityLabel entity={e} lang={lang} class="grow">
                  <span class="count">{tn('mentionCount', lang, n)}</span>
                </EntityLabel>
              </button>
            </li>
          );
        })}
      </ul>
      {more && <p class="hint muted page-names-hint">{t('namesScrollHint', lang)}</p>}
      {failed && (
        <p class="notice" data-kind="error" role="alert">
          {t('revealFailed', lang)}
        </p>
      )}
    </>
  );
}
