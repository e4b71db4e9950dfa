/**
 * A save's outcome in words (issue 13 item 1): the popup's and side panel's status line
 * (components/SavePageButton.tsx) and the page's notice after a save from the context menu
 * (components/SaveNotice.tsx, text made by the background) say it the same way.
 */
import { t, type UiKey, type UiLang } from './i18n.ts';
import type { SaveFailure, SaveResult } from './messages/page-copy.ts';
import { tn } from './plural.ts';

/** Each failure's sentence; `error` and `bad-copy` carry the browser's own detail. */
const FAILURE_TEXT: Record<SaveFailure, UiKey> = {
  'not-a-page': 'saveFailed_notAPage',
  'too-large': 'saveFailed_tooLarge',
  'no-article': 'saveFailed_noArticle',
  'storage-full': 'storageFull',
  'not-ready': 'saveFailed_notReady',
  'bad-copy': 'saveFailed_error',
  error: 'saveFailed_error',
};

export function failureText(result: Extract<SaveResult, { status: 'failed' }>, lang: UiLang): string {
  return t(FAILURE_TEXT[result.reason], lang, { detail: result.detail });
}

/** The whole outcome in one line: «حُفظت ✓ «العنوان» 12 اسمًا», already in the library, or why not. */
export function saveOutcomeText(result: SaveResult, lang: UiLang): string {
  if (result.status === 'failed') return failureText(result, lang);
  if (result.status === 'duplicate') return t('saveDuplicate', lang, { title: result.title });
  const estimated = result.dateEstimated ? ` ${t('saveDateEstimated', lang)}` : '';
  return `${t('savedPage', lang, { title: result.title })} ${tn('saveNames', lang, result.names)}${estimated}`;
}
