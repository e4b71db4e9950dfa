/**
 * The first-run page, opened once when the extension is installed (background/welcome.ts): what
 * the extension does, what its data covers and does not (five articles of Oct–Nov 2017 on the
 * Syria–Iraq border: a reader of other news must know that before trusting a card), how to use it,
 * the keyboard shortcuts, and privacy. In the reader's interface language (Arabic by default),
 * switchable here since a new user has not seen the options yet.
 */
import type { JSX } from 'preact';
import { browser } from 'wxt/browser';
import { HighlightSample } from '../../components/HighlightSample.tsx';
import { Shortcuts } from '../../components/Shortcuts.tsx';
import { useDocumentLanguage, useSettings } from '../../components/hooks.ts';
import { dirOf, t, type UiLang } from '../../lib/i18n.ts';
import { DEFAULT_SETTINGS, saveSettings } from '../../lib/settings.ts';

export function WelcomeApp(): JSX.Element {
  const settings = useSettings() ?? DEFAULT_SETTINGS;
  const lang = settings.lang;
  useDocumentLanguage(lang, 'welcomeTitle');
  const other: UiLang = lang === 'ar' ? 'en' : 'ar';
  return (
    <main class="welcome" lang={lang} dir={dirOf(lang)}>
      <header class="page-header">
        <h1>{t('welcomeTitle', lang)}</h1>
        <button type="button" class="btn" lang={other} onClick={() => void saveSettings({ lang: other })}>
          {t(other === 'en' ? 'langEn' : 'langAr', other)}
        </button>
      </header>
      <div class="section">
        <p>{t('welcomeIntro', lang)}</p>

        <h2>{t('welcomeCoverageHeading', lang)}</h2>
        <p data-testid="welcome-coverage">{t('welcomeCoverage', lang)}</p>

        <h2>{t('welcomeHowHeading', lang)}</h2>
        <p>{t('welcomeHow', lang)}</p>
        <HighlightSample styles={settings.styles} lang={lang} />

        <Shortcuts lang={lang} />

        <h2>{t('welcomePrivacyHeading', lang)}</h2>
        <p>{t('welcomePrivacy', lang)}</p>

        <p>
          {t('welcomeSettings', lang)}{' '}
          <button type="button" class="btn" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('openOptions', lang)}
          </button>
        </p>
      </div>
    </main>
  );
}
