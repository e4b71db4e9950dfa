/**
 * The options page's list of the reader's corrections (issue 10 item 4): each word with the entity
 * it is not, and where (one site, or every site), newest first, each with a button that removes
 * it. Read from extension storage and followed live (a "not this" in a card shows up here at
 * once); a removal applies at once on every open page (lib/corrections-store.ts).
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../lib/errors.ts';
import type { Correction } from '../../lib/corrections.ts';
import { loadCorrections, removeCorrection, watchCorrections } from '../../lib/corrections-store.ts';
import { t, type UiLang } from '../../lib/i18n.ts';

export function CorrectionsList(props: { lang: UiLang; onError: (message: string) => void; onRemoved?: (word: string) => void }): JSX.Element {
  const { lang } = props;
  const [list, setList] = useState<Correction[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const stop = watchCorrections((next) => setList(next));
    loadCorrections().then(
      (stored) => {
        if (live) setList((current) => current ?? stored);
      },
      (e: unknown) => props.onError(errorText(e, lang)),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  const scopeOf = (c: Correction) =>
    c.host === null ? t('correctionScopeAll', lang) : t('correctionScopeSite', lang, { site: c.host });
  return (
    <fieldset>
      <legend>{t('correctionsLegend', lang)}</legend>
      {list && list.length === 0 && <p class="muted">{t('correctionsEmpty', lang)}</p>}
      {list && list.length > 0 && (
        <ul class="site-list correction-list">
          {list.map((c) => (
            <li key={`${c.surface}|${c.entityId}|${c.host ?? ''}`} data-entity={c.entityId} data-host={c.host ?? ''}>
              <span>
                <span class="correction-word">{t('correctionItem', lang, { word: c.text, entity: c.entityName || c.entityId })}</span>{' '}
                <span class="muted">{scopeOf(c)}</span>
              </span>
              <button
                type="button"
                class="btn"
                aria-label={t('correctionRemoveLabel', lang, { word: c.text, scope: scopeOf(c) })}
                onClick={() =>
                  removeCorrection(c).then(
                    () => props.onRemoved?.(c.text),
                    (e: unknown) => props.onError(errorText(e, lang)),
                  )
                }
              >
                {t('correctionRemove', lang)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
