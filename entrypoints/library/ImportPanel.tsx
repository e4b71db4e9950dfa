/**
 * The import section of the library page: pick files or drop them (the drop zone is a button too:
 * Enter or Space opens the picker), a progress bar while the run goes file by file, then a result
 * per file (added, duplicates, or the problem with the file and line), and the report of a run
 * that was interrupted when the page or browser closed (lib/import-run.ts). A run can be stopped:
 * it stops between whole files, and the files not imported are listed, as for an interrupted one.
 */
import type { JSX } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { t, type UiLang } from '../../lib/i18n.ts';
import { isRunning, notImported, type FileReport, type ImportRunState } from '../../lib/import-run.ts';
import { problemOnLine } from '../../lib/input-problem-text.ts';
import type { FileToImport } from '../../lib/messages/import-worker.ts';
import { ACCEPTED, pickedFiles } from './read-files.ts';

export interface ImportPanelProps {
  state: ImportRunState;
  lang: UiLang;
  /** A failure before any file was read (the data not ready), in words. */
  error: string;
  onImport: (files: FileToImport[]) => void;
  /** Stop the run (between whole files); no button without it. */
  onCancel?: () => void;
  onDismiss: () => void;
}

export function ImportPanel(props: ImportPanelProps): JSX.Element {
  const { state, lang } = props;
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [over, setOver] = useState(false);
  const running = isRunning(state);

  const take = (list: FileList | null | undefined) => {
    if (!list || list.length === 0 || running) return;
    props.onImport(pickedFiles(list));
  };

  return (
    <section class="section import" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('libraryImportHeading', lang)}</h2>
      <p class="muted">{t('libraryImportHint', lang)}</p>
      <p class="file-pick">
        <label for={inputId} class="filter-label">
          {t('libraryPickFiles', lang)}
        </label>
        <input
          ref={input}
          id={inputId}
          class="file-input"
          type="file"
          multiple
          accept={ACCEPTED}
          disabled={running}
          data-testid="import-files"
          onChange={(e) => {
            take(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </p>
      <div
        class="drop-zone"
        data-over={over ? 'true' : undefined}
        role="button"
        tabIndex={0}
        aria-disabled={running}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          if (!running) input.current?.click();
        }}
        onClick={() => !running && input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          take(e.dataTransfer?.files);
        }}
      >
        {t('libraryDropZone', lang)}
      </div>
      {props.error && (
        <p class="notice" data-kind="error" role="alert">
          {props.error}
        </p>
      )}
      <RunReport state={state} lang={lang} onCancel={props.onCancel} onDismiss={props.onDismiss} />
    </section>
  );
}

function RunReport(props: { state: ImportRunState; lang: UiLang; onCancel?: () => void; onDismiss: () => void }): JSX.Element | null {
  const { state, lang } = props;
  // The run the reader asked to stop (by its id): the button waits, as the run stops between whole files.
  const [stopping, setStopping] = useState<string | null>(null);
  if (state.phase === 'idle') return null;
  if (state.phase === 'interrupted') {
    const { journal } = state;
    const left = notImported(journal);
    return (
      <div class="notice import-report" role="alert" data-testid="import-interrupted">
        <p>{t('libraryInterrupted', lang, { total: journal.files.length, done: journal.done, left: left.length })}</p>
        <p>{t('libraryNotImported', lang)}</p>
        <ul class="file-names">
          {left.map((f) => (
            <li key={f} dir="auto">
              {f}
            </li>
          ))}
        </ul>
        <button type="button" class="btn" onClick={props.onDismiss}>
          {t('libraryDismiss', lang)}
        </button>
      </div>
    );
  }
  const { run } = state;
  const current = state.phase === 'reading' || state.phase === 'storing' ? run.files[state.file] : undefined;
  const ended = state.phase === 'done' || state.phase === 'failed' || state.phase === 'cancelled';
  return (
    <div class="import-report" data-testid="import-report" data-phase={state.phase}>
      <progress max={run.files.length} value={run.done} aria-label={t('libraryProgressLabel', lang)} />
      <p role="status" data-testid="import-progress">
        {t('libraryProgress', lang, { done: run.done, total: run.files.length, added: run.added })}
        {' · '}
        {t('libraryElapsed', lang, { s: Math.round((run.updatedAt - run.startedAt) / 1000) })}
        {current !== undefined && (
          <span class="muted">
            {' — '}
            {state.phase === 'reading'
              ? t('libraryReading', lang, { file: current, n: state.articles })
              : state.phase === 'storing' && state.stored !== undefined
                ? t('libraryStoringCount', lang, { file: current, stored: state.stored, n: state.articles })
                : t('libraryStoring', lang, { file: current })}
          </span>
        )}
      </p>
      {current !== undefined && props.onCancel && (
        <button
          type="button"
          class="btn"
          data-testid="import-cancel"
          disabled={stopping === run.importId}
          onClick={() => {
            setStopping(run.importId);
            props.onCancel?.();
          }}
        >
          {t(stopping === run.importId ? 'libraryCancelling' : 'libraryCancel', lang)}
        </button>
      )}
      {state.phase === 'cancelled' && (
        <div class="notice" role="status" data-testid="import-cancelled">
          <p>{t('libraryCancelled', lang, { total: run.files.length, done: run.done, added: run.added })}</p>
          <p>{t('libraryNotImported', lang)}</p>
          <ul class="file-names">
            {notImported(run).map((f) => (
              <li key={f} dir="auto">
                {f}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.phase === 'done' && <p class="notice">{t('libraryDone', lang, { added: run.added, duplicates: run.duplicates })}</p>}
      {state.phase === 'failed' && (
        <p class="notice" data-kind="error" role="alert">
          {state.reason === 'quota'
            ? t('libraryFailedQuota', lang, { done: run.done, total: run.files.length })
            : t('libraryFileNotStored', lang, { error: state.message })}
        </p>
      )}
      {run.reports.length > 0 && (
        <>
          <h3>{t('libraryResultsHeading', lang)}</h3>
          <ul class="file-results" data-testid="file-results">
            {run.reports.map((r, i) => (
              <FileResult key={i} report={r} lang={lang} />
            ))}
          </ul>
        </>
      )}
      {ended && (
        <button type="button" class="btn" onClick={props.onDismiss}>
          {t('libraryDismiss', lang)}
        </button>
      )}
    </div>
  );
}

function FileResult(props: { report: FileReport; lang: UiLang }): JSX.Element {
  const { report: r, lang } = props;
  const bad = r.failed !== undefined || (r.problems.length > 0 && r.added + r.duplicates === 0);
  return (
    <li class="file-result" data-file={r.file} data-kind={bad ? 'error' : undefined}>
      <strong dir="auto">{r.file}</strong>{' '}
      {(r.added > 0 || r.duplicates > 0 || r.problems.length === 0) && (
        <span data-testid="file-counts">{t('libraryFileResult', lang, { added: r.added, duplicates: r.duplicates })}</span>
      )}
      {r.failed && <span> {r.failed === 'quota' ? t('storageFull', lang) : t('libraryFileNotStored', lang, { error: '' })}</span>}
      {r.problems.length > 0 && (
        <ul class="problems">
          {r.problems.map((p, i) => (
            <li key={i} dir="auto" data-testid="problem">
              {p.file !== r.file && <bdi>{p.file}: </bdi>}
              {problemOnLine(p, lang)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
