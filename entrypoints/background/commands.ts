/**
 * The keyboard commands (lib/commands.ts) in the background: the pause toggle is carried out here;
 * the page commands go to the active tab's content script (top frame) as a declared, validated
 * message, and the tab answers whether it did anything (no content script: not an error).
 */
import { browser } from 'wxt/browser';
import { isCommandName, type CommandName } from '../../lib/commands.ts';
import { sendToTab } from '../../lib/messages/tab-messages.ts';
import { togglePaused } from '../../lib/pause.ts';

export type CommandResult = { ok: true; paused?: boolean } | { ok: false; error: string };

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

/** Runs `command` for `tabId` (else the active tab); never rejects. */
export async function runCommand(command: unknown, tabId?: number): Promise<CommandResult> {
  if (!isCommandName(command)) return { ok: false, error: 'unknown command' };
  try {
    if (command === 'toggle-pause') return { ok: true, paused: await togglePaused() };
    const id = tabId ?? (await activeTabId());
    if (id === undefined || id < 0) return { ok: false, error: 'no tab' };
    const answer = await sendToTab(id, { type: 'runCommand', command });
    return answer?.ok === true ? { ok: true } : { ok: false, error: 'the page did nothing' };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export function listenForCommands(): void {
  browser.commands?.onCommand.addListener((command: string, tab?: { id?: number }) => {
    void runCommand(command as CommandName, tab?.id);
  });
}
