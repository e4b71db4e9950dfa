import { describe, expect, it } from 'vitest';
import { adoptSheet, dropSheet, isAdopted } from '../../page/adopted-sheets.ts';

const sheet = (name: string) => ({ name }) as unknown as CSSStyleSheet;

/**
 * A scope as a Firefox 140 content script sees it: adoptedStyleSheets through the Xray wrapper is
 * an empty object that cannot be assigned, and the page's list is reachable through wrappedJSObject.
 */
function xrayScope(pageSheets: CSSStyleSheet[]) {
  const scope = { wrappedJSObject: { adoptedStyleSheets: pageSheets } };
  Object.defineProperty(scope, 'adoptedStyleSheets', {
    get: () => ({}),
    set: () => {
      throw new Error('Accessing from Xray wrapper is not supported.');
    },
  });
  return { scope: scope as unknown as Document, pageSheets };
}

describe('adopted sheets', () => {
  it('adopts once, moves to the end on request and drops, where adoptedStyleSheets is usable', () => {
    const page = sheet('page');
    const ours = sheet('ours');
    const scope = { adoptedStyleSheets: [page] } as unknown as Document;
    adoptSheet(scope, ours);
    adoptSheet(scope, ours);
    expect(scope.adoptedStyleSheets).toEqual([page, ours]);
    scope.adoptedStyleSheets = [ours, page];
    adoptSheet(scope, ours);
    expect(scope.adoptedStyleSheets).toEqual([ours, page]);
    adoptSheet(scope, ours, { last: true });
    expect(scope.adoptedStyleSheets).toEqual([page, ours]);
    expect(isAdopted(scope, ours)).toBe(true);
    dropSheet(scope, ours);
    expect(scope.adoptedStyleSheets).toEqual([page]);
  });

  it('changes the page’s own list in place where the Xray view is unusable (Firefox 140)', () => {
    const page = sheet('page');
    const ours = sheet('ours');
    const { scope, pageSheets } = xrayScope([page]);
    adoptSheet(scope, ours);
    adoptSheet(scope, ours);
    expect(pageSheets).toEqual([page, ours]);
    pageSheets.reverse();
    adoptSheet(scope, ours, { last: true });
    expect(pageSheets).toEqual([page, ours]);
    expect(isAdopted(scope, ours)).toBe(true);
    dropSheet(scope, ours);
    expect(pageSheets).toEqual([page]);
    expect(isAdopted(scope, ours)).toBe(false);
  });

  it('says clearly when neither way is open', () => {
    const scope = { adoptedStyleSheets: {} } as unknown as Document;
    expect(() => adoptSheet(scope, sheet('ours'))).toThrow(/adoptedStyleSheets is not available/);
  });
});
