/**
 * Paints the names found on the page without touching the page's DOM: the CSS Custom Highlight API
 * paints ranges registered in `CSS.highlights`, one `Highlight` per category (place, group, person,
 * outlet) plus one for the name the keyboard is on. No <mark>, no <span>, no <style>: the
 * `::highlight()` rules live in a constructed stylesheet adopted by the document (and by each open
 * shadow root that holds names, since document styles do not reach into shadow trees), and adopting
 * a stylesheet adds no node.
 *
 * Where the API is missing (older browsers), nothing is painted; the hover card still works, since
 * hover looks mentions up in its own index, not in the highlights.
 *
 * The page shares the registry: one that calls `CSS.highlights.clear()` or deletes our entries
 * would lose every highlight until the next scan. While the tab is visible the registry is looked
 * at every HIGHLIGHT_HEAL_MS and our entries are put back (`heal`).
 */
import type { Category } from '../core/types.ts';
import { EXTENSION_PREFIX, HIGHLIGHT_BATCH_MS, HIGHLIGHT_HEAL_MS } from '../lib/constants.ts';
import { adoptSheet, dropSheet, isAdopted } from './adopted-sheets.ts';

export type HighlightKey = Category | 'current';

export const HIGHLIGHT_KEYS: readonly HighlightKey[] = ['place', 'group', 'person', 'outlet', 'current'];

export function highlightName(key: HighlightKey): string {
  return `${EXTENSION_PREFIX}-${key}`;
}

/** How one highlight is drawn: a translucent background and an underline. */
interface HighlightLook {
  background: string;
  line: 'solid' | 'dotted';
  color: string;
  thickness?: string;
}

/**
 * Places and groups (what the reader came for) get a solid underline, people and outlets a dotted
 * one (2 px and opaque, or its dots vanish at body size), the keyboard's current name a strong one.
 * Backgrounds are translucent so that they read on light and dark pages alike and never change the
 * text's colour. Underlines do not skip ink: Arabic descenders (ي ر و ع) would cut them into dashes.
 */
const LOOKS: Record<HighlightKey, HighlightLook> = {
  place: { background: 'rgb(0 150 136 / 0.16)', line: 'solid', color: 'rgb(0 137 123 / 0.9)', thickness: '2px' },
  group: { background: 'rgb(230 120 0 / 0.16)', line: 'solid', color: 'rgb(214 96 0 / 0.9)', thickness: '2px' },
  person: { background: 'rgb(123 31 162 / 0.12)', line: 'dotted', color: 'rgb(123 31 162)', thickness: '2px' },
  outlet: { background: 'rgb(25 118 210 / 0.12)', line: 'dotted', color: 'rgb(25 118 210)', thickness: '2px' },
  current: { background: 'rgb(255 196 0 / 0.55)', line: 'solid', color: 'rgb(180 120 0)', thickness: '3px' },
};

/** Only the properties ::highlight() allows (colours, decorations, shadows). */
export const HIGHLIGHT_CSS = HIGHLIGHT_KEYS.map((key) => {
  const look = LOOKS[key];
  const thickness = look.thickness ? `\n  text-decoration-thickness: ${look.thickness};` : '';
  return `::highlight(${highlightName(key)}) {
  background-color: ${look.background};
  text-decoration-line: underline;
  text-decoration-style: ${look.line};
  text-decoration-color: ${look.color};${thickness}
  text-decoration-skip-ink: none;
}`;
}).join('\n');

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  readonly size: number;
  priority: number;
}

interface HighlightWindow {
  Highlight?: new (...ranges: AbstractRange[]) => HighlightLike;
  CSS?: { highlights?: Map<string, HighlightLike> };
  CSSStyleSheet: typeof CSSStyleSheet;
}

/** Ranges handed to the highlights per task (see Highlighter.flush). */
const FLUSH_CHUNK = 5000;

export class Highlighter {
  private readonly highlights = new Map<HighlightKey, HighlightLike>();
  private readonly registry: Map<string, HighlightLike> | undefined;
  private sheet: CSSStyleSheet | undefined;
  private readonly adopted = new Set<Document | ShadowRoot>();
  private current: AbstractRange | undefined;
  /**
   * Ranges added but not yet handed to their Highlight. Every frame after a registered highlight
   * changes, the browser revalidates all of its ranges: adding a scan's ranges slice by slice
   * would make each of the scan's frames cost in proportion to everything found so far (on a
   * 1 MB page, more than the scan itself). So they go in together: when the scan pass ends
   * (reassert) or, during a long scan, every HIGHLIGHT_BATCH_MS.
   */
  private readonly pending = new Map<HighlightKey, Set<AbstractRange>>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private healTimer: ReturnType<typeof setInterval> | undefined;
  /** Heals only while the page is visible: a hidden tab paints nothing, and must cost nothing. */
  private readonly onVisibility = () => {
    try {
      this.healWhileVisible();
    } catch (error) {
      console.warn('[khabar] highlight check failed', error);
    }
  };

  constructor(private readonly doc: Document) {
    const win = doc.defaultView as unknown as HighlightWindow | null;
    const registry = win?.CSS?.highlights;
    const Ctor = win?.Highlight;
    if (!registry || !Ctor) return;
    this.registry = registry;
    for (const key of HIGHLIGHT_KEYS) {
      const h = new Ctor();
      h.priority = key === 'current' ? 1 : 0;
      this.highlights.set(key, h);
      registry.set(highlightName(key), h);
    }
    try {
      this.sheet = new win.CSSStyleSheet();
      this.sheet.replaceSync(HIGHLIGHT_CSS);
    } catch (error) {
      this.sheet = undefined;
      console.warn('[khabar] highlight styles unavailable', error);
    }
    this.adoptInto(doc);
    doc.addEventListener('visibilitychange', this.onVisibility);
    this.healWhileVisible();
  }

  private healWhileVisible(): void {
    clearInterval(this.healTimer);
    this.healTimer = undefined;
    if (!this.registry || this.doc.visibilityState === 'hidden') return;
    this.heal();
    this.healTimer = setInterval(() => {
      try {
        this.heal();
      } catch (error) {
        console.warn('[khabar] highlight check failed', error);
      }
    }, HIGHLIGHT_HEAL_MS);
  }

  /** Whether the page took our entries out of the registry or our sheet off the document. */
  private tampered(): boolean {
    for (const [key, h] of this.highlights) if (this.registry?.get(highlightName(key)) !== h) return true;
    const sheet = this.sheet;
    return sheet !== undefined && this.adopted.has(this.doc) && !isAdopted(this.doc, sheet);
  }

  /** Puts back what the page took (a few map look-ups when it took nothing). */
  heal(): void {
    if (this.tampered()) this.reassert();
  }

  /** Whether the browser paints highlights at all. */
  get supported(): boolean {
    return this.registry !== undefined;
  }

  /** Make the ::highlight() rules apply inside a tree scope (the document, an open shadow root). */
  adoptInto(root: Document | ShadowRoot): void {
    if (!this.sheet || this.adopted.has(root)) return;
    try {
      adoptSheet(root, this.sheet);
      this.adopted.add(root);
    } catch (error) {
      console.warn('[khabar] could not adopt highlight styles', error);
    }
  }

  /**
   * Puts back what the page may have taken away: its scripts share the document's highlight
   * registry and adoptedStyleSheets, and a framework that assigns adoptedStyleSheets wholesale, or
   * a page that clears the registry, would drop ours. Cheap; the scanner calls it after each pass.
   */
  reassert(): void {
    this.flush();
    if (this.registry) {
      for (const [key, h] of this.highlights) {
        if (this.registry.get(highlightName(key)) !== h) this.registry.set(highlightName(key), h);
      }
    }
    const sheet = this.sheet;
    if (!sheet) return;
    for (const root of this.adopted) {
      try {
        adoptSheet(root, sheet);
      } catch {
        // A root whose document went away: nothing to restore.
      }
    }
  }

  /** Highlight a range (painted from the next flush on: see `pending`). */
  add(category: Category, range: AbstractRange): void {
    if (!this.highlights.has(category)) return;
    const set = this.pending.get(category);
    if (set) set.add(range);
    else this.pending.set(category, new Set([range]));
    this.flushTimer ??= setTimeout(() => this.flush(), HIGHLIGHT_BATCH_MS);
  }

  delete(category: Category, range: AbstractRange): void {
    if (!this.pending.get(category)?.delete(range)) this.highlights.get(category)?.delete(range);
  }

  /**
   * Hand the ranges added since the last flush to their highlights, at most FLUSH_CHUNK per call
   * (a page of 40,000 names would otherwise spend some 40 ms in one task adding them): the rest
   * follow in the next tasks.
   */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    let budget = FLUSH_CHUNK;
    for (const [key, ranges] of this.pending) {
      const h = this.highlights.get(key);
      for (const r of ranges) {
        if (budget-- <= 0) break;
        h?.add(r);
        ranges.delete(r);
      }
      if (ranges.size === 0) this.pending.delete(key);
      if (budget <= 0) break;
    }
    if (this.pending.size > 0) this.flushTimer = setTimeout(() => this.flush(), 0);
  }

  /** Mark one range as the keyboard's current name (null clears it). */
  setCurrent(range: AbstractRange | null): void {
    const h = this.highlights.get('current');
    if (!h) return;
    h.clear();
    this.current = range ?? undefined;
    if (range) h.add(range);
  }

  get currentRange(): AbstractRange | undefined {
    return this.current;
  }

  /** Ranges registered for a key (0 where unsupported): what tests and the demo report. */
  size(key: HighlightKey): number {
    return (this.highlights.get(key)?.size ?? 0) + (this.pending.get(key)?.size ?? 0);
  }

  /** Unregister everything and drop the adopted styles: the page is as it was. */
  dispose(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    clearInterval(this.healTimer);
    this.healTimer = undefined;
    this.doc.removeEventListener('visibilitychange', this.onVisibility);
    this.pending.clear();
    for (const [key, h] of this.highlights) {
      h.clear();
      if (this.registry?.get(highlightName(key)) === h) this.registry.delete(highlightName(key));
    }
    this.highlights.clear();
    const sheet = this.sheet;
    if (sheet) {
      for (const root of this.adopted) {
        try {
          dropSheet(root, sheet);
        } catch {
          // The root may be gone with its document; nothing to undo then.
        }
      }
    }
    this.adopted.clear();
  }
}
