/** The first-run page (entrypoints/welcome), opened once, when the extension is installed. */
import { browser } from 'wxt/browser';

export const WELCOME_PATH = '/welcome.html';

export async function openWelcome(): Promise<void> {
  await browser.tabs.create({ url: (browser.runtime.getURL as (path: string) => string)(WELCOME_PATH) });
}
