/**
 * The keyboard shortcuts, declared as manifest `commands` so the reader can see and change them
 * (chrome://extensions/shortcuts, Firefox's "Manage Extension Shortcuts") and the browser settles
 * clashes with other extensions. The background receives `commands.onCommand` and forwards the
 * command to the active tab's content script as a declared tab message (lib/tabs.ts, `command`);
 * the pause toggle it handles itself (lib/pause.ts).
 *
 * Default keys. Not Alt+Shift: on Windows that chord switches the keyboard layout, and an Arabic
 * reader who also types Latin presses it all day, so Alt+Shift+N fired (or was eaten) mid-switch.
 * Not Ctrl+…: the browser's own shortcuts live there. Alt+Comma / Alt+Period step back and forward
 * (the keys under < and >, "previous" and "next" in many readers and players) and are not browser
 * shortcuts in Chrome or Firefox; Alt+K pauses (10ten toggles with Alt+R, Yomitan with Alt+Delete —
 * both left free, so the three can be installed together). On macOS Option+key types a character
 * (Option+. is ≥), so the Mac defaults use the Control key instead. Moving focus into an open card
 * has no default key (Chrome allows four suggested keys, and Tab does it while a card is open:
 * page/card-keys.ts); the reader may give it one.
 */
import { asTabMessage, type TabMessageOf } from './messages/tab-messages.ts';

export type CommandName = 'next-name' | 'prev-name' | 'focus-card' | 'toggle-pause';

export const COMMAND_NAMES: readonly CommandName[] = ['next-name', 'prev-name', 'focus-card', 'toggle-pause'];

/** The commands the content script carries out (the pause toggle is the background's own). */
export type PageCommand = Exclude<CommandName, 'toggle-pause'>;

export function isCommandName(v: unknown): v is CommandName {
  return typeof v === 'string' && (COMMAND_NAMES as readonly string[]).includes(v);
}

export function isPageCommand(v: unknown): v is PageCommand {
  return isCommandName(v) && v !== 'toggle-pause';
}

interface ManifestCommand {
  description: string;
  suggested_key?: { default: string; mac?: string };
}

/** The manifest's `commands` (wxt.config.ts); descriptions from public/_locales. */
export const MANIFEST_COMMANDS: Record<CommandName, ManifestCommand> = {
  'next-name': { description: '__MSG_cmdNextName__', suggested_key: { default: 'Alt+Period', mac: 'MacCtrl+Period' } },
  'prev-name': { description: '__MSG_cmdPrevName__', suggested_key: { default: 'Alt+Comma', mac: 'MacCtrl+Comma' } },
  'focus-card': { description: '__MSG_cmdFocusCard__' },
  'toggle-pause': { description: '__MSG_cmdTogglePause__', suggested_key: { default: 'Alt+K', mac: 'MacCtrl+Shift+K' } },
};

/**
 * The name of the function the background puts on its global object to run a command as if its
 * shortcut had been pressed: the end-to-end tests' way in, since no test can press a global
 * shortcut (CDP key events go to the page, not to the browser's accelerators).
 */
export const RUN_COMMAND_HOOK = 'khabarRunCommand';

/** What the background sends a tab's content script (top frame) when a page command's keys are pressed (declared in lib/messages/tab-messages.ts). */
export type CommandMessage = TabMessageOf<'runCommand'>;

/** Validates a command message: exactly `type` and a known page command. */
export function isCommandMessage(message: unknown): message is CommandMessage {
  return asTabMessage(message, 'runCommand') !== undefined;
}

/** A shortcut as the browser reports it now (commands.getAll): '' when the reader removed it. */
export interface Shortcut {
  name: CommandName;
  shortcut: string;
}
