/**
 * The selection's context menu item (entrypoints/background/name-menu.ts): which clicks open the
 * add-name page, with what in its URL, and how it is opened.
 */
import { describe, expect, test, vi } from 'vitest';
import { nameFromHash, NAME_LIMITS } from '../../core/library/own-name.ts';
import { ADD_NAME_MENU_ID, addNameUrl, openAddName } from '../../entrypoints/background/name-menu.ts';

const ROOT = 'chrome-extension://abc/';

describe('addNameUrl', () => {
  test.each([
    { description: 'our item with a selection: the page with the name in its hash', click: { menuItemId: ADD_NAME_MENU_ID, selectionText: 'الزنبقية' }, name: 'الزنبقية' },
    { description: 'the selection is cleaned (spaces, bidi controls)', click: { menuItemId: ADD_NAME_MENU_ID, selectionText: ' \u200fدير   الزور\n' }, name: 'دير الزور' },
    { description: 'a long selection is cut to the name limit', click: { menuItemId: ADD_NAME_MENU_ID, selectionText: 'ب'.repeat(5000) }, name: 'ب'.repeat(NAME_LIMITS.name) },
    { description: 'another item: nothing', click: { menuItemId: 'other', selectionText: 'الزنبقية' }, name: null },
    { description: 'no selection text: nothing', click: { menuItemId: ADD_NAME_MENU_ID }, name: null },
    { description: 'only spaces: nothing', click: { menuItemId: ADD_NAME_MENU_ID, selectionText: ' \n ' }, name: null },
  ])('$description', ({ click, name }) => {
    const url = addNameUrl(ROOT, click);
    if (name === null) return expect(url).toBeNull();
    expect(url!.startsWith(`${ROOT}add-name.html#`)).toBe(true);
    // The page reads back exactly the name (a & or # in the selection cannot add fields).
    expect(nameFromHash(new URL(url!).hash)).toBe(name);
  });

  test('characters of URL syntax stay inside the name', () => {
    const url = addNameUrl(ROOT, { menuItemId: ADD_NAME_MENU_ID, selectionText: 'سد&kind=x#تشرين' })!;
    expect(nameFromHash(new URL(url).hash)).toBe('سد&kind=x#تشرين');
  });
});

describe('openAddName', () => {
  test('opens a window at the page', async () => {
    const opener = { openWindow: vi.fn(async () => undefined), openTab: vi.fn(async () => undefined) };
    expect(await openAddName({ menuItemId: ADD_NAME_MENU_ID, selectionText: 'الزنبقية' }, ROOT, opener)).toBe(true);
    expect(opener.openWindow).toHaveBeenCalledWith(addNameUrl(ROOT, { menuItemId: ADD_NAME_MENU_ID, selectionText: 'الزنبقية' }));
    expect(opener.openTab).not.toHaveBeenCalled();
  });

  test('a browser without windows (Android): a tab', async () => {
    const opener = { openWindow: vi.fn(async () => Promise.reject(new Error('no windows'))), openTab: vi.fn(async () => undefined) };
    expect(await openAddName({ menuItemId: ADD_NAME_MENU_ID, selectionText: 'الزنبقية' }, ROOT, opener)).toBe(true);
    expect(opener.openTab).toHaveBeenCalledTimes(1);
  });

  test('another item opens nothing', async () => {
    const opener = { openWindow: vi.fn(async () => undefined), openTab: vi.fn(async () => undefined) };
    expect(await openAddName({ menuItemId: 'other', selectionText: 'الزنبقية' }, ROOT, opener)).toBe(false);
    expect(opener.openWindow).not.toHaveBeenCalled();
  });
});
