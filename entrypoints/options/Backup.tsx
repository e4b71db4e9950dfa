/**
 * The options page's backup (issue 13 item 4): save everything the reader made as one file, and
 * restore such a file (here or on another machine). The file is made and read in this page: a
 * Blob URL for the download, a file input for the restore; nothing leaves the browser.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BackupError } from '../../core/library/backup.ts';
import { backupFile, restoreBackup, type RestoreReport } from '../../lib/backup.ts';
import { errorText } from '../../lib/errors.ts';
import { backupProblemsText } from '../../lib/input-problem-text.ts';
import { sendRequest } from '../../lib/messages.ts';
import { t, type UiLang } from '../../lib/i18n.ts';
import { uiDatabase } from '../../lib/ui-data.ts';

type State =
  | { step: 'idle' }
  | { step: 'working'; done: number; total: number }
  | { step: 'restored'; report: RestoreReport }
  | { step: 'failed'; message: string };

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // After the click has handed the URL to the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function BackupSection(props: { lang: UiLang; onSaved: () => void }): JSX.Element {
  const { lang } = props;
  const [state, setState] = useState<State>({ step: 'idle' });
  const fail = (e: unknown) =>
    setState({ step: 'failed', message: e instanceof BackupError ? t('backupBadFile', lang, { problems: backupProblemsText(e.problems, lang) }) : errorText(e, lang) });

  const exportAll = async () => {
    try {
      const file = await backupFile(uiDatabase(), { now: new Date(), extensionVersion: browser.runtime.getManifest().version });
      download(file.name, file.text);
      props.onSaved();
    } catch (e) {
      fail(e);
    }
  };

  const restore = async (file: File | undefined) => {
    if (!file) return;
    setState({ step: 'working', done: 0, total: 0 });
    try {
      const report = await restoreBackup(uiDatabase(), await file.text(), (done, total) => setState({ step: 'working', done, total }));
      // The background refreshes the pages' snapshot (open tabs and the next loads pick up the
      // restored names and switched-off sites) and rescans the library with the restored names.
      await sendRequest({ type: 'namesChanged' });
      setState({ step: 'restored', report });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <fieldset class="backup">
      <legend>{t('backupLegend', lang)}</legend>
      <p class="muted">{t('backupHelp', lang)}</p>
      <p class="backup-actions">
        <button type="button" class="btn" onClick={() => void exportAll()} data-testid="backup-export">
          {t('backupExport', lang)}
        </button>
        <label class="btn file-btn">
          {t('backupRestore', lang)}
          <input
            type="file"
            accept=".json,application/json"
            class="sr-only"
            data-testid="backup-restore"
            disabled={state.step === 'working'}
            onChange={(e) => {
              const input = e.currentTarget;
              void restore(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
      </p>
      <div role="status" aria-live="polite" data-testid="backup-status">
        {state.step === 'working' && (
          <p>
            {t('backupRestoring', lang)}{' '}
            {state.total > 0 && <progress max={state.total} value={state.done} aria-label={t('backupRestoring', lang)} />}
          </p>
        )}
        {state.step === 'restored' && (
          <p>
            {t('backupRestored', lang, {
              articles: state.report.articlesAdded,
              duplicates: state.report.articlesDuplicate,
              names: state.report.names,
              corrections: state.report.corrections,
            })}
          </p>
        )}
      </div>
      {state.step === 'failed' && (
        <p class="notice" data-kind="error" role="alert" data-testid="backup-error">
          {state.message}
        </p>
      )}
    </fieldset>
  );
}
