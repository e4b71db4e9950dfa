/**
 * What the background announces without being asked, each declared once: import progress to the
 * extension's open pages (runtime.sendMessage), and a changed per-site switch to every tab's
 * content scripts (tabs.sendMessage; a content script compares `host` with its own). Events have
 * `event`, never `type`, so no listener takes one for a request. Validated on receipt (`asEvent`).
 */
import { LIMITS } from '../messages.ts';
import { host } from './fields.ts';
import { bool, exact, parseTagged, Problem, str, type Fields, type InferFields, type Schema } from './schema.ts';

/** 0..1: `int` is for whole numbers, so a fraction gets its own check. */
const fraction: Schema<number> = (v, at) => (typeof v === 'number' && v >= 0 && v <= 1 ? v : new Problem(`${at}: not a fraction`));

type EventDeclared<F extends Fields> = { fields: F; schema: Schema<InferFields<F>> };
function event<F extends Fields>(fields: F): EventDeclared<F> {
  return { fields, schema: exact(fields, ['event']) };
}

export const EVENTS = {
  importProgress: event({ progress: fraction }),
  importDone: event({ bundleVersion: str({ max: LIMITS.bundleVersionLength, what: 'not a bundle version' }) }),
  siteEnabledChanged: event({ host, enabled: bool() }),
};

type Table = typeof EVENTS;
export type EventName = keyof Table;
type Flat<O> = { [K in keyof O]: O[K] };
type One<E extends EventName> = Flat<{ event: E } & (Table[E] extends EventDeclared<infer F> ? InferFields<F> : never)>;
/** An event named E (a union of names gives the union of their events). */
export type EventOf<E extends EventName> = { [K in E]: One<K> }[E];
export type BackgroundEvent = EventOf<EventName>;

/** The message as one of `names`, validated; undefined for anything else. */
export function asEvent<E extends EventName>(message: unknown, ...names: E[]): EventOf<E> | undefined {
  if (typeof message !== 'object' || message === null || !names.includes((message as { event?: unknown }).event as E)) return undefined;
  const parsed = parseTagged(EVENTS, 'event', 'event', message);
  return parsed instanceof Problem ? undefined : (parsed as EventOf<E>);
}
