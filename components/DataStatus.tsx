/**
 * What the pages show, as a section of its own, while the bundled data is being imported or when
 * the import failed. Nothing once the data is ready. A full disk (the browser's storage quota) gets
 * words the reader can act on; any other failure shows its message.
 */
import type { JSX } from 'preact';
import { t, type UiLang } from '../lib/i18n.ts';
import type { ImportStatus } from '../lib/messages.ts';

export function DataStatus(props: { status: ImportStatus | undefined; lang: UiLang }): JSX.Element | null {
  const { status, lang } = props;
  if (status?.state === 'ready') return null;
  return (
    <div class="section">
      {status?.state === 'error' ? (
        <p class="notice" data-kind="error" role="alert">
          {status.errorKind === 'quota' ? t('dataErrorQuota', lang) : t('dataError', lang, { error: status.error ?? '' })}
        </p>
      ) : (
        <p class="notice" role="status">
          {t('dataLoading', lang, { p: Math.round((status?.progress ?? 0) * 100) })}
        </p>
      )}
    </div>
  );
}
