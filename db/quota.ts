/**
 * Whether an error is the browser's storage quota: the import classifies its failures with it
 * (db/import.ts) and the pages tell the reader in words they can act on (lib/errors.ts).
 */

/** The error, or one inside Dexie's wrappers (inner, cause, a BulkError's failures), is QuotaExceededError. */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (typeof e !== 'object' || e === null || depth > 5) return false;
  const x = e as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (x.name === 'QuotaExceededError') return true;
  const failures = Array.isArray(x.failures) ? x.failures : x.failures && typeof x.failures === 'object' ? Object.values(x.failures) : [];
  return failures.some((f) => isQuotaError(f, depth + 1)) || isQuotaError(x.inner, depth + 1) || isQuotaError(x.cause, depth + 1);
}
