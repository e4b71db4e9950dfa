/**
 * A name as the lists show it (the popup's search results and its names on the page): the Arabic
 * name and the English one, then the kind's badge in its category's colours, then whatever the list
 * adds (a count). Two children: the names, and the side with the badge.
 */
import type { ComponentChildren, JSX } from 'preact';
import { categoryOf, type Entity } from '../core/types.ts';
import { kindLabel, type UiLang } from '../lib/i18n.ts';

export interface EntityLabelProps {
  entity: Entity;
  lang: UiLang;
  /** Class of the names' span (default entity-names). */
  class?: string;
  /** Class of the Arabic name. */
  nameClass?: string;
  /** Class of the side: the badge and `children` (default entity-side, which is display: contents). */
  sideClass?: string;
  /** After the badge, inside the side. */
  children?: ComponentChildren;
}

export function EntityLabel(props: EntityLabelProps): JSX.Element {
  const { entity: e, lang } = props;
  return (
    <>
      <span class={props.class ?? 'entity-names'}>
        <span class={props.nameClass} lang="ar" dir="rtl">
          {e.name}
        </span>{' '}
        <span class="en" lang="en" dir="ltr">
          {e.nameEn}
        </span>
      </span>
      <span class={props.sideClass ?? 'entity-side'}>
        <span class="badge" data-category={categoryOf(e.kind)}>
          {kindLabel(e.kind, lang)}
        </span>
        {props.children}
      </span>
    </>
  );
}
