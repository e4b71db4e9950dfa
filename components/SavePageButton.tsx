/**
 * "Save this page" (issue 13 item 1) in the popup and the side panel: the button, and what became
 * of the save in words — saving…, saved ✓ with the headline and how many names were found, already
 * in your library, or why it failed. The state is components/save-state.ts; the work is the
 * background's (request savePage). The status line is a live region, so a screen reader hears it.
 */
import type { JSX } from 'preact';
import { useEffect, useReducer } from 'preact/hooks';
import { errorText } from '../lib/errors.ts';
import { t, type UiLang } from '../lib/i18n.ts';
import { sendRequest } from '../lib/messages.ts';
import { failureText } from '../lib/save-outcome.ts';
import { tn } from '../lib/plural.ts';
import type { TabInfo } from '../lib/tabs.ts';
import { Message } from './Message.tsx';
import { INITIAL_SAVE_STATE, saveTransition, type SaveState } from './save-state.ts';

// The failure's words are shared with the page's notice after a context-menu save.
export { failureText } from '../lib/save-outcome.ts';

function Outcome(props: { state: SaveState; lang: UiLang }): JSX.Element | null {
  const { state, lang } = props;
  if (state.kind === 'idle') return null;
  if (state.kind === 'saving') return <>{t('saving', lang)}</>;
  if (state.kind === 'error') return <>{errorText(state.error, lang)}</>;
  const r = state.result;
  if (r.status === 'failed') return <>{failureText(r, lang)}</>;
  if (r.status === 'duplicate') return <Message k="saveDuplicate" lang={lang} vars={{ title: r.title }} />;
  return (
    <>
      <Message k="savedPage" lang={lang} vars={{ title: r.title }} /> {tn('saveNames', lang, r.names)}
      {r.dateEstimated && <> {t('saveDateEstimated', lang)}</>}
    </>
  );
}

function outcomeKind(state: SaveState): 'saving' | 'saved' | 'duplicate' | 'failed' | 'idle' {
  if (state.kind === 'answered') return state.result.status === 'added' ? 'saved' : state.result.status;
  return state.kind === 'error' ? 'failed' : state.kind;
}

export function SavePageButton(props: { tab: TabInfo | null; lang: UiLang }): JSX.Element {
  const { tab, lang } = props;
  const [state, dispatch] = useReducer(saveTransition, INITIAL_SAVE_STATE);
  const pageKey = tab ? `${tab.id} ${tab.url}` : '';
  useEffect(() => dispatch({ type: 'pageChanged' }), [pageKey]);
  const saving = state.kind === 'saving';
  const kind = outcomeKind(state);

  const save = () => {
    if (saving) return;
    dispatch({ type: 'click' });
    if (!tab || !tab.host) {
      // Not an http(s) page: nothing there to save, and no content script to ask.
      dispatch({ type: 'answer', result: { status: 'failed', reason: 'not-a-page', detail: tab?.url ?? '' } });
      return;
    }
    sendRequest({ type: 'savePage', tabId: tab.id }).then(
      (result) => dispatch({ type: 'answer', result }),
      (error: unknown) => dispatch({ type: 'error', error }),
    );
  };

  return (
    <div class="save-page">
      <button type="button" class="btn" data-testid="save-page" aria-disabled={saving} aria-describedby="save-status" onClick={save}>
        {t('savePage', lang)}
      </button>
      <p
        id="save-status"
        class={kind === 'idle' ? 'save-status' : 'save-status notice'}
        role="status"
        data-testid="save-status"
        data-state={kind}
        data-kind={kind === 'failed' ? 'error' : undefined}
        // The extension's work for this save (SaveResult.ms.total): what BENCHMARKS.md reports.
        data-ms={state.kind === 'answered' && state.result.status !== 'failed' ? state.result.ms.total.toFixed(1) : undefined}
      >
        <Outcome state={state} lang={lang} />
      </p>
    </div>
  );
}
