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

/**
 * Answers the background's command messages; returns the unsubscribe. `target` may be a promise:
 * a session still starting (just switched on, or resumed) answers once it runs, not `ok: false`.
 */
export function answerCommands(target: () => CommandTarget | undefined | Promise<CommandTarget | undefined>): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void): boolean => {
    if (!isCommandMessage(message) || window !== window.top) return false;
    const answer = (to: CommandTarget | undefined) => {
      let ok = false;
      try {
        ok = runPageCommand(to, message.command);
      } catch (error) {
        console.warn('[khabar] command failed', error);
      }
      sendResponse({ ok });
    };
    const to = target();
    if (!(to instanceof Promise)) {
      answer(to);
      return false;
    }
    void to.then(answer, () => answer(undefined));
    return true; // sendResponse is called later
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
