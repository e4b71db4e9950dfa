/**
 * The library page: import the reader's documents into their library, and the library's list
 * with the reader view of one article (components/ReaderView.tsx, as in the side panel). An
 * extension page: it opens the database directly (lib/ui-data.ts); cards in open tabs read the
 * new articles from it on their next hover, so no message is needed.
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useDocumentLanguage, useLiveQuery, useSettings } from '../../components/hooks.ts';
import { ReaderView } from '../../components/ReaderView.tsx';
import { errorText } from '../../lib/errors.ts';
import { dirOf, t } from '../../lib/i18n.ts';
import type { ImportRunState } from '../../lib/import-run.ts';
import { ImportController, type PickedFile } from '../../lib/library-import.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { gazetteer, uiDatabase } from '../../lib/ui-data.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { LibraryList } from './LibraryList.tsx';
import { currentMatcher, NoMatcherError, pageFileReader } from './read-files.ts';

export function LibraryApp(): JSX.Element {
  const settings = useSettings();
  const lang = settings?.lang ?? DEFAULT_SETTINGS.lang;
  useDocumentLanguage(lang, 'libraryTitle');
  const db = uiDatabase();
  const gaz = useLiveQuery(() => gazetteer(db), []);
  const controller = useMemo(
    () => new ImportController({ db, matcher: () => currentMatcher(db), read: (name, bytes) => pageFileReader()(name, bytes) }),
    [],
  );
  const [state, setState] = useState<ImportRunState>(controller.state);
  const [error, setError] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);

  useEffect(() => {
    const stop = controller.subscribe(setState);
    controller.checkInterrupted().catch((e: unknown) => setError(errorText(e, lang)));
    return stop;
  }, [controller]);

  const onImport = (files: PickedFile[]) => {
    setError('');
    controller.run(files).catch((e: unknown) => setError(e instanceof NoMatcherError ? t('libraryNoMatcher', lang) : errorText(e, lang)));
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
          <ImportPanel state={state} lang={lang} error={error} onImport={onImport} onDismiss={() => controller.dispatch({ type: 'dismiss' })} />
          <LibraryList lang={lang} gazetteer={gaz.value} onOpen={setOpenId} />
        </>
      )}
    </main>
  );
}
