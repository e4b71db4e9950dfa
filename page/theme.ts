/**
 * Light or dark card for this page: a card should look like it belongs to the text it explains. The
 * page's own background decides (the first opaque background-color from the name's element up),
 * since many news sites have a dark mode of their own regardless of the system setting; a page
 * with no background anywhere is the browser's default canvas, light unless the page opts into a
 * dark color-scheme and the system prefers dark.
 */

/** Parses `rgb(r, g, b)` / `rgba(r, g, b, a)` / `rgb(r g b / a)` as computed styles give them. */
export function parseRgb(value: string): { r: number; g: number; b: number; a: number } | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(value.trim());
  if (!m) return null;
  let a = 1;
  if (m[4] !== undefined) a = m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a };
}

/** WCAG relative luminance of an sRGB colour, 0 (black) .. 1 (white). */
export function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function pageTheme(from: Element | null): 'light' | 'dark' {
  const win = from?.ownerDocument.defaultView;
  if (!from || !win) return 'light';
  for (let el: Element | null = from; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) {
    const bg = parseRgb(win.getComputedStyle(el).backgroundColor);
    if (bg && bg.a >= 0.5) return luminance(bg.r, bg.g, bg.b) < 0.2 ? 'dark' : 'light';
  }
  const scheme = win.getComputedStyle(from.ownerDocument.documentElement).getPropertyValue('color-scheme');
  if (/\bdark\b/.test(scheme) && win.matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  return 'light';
}
