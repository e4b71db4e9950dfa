/**
 * Hooks shared by the popup, the side panel and the options page.
 */
import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, loadSettings, watchSettings, type Settings } from '../lib/settings.ts';
import { dirOf, tr, type UiKey, type UiLang } from '../lib/ui-i18n.ts';

export interface Live<T> {
  value: T | undefined;
  error: unknown;
}

/**
 * A Dexie liveQuery as component state: runs `query`, and runs it again whenever a write (in this
 * page, the background or another extension page) touches what it read, or when `deps` change.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: undefined });
  useEffect(() => {
    let current = true;
    const subscription = liveQuery(query).subscribe({
      next: (value) => current && setState({ value, error: undefined }),
      error: (error: unknown) => current && setState((s) => ({ value: s.value, error })),
    });
    return () => {
      current = false;
      subscription.unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
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
    document.title = tr(title, lang);
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
