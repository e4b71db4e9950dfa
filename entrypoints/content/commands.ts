/**
 * The keyboard commands the background forwards to this tab (lib/commands.ts): step to the next or
 * previous name and open its card, or move focus into the open card. Only the top frame answers
 * (the background sends to frame 0); a page session that is not running (switched off, paused, not
 * Arabic) answers `{ ok: false }`, so the shortcut does nothing there.
 */
import { browser } from 'wxt/browser';
import { isCommandMessage, type PageCommand } from '../../lib/commands.ts';

export interface CommandTarget {
  step(dir: 1 | -1): boolean;
  focusCard(): boolean;
}

export function runPageCommand(target: CommandTarget | undefined, command: PageCommand): boolean {
  if (!target) return false;
  switch (command) {
    case 'next-name':
      return target.step(1);
    case 'prev-name':
      return target.step(-1);
    case 'focus-card':
      return target.focusCard();
  }
}

/** Answers the background's command messages; returns the unsubscribe. */
export function answerCommands(target: () => CommandTarget | undefined): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void): boolean => {
    if (!isCommandMessage(message) || window !== window.top) return false;
    let ok = false;
    try {
      ok = runPageCommand(target(), message.command);
    } catch (error) {
      console.warn('[khabar] command failed', error);
    }
    sendResponse({ ok });
    return false;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
