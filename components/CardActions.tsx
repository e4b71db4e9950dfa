/**
 * What a reader can do with the hover card besides read it (what 10ten, Yomitan and Page Previews
 * users expect): pin it open, copy the name or the page's sentence around it, open the first
 * source in the side panel's reader, and — for a card that gets in the way — turn the extension
 * off on this site, pause it everywhere, or open the settings. One row of buttons at the card's
 * foot; the card on the page renders it (entrypoints/content/card-ui.tsx), the popup and side
 * panel do not (they have their own ways to do these).
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t, type UiKey, type UiLang } from '../lib/i18n.ts';
import './card-actions.css';

export interface CardActionHandlers {
  onPin: () => void;
  /** Copies text to the clipboard; rejects when the browser refused. */
  copy: (text: string) => Promise<void>;
  /** Opens an article in the side panel's reader. */
  onOpenSource?: (articleId: string) => void;
  onSiteOff: () => void;
  onPause: () => void;
  onSettings: () => void;
}

export interface CardActionsProps extends CardActionHandlers {
  lang: UiLang;
  pinned: boolean;
  name: string;
  /** The sentence of the page the name stands in, if any. */
  sentence?: string;
  /** The first source that mentions the name, for the side panel's reader. */
  articleId?: string;
}

export function CardActions(props: CardActionsProps): JSX.Element {
  const { lang } = props;
  const [said, setSaid] = useState<UiKey | ''>('');
  const copy = (text: string) => {
    props.copy(text).then(
      () => setSaid('copied'),
      () => setSaid('copyFailed'),
    );
  };
  return (
    <div class="kc-actions" role="group" aria-label={t('cardActions', lang)}>
      <div class="kc-actions-row">
        <button type="button" class="kc-action" data-action="pin" aria-pressed={props.pinned} onClick={props.onPin}>
          {t(props.pinned ? 'unpinCard' : 'pinCard', lang)}
        </button>
        <button type="button" class="kc-action" data-action="copy-name" onClick={() => copy(props.name)}>
          {t('copyName', lang)}
        </button>
        {props.sentence && (
          <button type="button" class="kc-action" data-action="copy-sentence" onClick={() => copy(props.sentence!)}>
            {t('copySentence', lang)}
          </button>
        )}
        {props.articleId && props.onOpenSource && (
          <button type="button" class="kc-action" data-action="open-source" onClick={() => props.onOpenSource!(props.articleId!)}>
            {t('openSourceInPanel', lang)}
          </button>
        )}
      </div>
      <div class="kc-actions-row kc-actions-quiet">
        <button type="button" class="kc-link" data-action="site-off" onClick={props.onSiteOff}>
          {t('cardSiteOff', lang)}
        </button>
        <button type="button" class="kc-link" data-action="pause" onClick={props.onPause}>
          {t('cardPause', lang)}
        </button>
        <button type="button" class="kc-link" data-action="settings" onClick={props.onSettings}>
          {t('openOptions', lang)}
        </button>
      </div>
      <p class="kc-sr" role="status">
        {said ? t(said, lang) : ''}
      </p>
    </div>
  );
}
