/**
 * The reader's own names (issue 13 item 3), for the options page or the library page: the list,
 * each with edit (the form in place) and delete (with undo); a button for a new name; the library
 * rescan's progress after a change; and the names the library suggests ("أسماء مقترحة"), each to
 * accept (the form opens with it) or dismiss (with undo). Everything follows the database live.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Suggestion } from '../core/library/suggest.ts';
import type { Entity, EntityKind } from '../core/types.ts';
import { userEntities } from '../db/library.ts';
import { errorText } from '../lib/errors.ts';
import { kindLabel, t, type UiLang } from '../lib/i18n.ts';
import { deleteOwnName, librarySuggestions, readRescan, saveOwnName, setDismissed } from '../lib/own-names.ts';
import { uiDatabase } from '../lib/ui-data.ts';
import { AddNameForm } from './AddNameForm.tsx';
import { useLiveQuery } from './hooks.ts';
import './own-names.css';

type Editing = { kind: 'none' } | { kind: 'new'; start?: { name: string; kind: EntityKind } } | { kind: 'edit'; entity: Entity };

/** What the last change was, with its undo. */
interface Done {
  words: string;
  undo?: () => Promise<void>;
}

export function OwnNames(props: { lang: UiLang; onError?: (message: string) => void }): JSX.Element {
  const { lang } = props;
  const db = uiDatabase();
  const own = useLiveQuery(() => userEntities(db), [db]);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [done, setDone] = useState<Done | null>(null);
  const failed = (e: unknown) => props.onError?.(errorText(e, lang));

  const remove = (entity: Entity) => {
    deleteOwnName(db, entity.id).then(
      (removed) =>
        setDone({
          words: t('ownNameDeleted', lang, { name: entity.name }),
          ...(removed ? { undo: () => saveOwnName(db, removed) } : {}),
        }),
      failed,
    );
  };

  const list = [...(own.value ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'ar'));
  return (
    <section class="own-names" aria-labelledby="own-names-title">
      <fieldset>
        <legend id="own-names-title">{t('ownNamesLegend', lang)}</legend>
        {own.value && list.length === 0 && <p class="muted">{t('ownNamesEmpty', lang)}</p>}
        {list.length > 0 && (
          <ul class="site-list own-names-list">
            {list.map((e) => (
              <li key={e.id} data-entity={e.id}>
                <span class="grow">
                  <bdi lang="ar">{e.name}</bdi>
                  {e.nameEn && (
                    <span class="en">
                      {' ('}
                      <bdi lang="en">{e.nameEn}</bdi>
                      {')'}
                    </span>
                  )}{' '}
                  <span class="muted">{kindLabel(e.kind, lang)}</span>
                </span>
                <button type="button" class="btn" aria-label={t('ownNameEditLabel', lang, { name: e.name })} onClick={() => setEditing({ kind: 'edit', entity: e })}>
                  {t('ownNameEdit', lang)}
                </button>
                <button type="button" class="btn" aria-label={t('ownNameDeleteLabel', lang, { name: e.name })} onClick={() => remove(e)}>
                  {t('ownNameDelete', lang)}
                </button>
              </li>
            ))}
          </ul>
        )}
        {editing.kind === 'none' ? (
          <p>
            <button type="button" class="btn" onClick={() => setEditing({ kind: 'new' })}>
              {t('ownNameAdd', lang)}
            </button>
          </p>
        ) : (
          <AddNameForm
            key={editing.kind === 'edit' ? editing.entity.id : `new:${editing.start?.name ?? ''}`}
            lang={lang}
            {...(editing.kind === 'edit' ? { editing: editing.entity } : editing.start ? { start: editing.start } : {})}
            onSaved={(entity) => {
              setEditing({ kind: 'none' });
              setDone({ words: t('nameSaved', lang, { name: entity.name }) });
            }}
            onCancel={() => setEditing({ kind: 'none' })}
          />
        )}
        <p role="status" class="status-line" data-testid="own-names-status">
          {done && (
            <>
              {done.words}{' '}
              {done.undo && (
                <button
                  type="button"
                  class="btn btn-link"
                  onClick={() => {
                    const undo = done.undo!;
                    setDone(null);
                    undo().catch(failed);
                  }}
                >
                  {t('undo', lang)}
                </button>
              )}
            </>
          )}
        </p>
        <RescanProgress lang={lang} />
      </fieldset>
      <Suggestions
        lang={lang}
        onAccept={(s) => setEditing({ kind: 'new', start: { name: s.name, kind: s.kind } })}
        onDismissed={(s) => setDone({ words: t('suggestDismissed', lang, { name: s.name }), undo: () => setDismissed(db, s.key, false) })}
        onError={failed}
      />
    </section>
  );
}

/** The library rescan's progress after the reader's names changed (written by the background). */
export function RescanProgress(props: { lang: UiLang }): JSX.Element | null {
  const { lang } = props;
  const db = uiDatabase();
  const rescan = useLiveQuery(() => readRescan(db), [db]).value;
  if (!rescan || rescan.total === 0) return null;
  if (rescan.state === 'error') {
    return (
      <p class="notice" data-kind="error" role="alert">
        {t('rescanError', lang, { error: rescan.error ?? '' })}
      </p>
    );
  }
  return (
    <div class="rescan" data-testid="rescan" data-state={rescan.state}>
      <p role="status">{t(rescan.state === 'done' ? 'rescanDone' : 'rescanRunning', lang, { done: rescan.done, total: rescan.total })}</p>
      {rescan.state === 'running' && <progress max={rescan.total} value={rescan.done} aria-label={t('rescanRunning', lang, { done: rescan.done, total: rescan.total })} />}
    </div>
  );
}

function Suggestions(props: {
  lang: UiLang;
  onAccept: (s: Suggestion) => void;
  onDismissed: (s: Suggestion) => void;
  onError: (e: unknown) => void;
}): JSX.Element {
  const { lang } = props;
  const db = uiDatabase();
  const found = useLiveQuery(() => librarySuggestions(db), [db]);
  return (
    <fieldset class="suggestions">
      <legend>{t('suggestLegend', lang)}</legend>
      <p class="muted">{t('suggestHint', lang)}</p>
      {found.value && found.value.length === 0 && <p class="muted">{t('suggestEmpty', lang)}</p>}
      {found.value && found.value.length > 0 && (
        <ul class="site-list">
          {found.value.map((s) => (
            <li key={s.key} data-suggestion={s.name}>
              <div class="grow">
                <strong lang="ar">{s.name}</strong> <span class="muted">{t('suggestCount', lang, { n: s.count, articles: s.articles })}</span>
                {s.sentences.map((x) => (
                  <blockquote key={x.articleId} lang="ar" dir="rtl">
                    {x.text}
                  </blockquote>
                ))}
              </div>
              <button type="button" class="btn" aria-label={t('suggestAcceptLabel', lang, { name: s.name })} onClick={() => props.onAccept(s)}>
                {t('suggestAccept', lang)}
              </button>
              <button
                type="button"
                class="btn"
                aria-label={t('suggestDismissLabel', lang, { name: s.name })}
                onClick={() => setDismissed(db, s.key, true).then(() => props.onDismissed(s), props.onError)}
              >
                {t('suggestDismiss', lang)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
