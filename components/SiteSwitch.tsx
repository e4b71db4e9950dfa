/**
 * The per-site switch: whether the extension highlights names on the active tab's site. Read from
 * the database's `sites` table with liveQuery, written through the background (setSiteEnabled),
 * which also tells that site's open pages to switch on or off.
 */
import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import { errorText } from '../lib/errors.ts';
import { setSiteEnabled } from '../lib/tabs.ts';
import { t, type UiLang } from '../lib/i18n.ts';
import { uiDatabase } from '../lib/ui-data.ts';
import { useLiveQuery } from './hooks.ts';
import { Message } from './Message.tsx';

/** Whether the extension runs on `host`: undefined while unknown, true when it has no row. */
export function useSiteEnabled(host: string | null | undefined): boolean | undefined {
  const db = uiDatabase();
  const row = useLiveQuery(async () => (host ? ((await db.sites.get(host)) ?? null) : null), [host]);
  return row.value === undefined ? undefined : (row.value?.enabled ?? true);
}

export function SiteSwitch(props: { host: string | null; lang: UiLang }): JSX.Element | null {
  const { host, lang } = props;
  const id = useId();
  const db = uiDatabase();
  const row = useLiveQuery(async () => (host ? ((await db.sites.get(host)) ?? null) : null), [host]);
  const [error, setError] = useState('');
  if (!host || row.value === undefined) return null;
  const enabled = row.value?.enabled ?? true;
  return (
    <div>
      <label class="switch" for={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={enabled}
          onChange={(e) => {
            setError('');
            setSiteEnabled(host, e.currentTarget.checked).catch((err: unknown) =>
              setError(errorText(err, lang)),
            );
          }}
        />
        <span>
          <Message k="siteSwitch" lang={lang} vars={{ host }} />
        </span>
      </label>
      {error && (
        <p class="notice" data-kind="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
