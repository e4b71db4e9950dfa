/**
 * A sample Arabic sentence painted exactly as pages are: the same CSS Custom Highlight names and
 * rules (page/highlighter.ts HIGHLIGHT_CSS) with the reader's chosen styles on top
 * (lib/settings.ts highlightStyleCss), in a sheet adopted by this document. The options page
 * shows it as a live preview of the style choices; the welcome page as an example.
 */
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Category } from '../core/types.ts';
import { t, type UiLang } from '../lib/i18n.ts';
import { highlightStyleCss, type Settings } from '../lib/settings.ts';
import { HIGHLIGHT_CSS, highlightName } from '../page/highlighter.ts';
import './highlight-sample.css';
import { SAMPLE } from './highlight-sample-text.ts';

export { SAMPLE };

/** The CSS a page gets for these styles: the base looks, then the reader's choices. */
export function sampleCss(styles: Settings['styles']): string {
  return `${HIGHLIGHT_CSS}\n${highlightStyleCss(styles, highlightName)}`;
}

interface HighlightApi {
  Highlight?: new (...ranges: AbstractRange[]) => unknown;
  CSS?: { highlights?: Map<string, unknown> };
}

export function HighlightSample(props: { styles: Settings['styles']; lang: UiLang }): JSX.Element {
  const ref = useRef<HTMLParagraphElement>(null);
  const sheet = useRef<CSSStyleSheet | null>(null);

  // The names' ranges, registered once (this page's highlights are the sample's alone).
  useEffect(() => {
    const root = ref.current;
    const w = globalThis as unknown as HighlightApi;
    if (!root || !w.Highlight || !w.CSS?.highlights) return;
    const byCategory = new Map<Category, Range[]>();
    for (const span of Array.from(root.querySelectorAll<HTMLElement>('[data-category]'))) {
      const range = document.createRange();
      range.selectNodeContents(span);
      const c = span.dataset['category'] as Category;
      byCategory.set(c, [...(byCategory.get(c) ?? []), range]);
    }
    for (const [c, ranges] of byCategory) w.CSS.highlights.set(highlightName(c), new w.Highlight(...ranges));
    return () => {
      for (const c of byCategory.keys()) w.CSS?.highlights?.delete(highlightName(c));
    };
  }, []);

  // The styles, again at each change.
  useEffect(() => {
    try {
      sheet.current ??= new CSSStyleSheet();
      sheet.current.replaceSync(sampleCss(props.styles));
      if (!document.adoptedStyleSheets.includes(sheet.current)) {
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet.current];
      }
    } catch {
      // No constructable stylesheets (a test DOM): the sample shows unpainted.
    }
  }, [props.styles]);

  return (
    <figure class="highlight-sample">
      <figcaption class="muted">{t('welcomeSample', props.lang)}</figcaption>
      <p ref={ref} lang="ar" dir="rtl" class="sample-text" data-testid="highlight-sample">
        {SAMPLE.map((piece, i) =>
          piece.category ? (
            <span key={i} data-category={piece.category} data-style={props.styles[piece.category]}>
              {piece.text}
            </span>
          ) : (
            piece.text
          ),
        )}
      </p>
    </figure>
  );
}
