/**
 * The popup: search the gazetteer as you type and open a result's card; the names found on the
 * active tab (click one to scroll the page to it); save the page to the reader's library; the
 * per-site switch; the side panel button.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CardView } from '../../components/CardView.tsx';
import { DataStatus } from '../../components/DataStatus.tsx';
import { EntitySearch } from '../../components/EntitySearch.tsx';
import { PageNamesList } from '../../components/PageNamesList.tsx';
import { SiteSwitch } from '../../components/SiteSwitch.tsx';
import { SavePageButton } from '../../components/SavePageButton.tsx';
import { PauseSwitch } from '../../components/PauseSwitch.tsx';
import { Shortcuts } from '../../components/Shortcuts.tsx';
import { usePageData } from '../../components/page-data.ts';
import { dirOf, t } from '../../lib/i18n.ts';
import { canOpenSidePanel, openSidePanel } from '../../lib/tabs.ts';

export function PopupApp(): JSX.Element {
  const { lang, status, gazetteer: gaz, tab, tabLoaded, names } = usePageData('popupTitle', false);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [panelError, setPanelError] = useState('');
  const backButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (chosen) backButton.current?.focus();
  }, [chosen]);

  return (
    <main class="popup" lang={lang} dir={dirOf(lang)}>
      <header class="page-header">
        <h1>{t('extName', lang)}</h1>
        <button type="button" class="btn" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions', lang)}
        </button>
        <a class="btn" href="/library.html" target="_blank" rel="noopener">
          {t('openLibrary', lang)}
        </a>
      </header>
      <DataStatus status={status.value} lang={lang} />
      {chosen ? (
        <section class="section card-view">
          <button
            ref={backButton}
            type="button"
            class="btn"
            onClick={() => setChosen(null)}
          >
            {t('back', lang)}
          </button>
          <CardView entityId={chosen} lang={lang} />
        </section>
      ) : (
        <>
          <section class="section">
            <EntitySearch
              gazetteer={gaz.value}
              lang={lang}
              query={query}
              onQuery={setQuery}
              onChoose={setChosen}
              autoFocus
            />
          </section>
          <section class="section" aria-labelledby="on-this-page">
            <h2 id="on-this-page">{t('onThisPage', lang)}</h2>
            <PageNamesList
              tab={tab}
              tabLoaded={tabLoaded}
              names={names}
              gazetteer={gaz.value}
              lang={lang}
            />
          </section>
        </>
      )}
      <footer class="popup-footer">
        <SavePageButton tab={tab} lang={lang} />
        <PauseSwitch lang={lang} />
        <SiteSwitch host={tab?.host ?? null} lang={lang} />
        {canOpenSidePanel() && (
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => {
              setPanelError('');
              openSidePanel(tab).catch((e: unknown) => setPanelError(e instanceof Error ? e.message : String(e)));
            }}
          >
            {t('openSidePanel', lang)}
          </button>
        )}
        {panelError && (
          <p class="notice" data-kind="error" role="alert">
            {panelError}
          </p>
        )}
        <Shortcuts lang={lang} compact />
      </footer>
    </main>
  );
}
