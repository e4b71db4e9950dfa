/**
 * "How sources name it": each outlet with the names it writes for the entity and the stance words
 * that recur around them (core/analysis/outlet-naming.ts, computed when the bundle is built).
 * Compact in the hover card — one flowing line of outlets and their most written names, clamped
 * to two lines, with the full list behind a disclosure that renders only once opened (nothing
 * heavy while the card opens) — and full in the side panel.
 *
 * Names and words are corpus text: JSX children only, isolated in <bdi lang="ar">.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { recurringStance, type OutletNaming } from '../core/analysis/profile.ts';
import { t, type UiLang } from '../lib/i18n.ts';
import { tn } from '../lib/plural.ts';
import './outlets.css';

/** Outlets and names per outlet in the compact line: the rest is one click away. */
export const COMPACT_OUTLETS = 3;
export const COMPACT_NAMES = 2;

export interface OutletNamesProps {
  outlets: readonly OutletNaming[];
  lang: UiLang;
  /** Unique within the document: the section's heading id is made from it. */
  idBase: string;
  /** The side panel's full section; the hover card's compact one otherwise. */
  full?: boolean;
}

/** The outlet's name in the interface language; a library page that named none says so. */
export function outletLabel(o: Pick<OutletNaming, 'outlet' | 'outletEn'>, lang: UiLang): string {
  if (lang === 'en' && o.outletEn) return o.outletEn;
  return o.outlet || o.outletEn || t('unknownOutlet', lang);
}

export function OutletNames(props: OutletNamesProps): JSX.Element | null {
  const { outlets, lang, idBase } = props;
  const [open, setOpen] = useState(false);
  if (outlets.length === 0) return null;
  const headingId = `${idBase}-outlets`;
  return (
    <section class={`kc-outlets${props.full ? ' kc-outlets-full' : ''}`} aria-labelledby={headingId} data-testid="outlet-names">
      <h3 id={headingId}>{t('outletNaming', lang)}</h3>
      {props.full ? (
        <OutletList outlets={outlets} lang={lang} />
      ) : (
        <>
          <p class="kc-outlets-line">
            {outlets.slice(0, COMPACT_OUTLETS).map((o, i) => (
              <span key={o.outlet} class="kc-outlet-brief" data-outlet={o.outlet}>
                {i > 0 && <span aria-hidden="true"> · </span>}
                <bdi class="kc-outlet-name">{outletLabel(o, lang)}</bdi>
                {': '}
                <bdi lang="ar">{o.names.slice(0, COMPACT_NAMES).map((n) => n.text).join('، ')}</bdi>
                {recurringStance(o).length > 0 && (
                  <>
                    {' '}
                    <bdi lang="ar" class="kc-stance-brief">
                      {`«${recurringStance(o)[0]!.text}»`}
                    </bdi>
                  </>
                )}
              </span>
            ))}
            {outlets.length > COMPACT_OUTLETS && (
              <span class="kc-outlets-rest">
                <span aria-hidden="true"> · </span>
                {t('otherOutlets', lang, { n: outlets.length - COMPACT_OUTLETS })}
              </span>
            )}
          </p>
          {/* Opened by the summary's click (Enter and Space too), so the list is made only then. */}
          <details class="kc-outlets-more" open={open}>
            <summary
              onClick={(e) => {
                e.preventDefault();
                setOpen(!open);
              }}
            >
              {t('outletNamingMore', lang)}
            </summary>
            {open && <OutletList outlets={outlets} lang={lang} />}
          </details>
        </>
      )}
    </section>
  );
}

/** Every outlet: its names with how often, and the stance words that recur around them. */
export function OutletList(props: { outlets: readonly OutletNaming[]; lang: UiLang }): JSX.Element {
  const { lang } = props;
  const anyStance = props.outlets.some((o) => recurringStance(o).length > 0);
  return (
    <>
      <ul class="kc-outlet-list">
        {props.outlets.map((o) => {
          const stance = recurringStance(o);
          return (
            <li key={o.outlet} class="kc-outlet" data-outlet={o.outlet}>
              <p class="kc-outlet-head">
                <bdi class="kc-outlet-name">{outletLabel(o, lang)}</bdi>
                <span class="kc-outlet-count">{tn('mentionCount', lang, o.mentions)}</span>
              </p>
              <dl class="kc-outlet-facts">
                <div>
                  <dt>{t('outletNames', lang)}</dt>
                  <dd>
                    <ul class="kc-uses">
                      {o.names.map((n) => (
                        <li key={n.key} class="kc-use" data-key={n.key}>
                          <bdi lang="ar">{n.text}</bdi>
                          <span class="kc-use-count" aria-hidden="true">
                            {n.count}
                          </span>
                          <span class="kc-sr">{t('useTimes', lang, { n: n.count })}</span>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
                {stance.length > 0 && (
                  <div>
                    <dt>{t('outletStance', lang)}</dt>
                    <dd>
                      <ul class="kc-uses kc-stance">
                        {stance.map((s) => (
                          <li key={`${s.stance}:${s.key}`} class="kc-use" data-stance={s.stance}>
                            <bdi lang="ar">{s.text}</bdi>
                            <span class="kc-use-count" aria-hidden="true">
                              {s.count}
                            </span>
                            <span class="kc-sr">{t('useTimes', lang, { n: s.count })}</span>
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                )}
              </dl>
            </li>
          );
        })}
      </ul>
      {anyStance && <p class="kc-outlets-note">{t('outletStanceNote', lang)}</p>}
    </>
  );
}
