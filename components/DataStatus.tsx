/**
 * What the pages show while the bundled data is being imported, or when the import failed.
 * Nothing once the data is ready.
 */
import type { JSX } from 'preact';
import type { ImportStatus } from '../lib/messages.ts';
import { tr, type UiLang } from '../lib/ui-i18n.ts';

export function DataStatus(props: { status: ImportStatus | undefined; lang: UiLang }): JSX.Element | null {
  const { status, lang } = props;
  if (status?.state === 'ready') return null;
  if (status?.state === 'error') {
    return (
      <p class="notice" data-kind="error" role="alert">
        {tr('dataError', lang, { error: status.error ?? '' })}
      </p>
    );
  }
  return (
    <p class="notice" role="status">
      {tr('dataLoading', lang, { p: Math.round((status?.progress ?? 0) * 100) })}
    </p>
  );
}
