/**
 * The hover card's line about the match itself (issue 10 item 4): says when the match is unsure,
 * and lets the reader say "not this": stop highlighting this word as this entity on this site, or
 * everywhere. After the choice the card says what was done and offers an undo, in place, so a
 * slip costs one more click. Corrections themselves are stored by the caller (`actions`, the
 * content script's PageCorrections); this component only asks and reports.
 *
 * Keyboard: the "not this" button is a disclosure (aria-expanded) of a group of two buttons; the
 * result is a status line (role=status, announced) holding the undo button, which takes the focus
 * so a keyboard reader lands on it.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Correction, CorrectionScope } from '../lib/corrections.ts';
import { KNOWN_ENTITY_CONFIDENCE } from '../lib/constants.ts';
import { t, type UiLang } from '../lib/i18n.ts';
import './correction-control.css';

/**
 * Below this confidence a match is shown as unsure: a weak name (a word that is also an ordinary
 * word, core/match/context.ts) accepted on some context, not on strong evidence. Strong names score
 * 1, a weak name with strong local evidence (the entity named plainly on the page) 0.9 and up, the
 * same line the scanner uses to count an entity as known on the page (KNOWN_ENTITY_CONFIDENCE).
 */
export const UNSURE_BELOW = KNOWN_ENTITY_CONFIDENCE;

export interface CorrectionActions {
  /** The site the page is on, as the reader knows it (shown in the site-scope button). */
  site: string;
  hide(mention: { entityId: string; text: string }, entityName: string, scope: CorrectionScope): Promise<Correction>;
  undo(correction: Correction): Promise<void>;
  /**
   * Whether a click is the reader's: on a page the card's shadow root is open, and the page's own
   * scripts must not be able to press "not this" for the reader (the content script passes
   * `event.isTrusted`). Left out: every click counts.
   */
  allow?: (event: Event) => boolean;
}

export interface CorrectionControlProps {
  /** The mention the card is open on: its page text, entity and the detector's confidence. */
  mention: { entityId: string; text: string; confidence: number };
  entityName: string;
  lang: UiLang;
  /** Without actions (the popup, the side panel: no page word) only the unsure line shows. */
  actions?: CorrectionActions;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'choosing' }
  | { kind: 'saving' }
  | { kind: 'done'; correction: Correction }
  | { kind: 'undone' }
  | { kind: 'failed' };

export function CorrectionControl(props: CorrectionControlProps): JSX.Element | null {
  const { mention, lang, actions } = props;
  const uid = useId();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const undoRef = useRef<HTMLButtonElement>(null);
  const firstChoiceRef = useRef<HTMLButtonElement>(null);
  const unsure = mention.confidence < UNSURE_BELOW;

  useEffect(() => {
    if (step.kind === 'done') undoRef.current?.focus();
    if (step.kind === 'choosing') firstChoiceRef.current?.focus();
  }, [step.kind]);

  if (!unsure && !actions) return null;

  const fromReader = (event: Event) => !actions?.allow || actions.allow(event);
  const hide = (scope: CorrectionScope, event: Event) => {
    if (!actions || !fromReader(event)) return;
    setStep({ kind: 'saving' });
    actions.hide(mention, props.entityName, scope).then(
      (correction) => setStep({ kind: 'done', correction }),
      () => setStep({ kind: 'failed' }),
    );
  };
  const undo = (correction: Correction, event: Event) => {
    if (!actions || !fromReader(event)) return;
    setStep({ kind: 'saving' });
    actions.undo(correction).then(
      () => setStep({ kind: 'undone' }),
      () => setStep({ kind: 'failed' }),
    );
  };
  const word = mention.text;

  return (
    <div class="kc-match" data-unsure={unsure ? 'true' : 'false'}>
      {unsure && (
        <p class="kc-unsure" id={`${uid}-unsure`}>
          <strong class="kc-unsure-label">{t('matchUnsure', lang)}</strong> {t('matchUnsureWhy', lang, { word })}
        </p>
      )}
      {actions && (
        <div class="kc-correct">
          {(step.kind === 'idle' || step.kind === 'choosing') && (
            <button
              type="button"
              class="kc-link"
              aria-expanded={step.kind === 'choosing' ? 'true' : 'false'}
              aria-controls={`${uid}-choices`}
              onClick={(e) => {
                if (fromReader(e)) setStep(step.kind === 'choosing' ? { kind: 'idle' } : { kind: 'choosing' });
              }}
            >
              {t('notThis', lang)}
            </button>
          )}
          {step.kind === 'choosing' && (
            <div class="kc-choices" id={`${uid}-choices`} role="group" aria-label={t('notThisChoices', lang, { word })}>
              {actions.site && (
                <button type="button" class="kc-btn" ref={firstChoiceRef} onClick={(e) => hide('host', e)}>
                  {t('hideOnSite', lang, { word, site: actions.site })}
                </button>
              )}
              <button type="button" class="kc-btn" ref={actions.site ? undefined : firstChoiceRef} onClick={(e) => hide('global', e)}>
                {t('hideEverywhere', lang, { word })}
              </button>
            </div>
          )}
          <p class="kc-correct-status" role="status">
            {step.kind === 'saving' && t('saving', lang)}
            {step.kind === 'done' && (
              <>
                {step.correction.host === null
                  ? t('hiddenEverywhere', lang, { word })
                  : t('hiddenOnSite', lang, { word, site: step.correction.host })}{' '}
                <button type="button" class="kc-btn" ref={undoRef} onClick={(e) => undo(step.correction, e)}>
                  {t('undo', lang)}
                </button>
              </>
            )}
            {step.kind === 'undone' && t('correctionUndone', lang, { word })}
            {step.kind === 'failed' && t('correctionFailed', lang)}
          </p>
        </div>
      )}
    </div>
  );
}
