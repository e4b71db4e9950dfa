/**
 * A message whose slots hold text of either direction (a page title, a host name, a list of
 * names) written into the other language's sentence: each filled slot is its own <bdi>, so an
 * Arabic title in an English sentence, or a Latin host in an Arabic one, keeps its order and does
 * not drag the punctuation around it to the wrong side.
 */
import type { JSX } from 'preact';
import { t, type UiKey, type UiLang } from '../lib/i18n.ts';

export function Message(props: { k: UiKey; lang: UiLang; vars: Record<string, string | number> }): JSX.Element {
  // t() with each slot left as written, then split at the slots.
  const parts = t(props.k, props.lang).split(/(\{\w+\})/);
  return (
    <>
      {parts.map((part, i) => {
        const slot = /^\{(\w+)\}$/.exec(part);
        const value = slot ? props.vars[slot[1]!] : undefined;
        return value === undefined ? part : <bdi key={i}>{String(value)}</bdi>;
      })}
    </>
  );
}
