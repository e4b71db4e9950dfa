/**
 * The library page: import the reader's documents into their library, and the library's list
 * with the reader view of one article (components/ReaderView.tsx, as in the side panel). An
 * extension page: it opens the database directly (lib/ui-data.ts); cards in open tabs read the
 * new articles from it on their next hover, so no message is needed. The import itself runs in
 * a worker (import.worker.ts, lib/import-worker.ts): the page shows its progress, takes the
 * reader's cancel, and reads its live lists at most every LIBRARY_REFRESH_DURING_IMPORT_MS meanwhile.
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useDocumentLanguage, useSettings } from '../../components/hooks.ts';
import { ReaderView } from '../../components/ReaderView.tsx';
import { LIBRARY_REFRESH_DURING_IMPORT_MS } from '../../lib/constants.ts';
import { dirOf, t } from '../../lib/i18n.ts';
import { isRunning, type ImportRunState } from '../../lib/import-run.ts';
import { ImportClient, type ImportPort } from '../../lib/import-worker.ts';
import type { FileToImport } from '../../lib/messages/import-worker.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { gazetteer, uiDatabase } from '../../lib/ui-data.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { LibraryList } from './LibraryList.tsx';
import ImportWorker from './import.worker.ts?worker';
import { useThrottledLiveQuery } from './throttled-live-query.ts';

/**
 * The import worker, started with the page. Vite bundles it apart through `?worker` (WXT defines
 * import.meta.url away, so `new Worker(new URL(…, import.meta.url))` would not be seen); it is a
 * file of the extension's own origin, which the pages' CSP ('self') allows.
 */
function startImportWorker(): ImportClient {
  const worker = new ImportWorker();
  const client = new ImportClient(worker as unknown as ImportPort);
  worker.addEventListener('error', (e) => client.fail(e.message || 'the import worker did not start'));
  return client;
}

export function LibraryApp(): JSX.Element {
  const settings = useSettings();
  const lang = settings?.lang ?? DEFAULT_SETTINGS.lang;
  useDocumentLanguage(lang, 'libraryTitle');
  const db = uiDatabase();
  const client = useMemo(startImportWorker, []);
  const [state, setState] = useState<ImportRunState>(client.state);
  const importing = isRunning(state);
  const gaz = useThrottledLiveQuery(() => gazetteer(db), importing ? LIBRARY_REFRESH_DURING_IMPORT_MS : 0);
  const [error, setError] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);

  useEffect(() => {
    const stop = client.subscribe(setState);
    client.checkInterrupted();
    return stop;
  }, [client]);
  useEffect(() => client.onFailure((reason, message) => setError(reason === 'noMatcher' ? t('libraryNoMatcher', lang) : message)), [client, lang]);

  const onImport = (files: FileToImport[]) => {
    setError('');
    client.run(files);
  };

  return (
    <main class="library" lang={lang} dir={dirOf(lang)}>
      <header class="page-header">
        <h1>{t('libraryTitle', lang)}</h1>
      </header>
      {openId ? (
        <ReaderView
          articleId={openId}
          lang={lang}
          gazetteer={gaz.value}
          hoverDelayMs={settings?.hoverDelayMs ?? DEFAULT_SETTINGS.hoverDelayMs}
          onBack={() => setOpenId(null)}
        />
      ) : (
        <>
          <ImportPanel state={state} lang={lang} error={error} onImport={onImport} onCancel={() => client.cancel()} onDismiss={() => client.dismiss()} />
          <LibraryList lang={lang} gazetteer={gaz.value} importing={importing} onOpen={setOpenId} />
        </>
      )}
    </main>
  );
}
