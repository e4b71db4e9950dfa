/**
 * Stands in for @acemir/cssom in the extension's build (wxt.config.ts alias). linkedom imports it
 * only for <style>.sheet, which Readability never reads, and its error path calls eval(), which no
 * built script may contain (test/e2e/package.e2e.ts). A page's style sheets are never parsed.
 */
export function parse(): never {
  throw new Error('style sheets are not parsed in the extension');
}
