import { adoptSheet } from '../../page/adopted-sheets.ts';

/**
 * The card's styles as a constructed stylesheet adopted by its shadow root, instead of the <style>
 * element card-host.ts puts there: a page whose Content-Security-Policy has no
 * 'unsafe-inline' for styles (`default-src 'none'`, `style-src 'self'` …) refuses inline <style>
 * elements, extension-inserted ones included, and would show the card unstyled, with a CSP error
 * in its console. Constructed stylesheets are not subject to style-src. Call it before the host is
 * first mounted: the <style> is removed before it is ever connected, so it is never checked.
 */
export function adoptShadowStyles(shadow: ShadowRoot): void {
  // The shadow root's own <style> children (`:scope` matches no element when the root is a
  // ShadowRoot, so a `:scope > style` query would find nothing).
  const styles = [...shadow.children].filter((el): el is HTMLStyleElement => el.localName === 'style');
  if (styles.length === 0) return;
  try {
    const win = shadow.ownerDocument.defaultView as (Window & typeof globalThis) | null;
    if (!win) return;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(styles.map((s) => s.textContent ?? '').join('\n'));
    adoptSheet(shadow, sheet);
    for (const style of styles) style.remove();
  } catch (error) {
    // No constructable stylesheets: keep the <style> elements (pages without a strict CSP are fine).
    console.warn('[khabar] could not adopt the card styles', error);
  }
}
