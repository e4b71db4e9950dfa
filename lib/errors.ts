/**
 * What the reader is told when a write fails. A full disk (the browser's storage quota: Dexie's
 * and IndexedDB's QuotaExceededError, storage.local's "QUOTA_BYTES quota exceeded", or such an
 * error relayed by the background as its message) gets words they can act on; anything else
 * shows its own message.
 */
import { t, type UiLang } from './i18n.ts';

export function isQuotaFailure(e: unknown, depth = 0): boolean {
  if (depth > 5 || e === null || e === undefined) return false;
  if (typeof e === 'string') return /quota/i.test(e);
  if (typeof e !== 'object') return false;
  const x = e as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown };
  if (x.name === 'QuotaExceededError') return true;
  return isQuotaFailure(x.message, depth + 1) || isQuotaFailure(x.inner, depth + 1) || isQuotaFailure(x.cause, depth + 1);
}

export function errorText(e: unknown, lang: UiLang): string {
  if (isQuotaFailure(e)) return t('storageFull', lang);
  return e instanceof Error ? e.message : String(e);
}
