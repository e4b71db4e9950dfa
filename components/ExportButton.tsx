/**
 * A button that makes a file for the reader to keep (lib/export.ts), and says in words what it
 * saved, that there was nothing to save, or why it failed (a status line, read out by screen readers).
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t, type UiLang } from '../lib/i18n.ts';

export interface ExportButtonProps {
  label: string;
  lang: UiLang;
  /** Saves the file; returns what to tell the reader (null: nothing to export). */
  run: () => Promise<string | null> | string | null;
  testId?: string;
}

export function ExportButton(props: ExportButtonProps): JSX.Element {
  const { lang } = props;
  const [said, setSaid] = useState<{ text: string; error?: boolean } | null>(null);
  return (
    <p class="export">
      <button
        type="button"
        class="btn"
        data-testid={props.testId}
        onClick={async () => {
          try {
            const done = await props.run();
            setSaid({ text: done ?? t('exportNothing', lang) });
          } catch (error) {
            setSaid({ text: t('exportFailed', lang, { error: (error as Error).message }), error: true });
          }
        }}
      >
        {props.label}
      </button>{' '}
      <span class="muted" role="status" data-kind={said?.error ? 'error' : undefined}>
        {said?.text ?? ''}
      </span>
    </p>
  );
}
