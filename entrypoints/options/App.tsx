/**
 * The options page: interface language, kinds of names to highlight, highlight style per category,
 * hover delay, and the sites where the reader switched the extension off. Every change is stored at
 * once (lib/settings.ts, extension storage) and open pages apply it live through storage.onChanged.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { GROUP_KINDS, OTHER_KINDS, PLACE_KINDS, type Category, type EntityKind } from '../../core/types.ts';
import { useDocumentLanguage, useFlash, useLiveQuery, useSettings } from '../../components/hooks.ts';
import { categoryLabel, dirOf, kindLabel, t, UI_LANGS, type UiKey, type UiLang } from '../../lib/i18n.ts';
import {
  CATEGORIES,
  DEFAULT_SETTINGS,
  HIGHLIGHT_STYLES,
  HOVER_DELAY_RANGE,
  resetSettings,
  saveSettings,
  type HighlightStyle,
  type Settings,
  type SettingsChange,
} from '../../lib/settings.ts';
import { setSiteEnabled } from '../../lib/tabs.ts';
import { HighlightSample } from '../../components/HighlightSample.tsx';
import { Shortcuts } from '../../components/Shortcuts.tsx';
import { errorText } from '../../lib/errors.ts';
import { disabledSites, uiDatabase } from '../../lib/ui-data.ts';
import { CorrectionsList } from './Corrections.tsx';
import { OwnNames } from '../../components/OwnNames.tsx';
import { BackupSection } from './Backup.tsx';

const KINDS_OF: Record<Category, readonly EntityKind[]> = {
  place: PLACE_KINDS,
  group: GROUP_KINDS,
  person: OTHER_KINDS.filter((k) => k === 'person'),
  outlet: OTHER_KINDS.filter((k) => k === 'outlet'),
};

const STYLE_KEYS: Record<HighlightStyle, UiKey> = {
  both: 'styleBoth',
  underline: 'styleUnderline',
  background: 'styleBackground',
  off: 'styleOff',
};

const LANG_KEYS: Record<UiLang, UiKey> = { ar: 'langAr', en: 'langEn' };

export function OptionsApp(): JSX.Element {
  const stored = useSettings();
  const settings = stored ?? DEFAULT_SETTINGS;
  const lang = settings.lang;
  useDocumentLanguage(lang, 'optionsTitle');
  const [status, flash] = useFlash();
  const [error, setError] = useState('');

  const failed = (e: unknown) => setError(errorText(e, lang));
  /** Stores a change; a change that depends on the settings must be an updater (see saveSettings). */
  const save = (change: SettingsChange) => {
    setError('');
    saveSettings(change).then((s) => flash(t('saved', s.lang)), failed);
  };

  return (
    <main class="options" lang={lang} dir={dirOf(lang)}>
      <header class="page-header">
        <h1>{t('optionsTitle', lang)}</h1>
        <a class="btn" href="/library.html" target="_blank" rel="noopener">
          {t('openLibrary', lang)}
        </a>
      </header>
      {!stored ? (
        <p class="section muted" role="status">
          {t('loading', lang)}
        </p>
      ) : (
        <div class="section">
          <fieldset>
            <legend>{t('languageLegend', lang)}</legend>
            {UI_LANGS.map((l) => (
              <label key={l} class="switch field">
                <input type="radio" name="lang" value={l} checked={lang === l} onChange={() => save({ lang: l })} />
                <span lang={l}>{t(LANG_KEYS[l], lang)}</span>
              </label>
            ))}
          </fieldset>

          <fieldset>
            <legend>{t('kindsLegend', lang)}</legend>
            {CATEGORIES.map((c) => (
              <KindGroup key={c} category={c} settings={settings} lang={lang} onSave={save} />
            ))}
          </fieldset>

          <fieldset>
            <legend>{t('styleLegend', lang)}</legend>
            {CATEGORIES.map((c) => (
              <StyleField key={c} category={c} settings={settings} lang={lang} onSave={save} />
            ))}
          </fieldset>

          <HighlightSample styles={settings.styles} lang={lang} />

          <FirstMentionField settings={settings} lang={lang} onSave={save} />

          <HoverDelayField settings={settings} lang={lang} onSave={save} />

          <Shortcuts lang={lang} />

          <DisabledSites lang={lang} onError={setError} />

          <CorrectionsList lang={lang} onError={setError} onRemoved={() => flash(t('saved', lang))} />

          <OwnNames lang={lang} onError={setError} />
          <BackupSection lang={lang} onSaved={() => flash(t('saved', lang))} />

          <p>
            <button
              type="button"
              class="btn"
              onClick={() => {
                setError('');
                resetSettings().then((s) => flash(t('saved', s.lang)), failed);
              }}
            >
              {t('resetDefaults', lang)}
            </button>
          </p>
        </div>
      )}
      <p class="section status-line" role="status" data-testid="options-status">
        {status}
      </p>
      {error && (
        <p class="section notice" data-kind="error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}

interface FieldProps {
  settings: Settings;
  lang: UiLang;
  onSave: (change: SettingsChange) => void;
}

function KindGroup(props: FieldProps & { category: Category }): JSX.Element {
  const { category, settings, lang } = props;
  const kinds = KINDS_OF[category];
  const hidden = new Set(settings.hiddenKinds);
  const shown = kinds.filter((k) => !hidden.has(k)).length;
  const all = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (all.current) all.current.indeterminate = shown > 0 && shown < kinds.length;
  }, [shown, kinds.length]);
  const setKinds = (changed: readonly EntityKind[], show: boolean) =>
    props.onSave((current) => {
      const next = new Set(current.hiddenKinds);
      for (const k of changed) {
        if (show) next.delete(k);
        else next.add(k);
      }
      return { hiddenKinds: [...next] };
    });
  const label = categoryLabel(category, lang);
  if (kinds.length === 1) {
    const k = kinds[0]!;
    return (
      <label class="switch field">
        <input type="checkbox" data-kind={k} checked={!hidden.has(k)} onChange={(e) => setKinds([k], e.currentTarget.checked)} />
        <span>{label}</span>
      </label>
    );
  }
  return (
    <fieldset>
      <legend>{label}</legend>
      <label class="switch field">
        <input
          ref={all}
          type="checkbox"
          data-category={category}
          checked={shown === kinds.length}
          onChange={(e) => setKinds(kinds, e.currentTarget.checked)}
        />
        <span>{t('allKinds', lang, { category: label })}</span>
      </label>
      <div class="kind-grid">
        {kinds.map((k) => (
          <label key={k} class="switch">
            <input type="checkbox" data-kind={k} checked={!hidden.has(k)} onChange={(e) => setKinds([k], e.currentTarget.checked)} />
            <span>{kindLabel(k, lang)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function StyleField(props: FieldProps & { category: Category }): JSX.Element {
  const { category, settings, lang } = props;
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{categoryLabel(category, lang)}</label>
      <select
        id={id}
        data-category={category}
        value={settings.styles[category]}
        onChange={(e) => {
          const style = e.currentTarget.value as HighlightStyle;
          props.onSave((current) => ({ styles: { ...current.styles, [category]: style } }));
        }}
      >
        {HIGHLIGHT_STYLES.map((s) => (
          <option key={s} value={s}>
            {t(STYLE_KEYS[s], lang)}
          </option>
        ))}
      </select>
    </div>
  );
}

function FirstMentionField(props: FieldProps): JSX.Element {
  const { settings, lang } = props;
  const id = useId();
  return (
    <div class="field">
      <label class="switch">
        <input
          type="checkbox"
          data-testid="first-mention-only"
          checked={settings.firstMentionOnly}
          aria-describedby={`${id}-hint`}
          onChange={(e) => props.onSave({ firstMentionOnly: e.currentTarget.checked })}
        />
        <span>{t('firstMentionOnly', lang)}</span>
      </label>
      <p id={`${id}-hint`} class="muted">
        {t('firstMentionHint', lang)}
      </p>
    </div>
  );
}

function HoverDelayField(props: FieldProps): JSX.Element {
  const { settings, lang } = props;
  const id = useId();
  return (
    <fieldset>
      <legend>{t('hoverDelayLabel', lang)}</legend>
      <div class="field">
        <label for={id} class="sr-only">
          {t('hoverDelayLabel', lang)}
        </label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={HOVER_DELAY_RANGE.step}
          value={settings.hoverDelayMs}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const v = e.currentTarget.valueAsNumber;
            if (Number.isFinite(v)) props.onSave({ hoverDelayMs: v });
          }}
        />
      </div>
      <p id={`${id}-hint`} class="muted">
        {t('hoverDelayHint', lang)}
      </p>
    </fieldset>
  );
}

function DisabledSites(props: { lang: UiLang; onError: (message: string) => void }): JSX.Element {
  const { lang } = props;
  const db = uiDatabase();
  const sites = useLiveQuery(() => disabledSites(db), []);
  return (
    <fieldset>
      <legend>{t('sitesLegend', lang)}</legend>
      {sites.value && sites.value.length === 0 && <p class="muted">{t('sitesEmpty', lang)}</p>}
      {sites.value && sites.value.length > 0 && (
        <ul class="site-list">
          {sites.value.map((s) => (
            <li key={s.host} data-host={s.host}>
              <span dir="ltr" lang="en">
                {s.host}
              </span>
              <button
                type="button"
                class="btn"
                aria-label={t('siteRemoveLabel', lang, { host: s.host })}
                onClick={() =>
                  setSiteEnabled(s.host, true).catch((e: unknown) => props.onError(errorText(e, lang)))
                }
              >
                {t('siteRemove', lang)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
