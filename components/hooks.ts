/**
 * Hooks shared by the popup, the side panel and the options page.
 */
import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, loadSettings, watchSettings, type Settings } from '../lib/settings.ts';
import { dirOf, t, type UiKey, type UiLang } from '../lib/i18n.ts';

export interface Live<T> {
  value: T | undefined;
  error: unknown;
}

const NOTHING_YET: Live<never> = { value: undefined, error: undefined };

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/**
 * A Dexie liveQuery as component state: runs `query`, and runs it again whenever a write (in this
 * page, the background or another extension page) touches what it read, or when `deps` change.
 * An answer belongs to the deps it was asked with: when they change, the value and error go back to
 * undefined at once (the render that brings the new deps already says "not loaded"), so a view
 * never shows the previous question's answer while the new one is on its way.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<{ deps: readonly unknown[]; live: Live<T> }>(() => ({ deps, live: NOTHING_YET }));
  useEffect(() => {
    let current = true;
    const subscription = liveQuery(query).subscribe({
      next: (value) => current && setState({ deps, live: { value, error: undefined } }),
      error: (error: unknown) =>
        current && setState((s) => ({ deps, live: { value: sameDeps(s.deps, deps) ? s.live.value : undefined, error } })),
    });
    return () => {
      current = false;
      subscription.unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return sameDeps(state.deps, deps) ? state.live : NOTHING_YET;
}

/** The reader's settings, following every change stored from any page. `null` until loaded. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let current = true;
    const stop = watchSettings((s) => current && setSettings(s));
    loadSettings().then(
      (s) => current && setSettings(s),
      () => current && setSettings(DEFAULT_SETTINGS),
    );
    return () => {
      current = false;
      stop();
    };
  }, []);
  return settings;
}

/** Keeps <html lang dir> and the document title in the interface language. */
export function useDocumentLanguage(lang: UiLang, title: UiKey): void {
  useEffect(() => {
    const root = document.documentElement;
    root.lang = lang;
    root.dir = dirOf(lang);
    document.title = t(title, lang);
  }, [lang, title]);
}

/** A short message that clears itself (a status line such as "Settings saved."). */
export function useFlash(ms = 2500): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  return [
    message,
    (m: string) => {
      clearTimeout(timer.current);
      setMessage(m);
      timer.current = setTimeout(() => setMessage(''), ms);
    },
  ];
}
