/**
 * One corpus source as text, its names highlighted where the bundle's articleMentions put them.
 * The text is cut at the mention offsets into text nodes and spans (never innerHTML), so whatever
 * the text holds shows as characters. Each name is focusable; hovering it (after the reader's
 * hover delay) or focusing it opens the shared entity card next to it; Escape closes the card.
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { categoryOf } from '../core/types.ts';
import { CLOSE_GRACE_MS } from '../lib/constants.ts';
import { kindLabel, t, type UiLang } from '../lib/i18n.ts';
import { readerArticle, splitText, uiDatabase, type Gazetteer } from '../lib/ui-data.ts';
import { ArticleMeta } from './ArticleMeta.tsx';
import { ArticlePlaces } from './ArticlePlaces.tsx';
import { followName } from './card-position.ts';
import { CardView } from './CardView.tsx';
import { useLiveQuery } from './hooks.ts';

export interface ReaderViewProps {
  articleId: string;
  lang: UiLang;
  gazetteer: Gazetteer | undefined;
  hoverDelayMs: number;
  onBack: () => void;
}

interface OpenCard {
  entityId: string;
  anchor: HTMLElement;
}

export function ReaderView(props: ReaderViewProps): JSX.Element {
  const { lang, gazetteer } = props;
  const db = uiDatabase();
  const data = useLiveQuery(() => readerArticle(db, props.articleId), [props.articleId]);
  const [card, setCard] = useState<OpenCard | null>(null);
  const floating = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const openTimer = useRef<ReturnType<typeof setTimeout>>();
  const closeTimer = useRef<ReturnType<typeof setTimeout>>();
  /** Focus given back to a name on closing its card must not open the card again. */
  const refocusing = useRef(false);

  useEffect(() => back.current?.focus(), []);
  useEffect(
    () => () => {
      clearTimeout(openTimer.current);
      clearTimeout(closeTimer.current);
    },
    [],
  );

  // Keep the card next to its name while the panel scrolls or resizes.
  useEffect(() => {
    const el = floating.current;
    if (!card || !el) return;
    return followName(card.anchor, el);
  }, [card]);

  // Escape closes the card wherever the focus is (a hovered name need not have it).
  useEffect(() => {
    if (!card) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close(document.activeElement === card.anchor || !!floating.current?.contains(document.activeElement));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const show = (entityId: string, anchor: HTMLElement, delay: number) => {
    clearTimeout(openTimer.current);
    clearTimeout(closeTimer.current);
    if (delay <= 0) setCard({ entityId, anchor });
    else openTimer.current = setTimeout(() => setCard({ entityId, anchor }), delay);
  };
  const hide = (delay = CLOSE_GRACE_MS) => {
    clearTimeout(openTimer.current);
    clearTimeout(closeTimer.current);
    closeTimer.current = setTimeout(() => setCard(null), delay);
  };
  const close = (refocus: boolean) => {
    const anchor = card?.anchor;
    clearTimeout(openTimer.current);
    clearTimeout(closeTimer.current);
    setCard(null);
    if (refocus && anchor && document.activeElement !== anchor) {
      refocusing.current = true;
      anchor.focus();
      refocusing.current = false;
    }
  };

  const pieces = useMemo(
    () => (data.value ? splitText(data.value.article.text, data.value.mentions) : []),
    [data.value],
  );

  const a = data.value?.article;
  return (
    <article class="section reader" aria-labelledby="reader-headline">
      <button ref={back} type="button" class="btn" onClick={props.onBack}>
        {t('backToSources', lang)}
      </button>
      {data.value === null && <p class="notice">{t('notFound', lang)}</p>}
      {a && (
        <>
          <h2 id="reader-headline" lang="ar" dir="rtl">
            {a.headline}
          </h2>
          <ArticleMeta article={a} lang={lang} class="source-meta" byline />
          <p class="muted">{t('readerHint', lang)}</p>
          <div class="reader-text" lang="ar" dir="rtl" role="region" aria-label={t('articleText', lang)}>
            {pieces.map((p) => {
              if (!p.mention) return p.text;
              const m = p.mention;
              const e = gazetteer?.byId.get(m.entityId);
              const category = e ? categoryOf(e.kind) : undefined;
              return (
                <span
                  key={p.start}
                  class="name"
                  data-entity={m.entityId}
                  data-category={category}
                  tabIndex={0}
                  title={e ? t('nameInText', lang, { name: e.name, kind: kindLabel(e.kind, lang) }) : undefined}
                  role="button"
                  aria-haspopup="dialog"
                  aria-expanded={card?.anchor.dataset['start'] === String(p.start)}
                  data-start={p.start}
                  onKeyDown={(ev) => {
                    if (ev.key === 'Enter' || ev.key === ' ') {
                      ev.preventDefault();
                      show(m.entityId, ev.currentTarget, 0);
                    }
                  }}
                  onMouseEnter={(ev) => show(m.entityId, ev.currentTarget, props.hoverDelayMs)}
                  onMouseLeave={() => hide()}
                  onFocus={(ev) => !refocusing.current && show(m.entityId, ev.currentTarget, 0)}
                  onBlur={(ev) => {
                    const to = ev.relatedTarget as Node | null;
                    if (!to || !floating.current?.contains(to)) hide();
                  }}
                  onClick={(ev) => show(m.entityId, ev.currentTarget, 0)}
                >
                  {p.text}
                </span>
              );
            })}
          </div>
          <ArticlePlaces data={data.value!} gazetteer={gazetteer} lang={lang} />
        </>
      )}
      {card && (
        <div
          ref={floating}
          class="floating-card"
          onMouseEnter={() => clearTimeout(closeTimer.current)}
          onMouseLeave={() => hide()}
          onFocusIn={() => clearTimeout(closeTimer.current)}
          onFocusOut={(ev) => {
            const to = ev.relatedTarget as Node | null;
            if (to !== card.anchor && !floating.current?.contains(to)) hide();
          }}
        >
          <CardView entityId={card.entityId} lang={lang} role="dialog" onClose={() => close(true)} />
        </div>
      )}
    </article>
  );
}
