/**
 * A tiny schema kit for messages: each combinator is both a type (Infer<S>) and a validator
 * (S(value, at)), so a message's fields are declared once. In-house rather than a library so that
 * what crosses an extension boundary gets an error that names the field, and the content script
 * — which sends requests but validates none of them — carries none of it (it imports only types).
 * Pure: no DOM, no browser API.
 */

/** A refusal: `at` names the field, so the sender learns what was wrong. Short and clean. */
export class Problem {
  constructor(readonly message: string) {}
}

/** Validates `value` (found at `at`, a field path) and returns it as T, or a Problem. */
export type Schema<T> = (value: unknown, at: string) => T | Problem;
export type Infer<S> = S extends Schema<infer T> ? T : never;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A string within `max` that `test` accepts; `what` names it in the error ("entityId: bad entity id"). */
export function str(opts: { max: number; pattern?: RegExp; test?: (s: string) => boolean; what: string }): Schema<string> {
  return (v, at) =>
    typeof v === 'string' && v.length <= opts.max && (!opts.pattern || opts.pattern.test(v)) && (!opts.test || opts.test(v))
      ? v
      : new Problem(`${at}: ${opts.what}`);
}

/** A whole number in [min, max]. */
export function int(opts: { min: number; max: number; what: string }): Schema<number> {
  return (v, at) =>
    // -0 (structured clone keeps it) is taken as 0: what JSON, and the browser's ids, would give.
    typeof v === 'number' && Number.isInteger(v) && v >= opts.min && v <= opts.max ? (v === 0 ? 0 : v) : new Problem(`${at}: ${opts.what}`);
}

export function bool(): Schema<boolean> {
  return (v, at) => (typeof v === 'boolean' ? v : new Problem(`${at} must be true or false`));
}

/** One of a few fixed values. */
export function literal<const L extends string | number | boolean>(...values: L[]): Schema<L> {
  return (v, at) => ((values as unknown[]).includes(v) ? (v as L) : new Problem(`${at}: not one of ${values.join(', ')}`));
}

/**
 * A plain object used as a map (key → value), at most `maxKeys` keys. The copy has no prototype
 * surprises: keys are checked before they are written, and written with defineProperty.
 */
export function record<V>(key: Schema<string>, value: Schema<V>, opts: { maxKeys: number; what: string }): Schema<Record<string, V>> {
  return (v, at) => {
    if (!isPlainObject(v)) return new Problem(`${at} must be an object`);
    const keys = Object.keys(v);
    if (keys.length > opts.maxKeys) return new Problem(`more than ${opts.maxKeys} ${opts.what}`);
    const out: Record<string, V> = {};
    for (const k of keys) {
      const okKey = key(k, at);
      if (okKey instanceof Problem) return okKey;
      const okValue = value(v[k], `${at}[${k}]`);
      if (okValue instanceof Problem) return okValue;
      Object.defineProperty(out, k, { value: okValue, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
}

export type Fields = Record<string, Schema<unknown>>;
export type InferFields<F extends Fields> = { [K in keyof F]: Infer<F[K]> };

/**
 * A plain object with exactly `fields` (besides those in `besides`, which the caller checks):
 * an unknown or missing key fails. The copy holds only the declared fields.
 */
export function exact<F extends Fields>(fields: F, besides: readonly string[] = []): Schema<InferFields<F>> {
  const names = Object.keys(fields);
  return (v, at) => {
    if (!isPlainObject(v)) return new Problem(`${at || 'a message'} must be a plain object`);
    for (const key of Object.keys(v)) {
      if (!besides.includes(key) && !names.includes(key)) return new Problem(`unknown field "${key.slice(0, 40)}"`);
    }
    const out: Record<string, unknown> = {};
    for (const name of names) {
      if (!Object.prototype.hasOwnProperty.call(v, name)) return new Problem(`missing field "${name}"`);
      const ok = fields[name]!(v[name], at ? `${at}.${name}` : name);
      if (ok instanceof Problem) return ok;
      out[name] = ok;
    }
    return out as InferFields<F>;
  };
}

/** A type-only marker for what a message answers (no value at run time). */
export interface Answer<R> {
  readonly answerType?: R;
}
export const answers = <R>(): Answer<R> => ({});

/**
 * A message from a table of declared ones, told apart by `tagKey` (`type`, `event`): the tag is an
 * own key of the table (never `constructor` or `__proto__`), the rest its schema's exact fields.
 * Returns a fresh object with the tag and the validated fields.
 */
export function parseTagged(
  table: Record<string, { schema: Schema<object> }>,
  tagKey: string,
  what: string,
  message: unknown,
): Record<string, unknown> | Problem {
  if (!isPlainObject(message)) return new Problem(`a ${what} is a plain object`);
  const tag = message[tagKey];
  if (typeof tag !== 'string') return new Problem(`missing ${what} type`);
  if (!Object.prototype.hasOwnProperty.call(table, tag)) return new Problem(`unknown ${what} type "${tag.slice(0, 40)}"`);
  const fields = table[tag]!.schema(message, '');
  return fields instanceof Problem ? fields : { [tagKey]: tag, ...fields };
}
