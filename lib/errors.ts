/**
 * What the reader is told when a write fails. A full disk (the browser's storage quota: Dexie's
 * and IndexedDB's QuotaExceededError, storage.local's "QUOTA_BYTES quota exceeded", or such an
 * error relayed by the background as its message) gets words they can act on; anything else
 * shows its own message.
 */
import { isQuotaError } from '../db/quota.ts';
import { t, type UiLang } from './i18n.ts';

/**
 * isQuotaError, or a message that names the quota anywhere in the chain: storage.local's
 * "QUOTA_BYTES quota exceeded" and the background's relayed "QuotaExceededError: …" are strings.
 */
export function isQuotaFailure(e: unknown, depth = 0): boolean {
  if (depth > 5 || e === null || e === undefined) return false;
  if (typeof e === 'string') return /quota/i.test(e);
  if (typeof e !== 'object') return false;
  if (isQuotaError(e)) return true;
  const x = e as { message?: unknown; inner?: unknown; cause?: unknown };
  return isQuotaFailure(x.message, depth + 1) || isQuotaFailure(x.inner, depth + 1) || isQuotaFailure(x.cause, depth + 1);
}

export function errorText(e: unknown, lang: UiLang): string {
  if (isQuotaFailure(e)) return t('storageFull', lang);
  return e instanceof Error ? e.message : String(e);
}
