/**
 * Adopting our constructed stylesheets into a tree scope (the document, a shadow root) from a
 * content script, in every browser the manifest allows.
 *
 * Firefox runs content scripts behind Xray wrappers, and Firefox 140 ESR does not expose
 * `adoptedStyleSheets` through them: reading it gives an empty object ('adoptedStyleSheets is not
 * iterable'), assigning throws ('Accessing from Xray wrapper is not supported'). Highlights were
 * then registered but never painted. There the scope's own list is used through
 * `wrappedJSObject` (the page's view of the same object): Firefox's adoptedStyleSheets is an
 * ObservableArray, changed in place with indexOf/push/splice. Adopting a sheet adds no node either
 * way. Newer Firefox (153 ESR) and Chromium take the direct path.
 */

type Scope = Document | ShadowRoot;

/** The scope's adoptedStyleSheets as the page sees it (an ObservableArray). */
interface PageSheetList {
  readonly length: number;
  indexOf(sheet: CSSStyleSheet): number;
  push(sheet: CSSStyleSheet): number;
  splice(start: number, count: number): unknown;
}

/** The page's list when the direct property is unusable from here (Firefox 140), else undefined. */
function pageList(scope: Scope): PageSheetList | undefined {
  const direct = scope.adoptedStyleSheets as unknown;
  // Firefox 140's Xray view claims to be an array ([object Array]) but has no length.
  if (typeof (direct as { length?: unknown } | undefined)?.length === 'number') return undefined;
  const list = (scope as unknown as { wrappedJSObject?: { adoptedStyleSheets?: PageSheetList } }).wrappedJSObject?.adoptedStyleSheets;
  if (!list) throw new Error('adoptedStyleSheets is not available to this script');
  return list;
}

export function isAdopted(scope: Scope, sheet: CSSStyleSheet): boolean {
  const list = pageList(scope);
  return list ? list.indexOf(sheet) >= 0 : scope.adoptedStyleSheets.includes(sheet);
}

/**
 * Adopt `sheet` unless it already is; with `last`, also move it behind the others, so its rules
 * win over equally specific ones (the reader's styles over the defaults).
 */
export function adoptSheet(scope: Scope, sheet: CSSStyleSheet, { last = false } = {}): void {
  const list = pageList(scope);
  if (list) {
    const at = list.indexOf(sheet);
    if (at >= 0 && (!last || at === list.length - 1)) return;
    if (at >= 0) list.splice(at, 1);
    list.push(sheet);
    return;
  }
  const adopted = scope.adoptedStyleSheets;
  const at = adopted.indexOf(sheet);
  if (at >= 0 && (!last || at === adopted.length - 1)) return;
  scope.adoptedStyleSheets = [...adopted.filter((s) => s !== sheet), sheet];
}

/** Take `sheet` out of the scope's adopted sheets, if it is there. */
export function dropSheet(scope: Scope, sheet: CSSStyleSheet): void {
  const list = pageList(scope);
  if (list) {
    const at = list.indexOf(sheet);
    if (at >= 0) list.splice(at, 1);
    return;
  }
  if (scope.adoptedStyleSheets.includes(sheet)) scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
}
