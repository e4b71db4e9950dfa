/**
 * The page's notice after "Save this page" from the context menu (issue 13): what became of the
 * save, in the reader's language — saved with its headline and names, already in the library, or
 * why not — and a link-like button to open the library. A status (role=status, polite): a screen
 * reader hears it without losing its place, and it never takes the focus. The state and its timer
 * are components/save-notice-state.ts and entrypoints/content/save-notice.ts.
 */
import type { JSX } from 'preact';
import { dirOf, t } from '../lib/i18n.ts';
import type { Notice } from './save-notice-state.ts';
import './save-notice.css';

export interface SaveNoticeProps {
  notice: Notice;
  onOpenLibrary: () => void;
  onClose: () => void;
  /** Pointer or focus on the notice holds it (it does not go while the reader reads or acts on it). */
  onHold: () => void;
  onRelease: () => void;
}

export function SaveNotice(props: SaveNoticeProps): JSX.Element {
  const { notice, onHold, onRelease } = props;
  const { lang } = notice;
  return (
    <div
      class="khabar-notice"
      role="status"
      aria-live="polite"
      lang={lang}
      dir={dirOf(lang)}
      data-outcome={notice.outcome}
      onPointerEnter={onHold}
      onPointerLeave={onRelease}
      onFocusIn={onHold}
      onFocusOut={onRelease}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <span class="kn-text">{notice.text}</span>
      <button type="button" class="kn-open" onClick={props.onOpenLibrary}>
        {t('openLibrary', lang)}
      </button>
      <button type="button" class="kn-close" aria-label={t('close', lang)} onClick={props.onClose}>
        ×
      </button>
    </div>
  );
}
