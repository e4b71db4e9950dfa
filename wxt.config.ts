import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { MANIFEST_COMMANDS } from './lib/commands.ts';
import { localeMessagesOnly } from './scripts/locale-messages-plugin.ts';
import { stripRuleNotes } from './scripts/strip-rule-notes-plugin.ts';
import { arabicAsUtf8 } from './scripts/arabic-utf8-plugin.ts';

/**
 * Extension pages (popup, side panel, options) load only the extension's own files: no remote or
 * inline script, no plugins, no <base> tricks, no form posts, and fetch only from the extension
 * itself (the background reads /data/bundle.json; nothing else goes out).
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "img-src 'self' data:",
  "connect-src 'self'",
].join('; ');

/** The extension's icon at each size the browsers ask for (toolbar 16/32, management 48, store 128). */
const ICONS = Object.fromEntries([16, 32, 48, 96, 128].map((size) => [size, `icon/${size}.png`]));

// See https://wxt.dev/api/config.html
export default defineConfig({
  // WXT_OUT_DIR lets two builds live side by side (the end-to-end harness reads the same variable).
  outDir: process.env['WXT_OUT_DIR'] ?? '.output',
  vite: () => ({
    plugins: [preact(), localeMessagesOnly(), stripRuleNotes(), arabicAsUtf8()],
    // linkedom's CSS parser (for <style>.sheet only, never read) calls eval(): a stub instead (lib/extract/no-cssom.ts).
    resolve: { alias: { '@acemir/cssom': fileURLToPath(new URL('./lib/extract/no-cssom.ts', import.meta.url)) } },
  }),
  manifest: ({ browser }) => ({
    // Names from public/_locales (Arabic and English); Arabic, the readers' language, is the
    // default (issue 4) for browser languages without a locale of their own.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ar',
    // storage: storage.session keeps each tab's reported names (the badge) across service-worker
    // restarts. IndexedDB needs no permission. Not requested: "tabs" (tab ids suffice, no URLs
    // or titles are read), "activeTab" and "scripting" (content scripts are declared in the
    // manifest), "webNavigation" (tabs.onUpdated's status tells a new page), "unlimitedStorage"
    // (the bundle is well under the default quota). contextMenus: "Save this page" on the page's
    // context menu and "add as a name" on a selection (issue 13; entrypoints/background/context-menus.ts,
    // name-menu.ts).
    permissions: ['storage', 'contextMenus'],
    // No host_permissions: manifest-declared content scripts run on their `matches` without
    // them, and the background fetches nothing but its own packaged files.
    // The toolbar button carries the per-tab badge and opens the popup.
    // Icons: public/icon/*.png, made from assets/icon.svg by scripts/icons.ts (committed); the
    // toolbar's (default_icon) is declared in entrypoints/popup/index.html.
    icons: ICONS,
    action: { default_title: '__MSG_actionTitle__' },
    // The keyboard shortcuts, remappable by the reader (lib/commands.ts says why these keys).
    commands: MANIFEST_COMMANDS,
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'khabar-lens@khabar-lens',
              // CSS Custom Highlight API (Highlight, CSS.highlights): Firefox 140.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions: Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // CSS Custom Highlight API: Chrome 105.
          minimum_chrome_version: '105',
        }),
  }),
});
