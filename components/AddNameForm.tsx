/**
 * The form that adds a name of the reader's own, or edits one (issue 13 item 3): what it names
 * (place, group, person) and its precise kind, the Arabic name (prefilled from the selection or a
 * suggestion), the English name, more spellings, the place it lies in (searched among the
 * gazetteer's places) and a description. Checked by core/library/own-name.ts; each problem is
 * worded under its field, the field marked invalid and the first of them focused, and a summary
 * announced. Mounted by the add-name page and by OwnNames (options or library page).
 */
import type { JSX } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import {
  KINDS_OF_CATEGORY,
  NAME_CATEGORIES,
  NAME_LIMITS,
  formOf,
  namesIndex,
  validateNameForm,
  type NameCategory,
  type NameError,
  type NameField,
  type NameForm,
} from '../core/library/own-name.ts';
import { categoryOf, type Entity, type EntityKind } from '../core/types.ts';
import { errorText } from '../lib/errors.ts';
import { categoryLabel, kindLabel, t, type UiKey, type UiLang } from '../lib/i18n.ts';
import { saveOwnName } from '../lib/own-names.ts';
import { gazetteer, uiDatabase } from '../lib/ui-data.ts';
import { useLiveQuery } from './hooks.ts';
import './own-names.css';

export interface AddNameFormProps {
  lang: UiLang;
  /** The reader's entity to edit; absent: a new name. */
  editing?: Entity;
  /** A new name's start: the selection, or a suggestion (its name and the kind its trigger says). */
  start?: { name?: string; kind?: EntityKind };
  onSaved?: (entity: Entity) => void;
  onCancel?: () => void;
  /** The form's title is the page's own (the add-name page) or a section's (default). */
  titleLevel?: 1 | 2;
}

const ERROR_KEYS: Record<NameError['problem'], UiKey> = {
  required: 'nameErrorRequired',
  tooShort: 'nameErrorTooShort',
  tooLong: 'nameErrorTooLong',
  notArabic: 'nameErrorNotArabic',
  tooMany: 'nameErrorTooMany',
  known: 'nameErrorKnown',
  noParent: 'nameErrorNoParent',
  badKind: 'nameErrorBadKind',
};

function errorWords(e: NameError, lang: UiLang): string {
  const detail = e.detail ?? '';
  return t(ERROR_KEYS[e.problem], lang, { value: detail, limit: detail, entity: detail });
}

/** A place as the parent search lists it: its label (Arabic, English) and id. */
interface PlaceOption {
  id: string;
  label: string;
}

const placeLabel = (e: Entity) => (e.nameEn ? `${e.name} (${e.nameEn})` : e.name);

export function AddNameForm(props: AddNameFormProps): JSX.Element {
  const { lang, editing } = props;
  const uid = useId();
  const db = uiDatabase();
  const known = useLiveQuery(() => gazetteer(db), [db]);
  const [form, setForm] = useState<NameForm>(() => formOf(editing, props.start));
  const [parentText, setParentText] = useState('');
  const [errors, setErrors] = useState<NameError[]>([]);
  const [state, setState] = useState<'editing' | 'saving' | 'saved'>('editing');
  const [failure, setFailure] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  const entities = useMemo(() => (known.value ? [...known.value.byId.values()] : []), [known.value]);
  const places = useMemo<PlaceOption[]>(
    () =>
      entities
        .filter((e) => categoryOf(e.kind) === 'place' && e.id !== editing?.id)
        .map((e) => ({ id: e.id, label: placeLabel(e) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'ar')),
    [entities, editing?.id],
  );
  // The parent's text follows the stored parent once the gazetteer is there (editing).
  useEffect(() => {
    if (!form.parent || parentText) return;
    const p = places.find((o) => o.id === form.parent);
    if (p) setParentText(p.label);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [places]);

  const category = categoryOf(form.kind) as NameCategory;
  const set = (change: Partial<NameForm>) => {
    setForm((f) => ({ ...f, ...change }));
    if (state === 'saved') setState('editing');
  };
  const fieldErrors = (field: NameField) => errors.filter((e) => e.field === field);
  const errorId = (field: NameField) => `${uid}-${field}-error`;
  const invalid = (field: NameField) => (fieldErrors(field).length > 0 ? 'true' : undefined);
  const describedBy = (field: NameField, hint?: string) =>
    [hint, fieldErrors(field).length > 0 ? errorId(field) : undefined].filter(Boolean).join(' ') || undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (state === 'saving' || !known.value) return;
    setFailure('');
    // The parent is what the search box names: a listed place, or none when it is empty.
    const typed = parentText.trim();
    const parent = typed === '' ? '' : (places.find((p) => p.label === typed)?.id ?? `?${typed}`);
    const checked = { ...form, parent };
    const context = {
      ids: new Set(known.value.byId.keys()),
      places: new Map(places.map((p) => [p.id, p.label])),
      names: namesIndex(entities),
      ...(editing ? { editing: editing.id } : {}),
    };
    const result = validateNameForm(checked, context, editing);
    if (!result.ok) {
      setErrors(result.errors);
      // The first field with a problem takes the focus; its words are read with it.
      const first = result.errors[0]!.field;
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus());
      return;
    }
    setErrors([]);
    setState('saving');
    try {
      await saveOwnName(db, result.entity);
      setState('saved');
      props.onSaved?.(result.entity);
    } catch (e) {
      setState('editing');
      setFailure(errorText(e, lang));
    }
  };

  const fieldError = (field: NameField) =>
    fieldErrors(field).length > 0 && (
      <p id={errorId(field)} class="field-error">
        {fieldErrors(field).map((e) => errorWords(e, lang)).join(' ')}
      </p>
    );

  return (
    <form ref={formRef} class="name-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${uid}-title`}>
      {props.titleLevel === 1 ? (
        <h1 id={`${uid}-title`}>{t(editing ? 'editNameTitle' : 'addNameTitle', lang)}</h1>
      ) : (
        <h2 id={`${uid}-title`}>{t(editing ? 'editNameTitle' : 'addNameTitle', lang)}</h2>
      )}

      <fieldset>
        <legend>{t('nameCategoryLegend', lang)}</legend>
        <div class="chips" role="presentation">
          {NAME_CATEGORIES.map((c) => (
            <label key={c} class="switch">
              <input
                type="radio"
                name={`${uid}-category`}
                value={c}
                checked={category === c}
                data-field={c === category ? 'kind' : undefined}
                onChange={() => set({ kind: KINDS_OF_CATEGORY[c][0]!, ...(c === 'place' ? {} : { parent: '' }) })}
              />
              <span>{categoryLabel(c, lang)}</span>
            </label>
          ))}
        </div>
        {KINDS_OF_CATEGORY[category].length > 1 && (
          <div class="field">
            <label for={`${uid}-kind`}>{t('nameKindLabel', lang)}</label>
            <select id={`${uid}-kind`} value={form.kind} onChange={(e) => set({ kind: e.currentTarget.value as EntityKind })}>
              {KINDS_OF_CATEGORY[category].map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k, lang)}
                </option>
              ))}
            </select>
          </div>
        )}
        {fieldError('kind')}
      </fieldset>

      <div class="field stacked">
        <label for={`${uid}-name`}>{t('nameArLabel', lang)}</label>
        <input
          id={`${uid}-name`}
          data-field="name"
          type="text"
          lang="ar"
          dir="rtl"
          required
          maxLength={NAME_LIMITS.name * 2}
          autoComplete="off"
          value={form.name}
          aria-invalid={invalid('name')}
          aria-describedby={describedBy('name')}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
        {fieldError('name')}
      </div>

      <div class="field stacked">
        <label for={`${uid}-en`}>{t('nameEnLabel', lang)}</label>
        <input
          id={`${uid}-en`}
          data-field="nameEn"
          type="text"
          lang="en"
          dir="ltr"
          maxLength={NAME_LIMITS.nameEn * 2}
          autoComplete="off"
          value={form.nameEn}
          aria-invalid={invalid('nameEn')}
          aria-describedby={describedBy('nameEn')}
          onInput={(e) => set({ nameEn: e.currentTarget.value })}
        />
        {fieldError('nameEn')}
      </div>

      <div class="field stacked">
        <label for={`${uid}-spellings`}>{t('nameSpellingsLabel', lang)}</label>
        <textarea
          id={`${uid}-spellings`}
          data-field="spellings"
          lang="ar"
          dir="rtl"
          rows={3}
          value={form.spellings}
          aria-invalid={invalid('spellings')}
          aria-describedby={describedBy('spellings', `${uid}-spellings-hint`)}
          onInput={(e) => set({ spellings: e.currentTarget.value })}
        />
        <p id={`${uid}-spellings-hint`} class="muted">
          {t('nameSpellingsHint', lang)}
        </p>
        {fieldError('spellings')}
      </div>

      {category === 'place' && (
        <div class="field stacked">
          <label for={`${uid}-parent`}>{t('nameParentLabel', lang)}</label>
          <input
            id={`${uid}-parent`}
            data-field="parent"
            type="search"
            list={`${uid}-places`}
            autoComplete="off"
            value={parentText}
            aria-invalid={invalid('parent')}
            aria-describedby={describedBy('parent', `${uid}-parent-hint`)}
            onInput={(e) => {
              const text = e.currentTarget.value;
              setParentText(text);
              set({ parent: places.find((p) => p.label === text.trim())?.id ?? '' });
            }}
          />
          <datalist id={`${uid}-places`}>
            {places.map((p) => (
              <option key={p.id} value={p.label} />
            ))}
          </datalist>
          <p id={`${uid}-parent-hint`} class="muted">
            {t('nameParentHint', lang)}
          </p>
          {fieldError('parent')}
        </div>
      )}

      <div class="field stacked">
        <label for={`${uid}-description`}>{t('nameDescriptionLabel', lang)}</label>
        <textarea
          id={`${uid}-description`}
          data-field="description"
          rows={3}
          value={form.description}
          aria-invalid={invalid('description')}
          aria-describedby={describedBy('description')}
          onInput={(e) => set({ description: e.currentTarget.value })}
        />
        {fieldError('description')}
      </div>

      <p class="name-form-actions">
        <button type="submit" class="btn btn-primary" disabled={state === 'saving' || !known.value}>
          {t(state === 'saving' ? 'nameSaving' : 'nameSave', lang)}
        </button>
        {props.onCancel && (
          <button type="button" class="btn" onClick={props.onCancel}>
            {t('nameCancel', lang)}
          </button>
        )}
      </p>
      <p role="alert" class="notice-slot">
        {errors.length > 0 && <span class="notice" data-kind="error">{t('nameCheckFields', lang)}</span>}
        {failure && <span class="notice" data-kind="error">{failure}</span>}
      </p>
      <p role="status" class="status-line" data-testid="name-status">
        {state === 'saved' && t('nameSaved', lang, { name: form.name.trim() })}
      </p>
    </form>
  );
}
