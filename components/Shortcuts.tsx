/**
 * The keyboard shortcuts as the browser has them now (commands.getAll: the reader may have changed
 * or removed them), with a way to change them: Chrome's shortcuts page, Firefox's
 * commands.openShortcutSettings. Shown in the popup, the options page and the welcome page.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { COMMAND_NAMES, isCommandName, type CommandName, type Shortcut } from '../lib/commands.ts';
import { t, type UiKey, type UiLang } from '../lib/i18n.ts';
import './shortcuts.css';

const DESCRIPTIONS: Record<CommandName, UiKey> = {
  'next-name': 'cmdNextName',
  'prev-name': 'cmdPrevName',
  'focus-card': 'cmdFocusCard',
  'toggle-pause': 'cmdTogglePause',
};

const CHROME_SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

interface CommandsApi {
  getAll(): Promise<{ name?: string; shortcut?: string }[]>;
  openShortcutSettings?: () => Promise<void>;
}

function commandsApi(): CommandsApi | undefined {
  return (browser as unknown as { commands?: CommandsApi }).commands;
}

/** The shortcuts in COMMAND_NAMES order; null while unknown (or when the browser has no commands API). */
export async function readShortcuts(): Promise<Shortcut[] | null> {
  const api = commandsApi();
  if (typeof api?.getAll !== 'function') return null;
  const all = await api.getAll();
  const byName = new Map(all.filter((c) => isCommandName(c.name)).map((c) => [c.name as CommandName, c.shortcut ?? '']));
  return COMMAND_NAMES.filter((n) => byName.has(n)).map((name) => ({ name, shortcut: byName.get(name)! }));
}

export function useShortcuts(): Shortcut[] | null {
  const [list, setList] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    let live = true;
    readShortcuts().then(
      (l) => live && setList(l),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return list;
}

/** Key names as the manifest and Chrome write them ('Alt+Period') → as keycaps read ('Alt+.'). */
const KEY_LABELS: Record<string, string> = { Period: '.', Comma: ',', MacCtrl: 'Ctrl', Command: '⌘', Space: 'Space' };

export function displayShortcut(shortcut: string): string {
  return shortcut
    .split('+')
    .map((k) => KEY_LABELS[k] ?? k)
    .join('+');
}

function openShortcutSettings(): void {
  const api = commandsApi();
  if (typeof api?.openShortcutSettings === 'function') void api.openShortcutSettings().catch(() => undefined);
  else void browser.tabs.create({ url: CHROME_SHORTCUTS_PAGE }).catch(() => undefined);
}

export function Shortcuts(props: { lang: UiLang; compact?: boolean }): JSX.Element | null {
  const { lang } = props;
  const list = useShortcuts();
  if (!list) return null;
  const body = (
    <>
      <dl class="shortcut-list">
        {list.map((s) => (
          <div key={s.name} class="shortcut" data-command={s.name}>
            <dt>
              {s.shortcut ? (
                <kbd dir="ltr" lang="en">
                  {displayShortcut(s.shortcut)}
                </kbd>
              ) : (
                <span class="muted">{t('shortcutNone', lang)}</span>
              )}
            </dt>
            <dd>{t(DESCRIPTIONS[s.name], lang)}</dd>
          </div>
        ))}
      </dl>
      <p class="muted">{t('shortcutTab', lang)}</p>
      <p>
        <button type="button" class="btn-link" onClick={openShortcutSettings}>
          {t('shortcutsChange', lang, {
            page: typeof commandsApi()?.openShortcutSettings === 'function' ? 'about:addons' : CHROME_SHORTCUTS_PAGE,
          })}
        </button>
      </p>
    </>
  );
  // The popup is small: the list folds away behind its heading.
  if (props.compact) {
    return (
      <details class="shortcuts" data-testid="shortcuts">
        <summary>{t('shortcutsLegend', lang)}</summary>
        {body}
      </details>
    );
  }
  return (
    <section class="shortcuts" aria-labelledby="shortcuts-heading" data-testid="shortcuts">
      <h2 id="shortcuts-heading">{t('shortcutsLegend', lang)}</h2>
      {body}
    </section>
  );
}
