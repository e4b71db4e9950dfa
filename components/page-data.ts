/**
 * What the popup and the side panel both start from: the reader's settings and interface language,
 * the import's status, the gazetteer, the tab they are about and the names found on it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LensDatabase } from '../db/database.ts';
import type { UiKey, UiLang } from '../lib/i18n.ts';
import { sendRequest, type ImportStatus } from '../lib/messages.ts';
import type { Settings } from '../lib/settings.ts';
import type { TabInfo } from '../lib/tabs.ts';
import { gazetteer, importStatus, uiDatabase, type Gazetteer } from '../lib/ui-data.ts';
import { useDocumentLanguage, useLiveQuery, useSettings, type Live } from './hooks.ts';
import { useTabNames, useTargetTab, type NamesState } from './tab-hooks.ts';

export interface PageData {
  /** `null` until loaded. */
  settings: Settings | null;
  /** The interface language (Arabic until the settings are loaded). */
  lang: UiLang;
  db: LensDatabase;
  status: Live<ImportStatus>;
  gazetteer: Live<Gazetteer>;
  tab: TabInfo | null;
  /** False until the target tab is known. */
  tabLoaded: boolean;
  names: NamesState;
}

/**
 * `title`: the document title's message. `followTab`: follow the tab the reader activates (the side
 * panel) rather than stay with the tab the page opened for (the popup); see useTargetTab.
 */
export function usePageData(title: UiKey, followTab: boolean): PageData {
  const settings = useSettings();
  const lang = settings?.lang ?? 'ar';
  useDocumentLanguage(lang, title);
  const db = uiDatabase();
  const stored = useLiveQuery(() => importStatus(db), []);
  const gaz = useLiveQuery(() => gazetteer(db), []);
  const { tab, loaded: tabLoaded } = useTargetTab(followTab);
  const names = useTabNames(tab?.id ?? null, tab?.url);

  // Asking for the status also starts the import if nothing is stored yet (background handlers).
  // Its answer also tells of a failure the database could not record (storage full, the bundle
  // unreadable): shown rather than "preparing…" for ever.
  const [answered, setAnswered] = useState<ImportStatus | undefined>(undefined);
  useEffect(() => {
    sendRequest({ type: 'getStatus' }).then(setAnswered, () => {});
  }, []);
  const inProgress = stored.value === undefined || stored.value.state === 'empty' || stored.value.state === 'importing';
  const status: Live<ImportStatus> = answered?.state === 'error' && inProgress ? { value: answered, error: undefined } : stored;

  return { settings, lang, db, status, gazetteer: gaz, tab, tabLoaded, names };
}
