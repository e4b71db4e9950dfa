/**
 * The global pause in the popup (lib/pause.ts): says when the extension is paused and switches it.
 * The toggle-pause shortcut and the card's "pause everywhere" change the same flag; this follows.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, type UiLang } from '../lib/i18n.ts';
import { isPaused, setPaused, watchPaused } from '../lib/pause.ts';

export function usePaused(): boolean | null {
  const [paused, set] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    const stop = watchPaused((p) => live && set(p));
    isPaused().then(
      (p) => live && set(p),
      () => live && set(false),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return paused;
}

export function PauseSwitch(props: { lang: UiLang }): JSX.Element | null {
  const { lang } = props;
  const paused = usePaused();
  if (paused === null) return null;
  return (
    <div class="pause" data-testid="pause" data-paused={paused}>
      {paused && (
        <p class="notice" role="status">
          {t('pausedNotice', lang)}
        </p>
      )}
      <button type="button" class="btn" aria-pressed={paused} onClick={() => void setPaused(!paused)}>
        {t(paused ? 'resumeButton' : 'pauseButton', lang)}
      </button>
    </div>
  );
}
