/**
 * The entity card's light or dark theme as its data-theme attribute, so that one set of dark rules
 * in card.css serves every card: the hover card is given the page's theme; elsewhere (the popup,
 * the side panel) the card follows the system's preference, and its changes.
 */
import { useEffect, useState } from 'preact/hooks';

export type CardTheme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemTheme(): CardTheme {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** `given` if there is one, else the system's theme, kept current. */
export function useCardTheme(given: CardTheme | undefined): CardTheme {
  const [system, setSystem] = useState<CardTheme>(() => (given ? 'light' : systemTheme()));
  useEffect(() => {
    if (given || typeof matchMedia !== 'function') return;
    const query = matchMedia(DARK_QUERY);
    const follow = () => setSystem(query.matches ? 'dark' : 'light');
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [given]);
  return given ?? system;
}
