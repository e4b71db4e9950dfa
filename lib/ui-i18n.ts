/**
 * Kept only so that components/DataStatus.tsx (not converted yet) still builds: the interface's
 * words and their one fill function live in lib/i18n.ts. Import from there; once nothing imports
 * this file, delete it.
 */
export { dirOf, MESSAGES, t as tr, UI_LANGS, type UiKey, type UiLang } from './i18n.ts';
