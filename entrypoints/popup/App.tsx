/**
 * The popup: search the gazetteer as you type and open a result's card; the names found on the
 * active tab (click one to scroll the page to it); the per-site switch; the side panel button.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CardView } from '../../components/CardView.tsx';
import { DataStatus } from '../../components/DataStatus.tsx';
import { EntitySearch } from '../../components/EntitySearch.tsx';
import { PageNamesList } from '../../components/PageNamesList.tsx';
import { SiteSwitch } from '../../components/SiteSwitch.tsx';
import { useDocumentLanguage, useLiveQuery, useSettings } from '../../components/hooks.ts';
import { useTabNames, useTargetTab } from '../../components/tab-hooks.ts';
import { sendRequest } from '../../lib/messages.ts';
import { canOpenSidePanel, openSidePanel } from '../../lib/tabs.ts';
import { gazetteer, importState, uiDatabase } from '../../lib/ui-data.ts';
import { dirOf, tr } from '../../lib/ui-i18n.ts';

export function PopupApp(): JSX.Element {
  const settings = useSettings();
  const lang = settings?.lang ?? 'ar';
  useDocumentLanguage(lang, 'popupTitle');
  const db = uiDatabase();
  const status = useLiveQuery(() => importState(db), []);
  const gaz = useLiveQuery(() => gazetteer(db), []);
  const { tab, loaded: tabLoaded } = useTargetTab(false);
  const names = useTabNames(tab?.id ?? null, tab?.url);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [panelError, setPanelError] = useState('');
  const backButton = useRef<HTMLButtonElement>(null);

  // Asking for the status also starts the import if nothing is stored yet (background handlers).
  useEffect(() => {
    sendRequest({ type: 'getStatus' }).catch(() => {});
  }, []);
  useEffect(() => {
    if (chosen) backButton.current?.focus();
  }, [chosen]);

  const ready = status.value?.state === 'ready';

  return (
    <main class="popup" lang={lang} dir={dirOf(lang)}>
      <header class="page-header">
        <h1>{tr('extName', lang)}</h1>
        <button type="button" class="btn" onClick={() => void browser.runtime.openOptionsPage()}>
          {tr('openOptions', lang)}
        </button>
      </header>
      {!ready && (
        <div class="section">
          <DataStatus status={status.value} lang={lang} />
        </div>
      )}
      {chosen ? (
        <section class="section card-view">
          <button
            ref={backButton}
            type="button"
            class="btn"
            onClick={() => setChosen(null)}
          >
            {tr('back', lang)}
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
            <h2 id="on-this-page">{tr('onThisPage', lang)}</h2>
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
            {tr('openSidePanel', lang)}
          </button>
        )}
        {panelError && (
          <p class="notice" data-kind="error" role="alert">
            {panelError}
          </p>
        )}
      </footer>
    </main>
  );
}
