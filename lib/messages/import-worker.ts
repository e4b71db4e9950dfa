/**
 * What the library page and its import worker say to each other (lib/import-worker.ts), declared
 * once: each message's fields as a schema (lib/messages/schema.ts), typed against the state
 * machine's own types (lib/import-run.ts) so the compiler holds the two together, and validated
 * on receipt on both sides — the worker takes only well-formed commands, the page only events its
 * transition function knows.
 *
 *   page → worker: check (a journal left behind?), run (the picked files), cancel, dismiss
 *   worker → page: event (one ImportRunEvent, in order), failed (a run that could not start)
 */
import { asJournal, type FileReport, type ImportJournal, type ImportRunEvent } from '../import-run.ts';
import { PROBLEM_PARAMS, type InputProblem, type ProblemCode } from '../../core/library/problem.ts';
import { exact, int, literal, parseTagged, Problem, str, type Schema } from './schema.ts';

/** Limits on what crosses: generous (a newsroom's archive is thousands of files), never unbounded. */
const MAX_FILES = 100_000;
const MAX_PROBLEMS = 100_000;
const NAME_MAX = 4_096;
const TEXT_MAX = 10_000;

const name = str({ max: NAME_MAX, what: 'not a file name' });
const text = str({ max: TEXT_MAX, what: 'too long' });
const now = int({ min: 0, max: Number.MAX_SAFE_INTEGER, what: 'not a time' });
const count = int({ min: 0, max: Number.MAX_SAFE_INTEGER, what: 'not a count' });

/** An array of at most `max` items, each checked. */
function list<T>(item: Schema<T>, max: number): Schema<T[]> {
  return (v, at) => {
    if (!Array.isArray(v) || v.length > max) return new Problem(`${at}: not a list of at most ${max}`);
    const out: T[] = [];
    for (const [i, x] of v.entries()) {
      const ok = item(x, `${at}[${i}]`);
      if (ok instanceof Problem) return ok;
      out.push(ok);
    }
    return out;
  };
}

/** `fields` exactly, and `optional` ones when present. */
function withOptional<T extends object>(fields: Record<string, Schema<unknown>>, optional: Record<string, Schema<unknown>>): Schema<T> {
  const required = exact(fields, Object.keys(optional));
  return (v, at) => {
    const base = required(v, at);
    if (base instanceof Problem) return base;
    const out: Record<string, unknown> = base;
    for (const [key, schema] of Object.entries(optional)) {
      if (!Object.prototype.hasOwnProperty.call(v, key) || (v as Record<string, unknown>)[key] === undefined) continue;
      const ok = schema((v as Record<string, unknown>)[key], `${at}.${key}`);
      if (ok instanceof Problem) return ok;
      out[key] = ok;
    }
    return out as T;
  };
}

const param = (v: unknown, at: string): string | number | Problem =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' ? text(v, at) : new Problem(`${at}: not a text or a number`);

/** A problem as data (core/library/problem.ts): a known code and exactly that code's parameters. */
const problem: Schema<InputProblem> = (v, at) => {
  const base = withOptional<{ file: string; line?: number; code: string; params: unknown }>(
    { file: name, code: str({ max: 40, test: (c) => Object.hasOwn(PROBLEM_PARAMS, c), what: 'not a problem code' }), params: (p) => p },
    { line: count },
  )(v, at);
  if (base instanceof Problem) return base;
  const keys = PROBLEM_PARAMS[base.code as ProblemCode];
  const params = exact(Object.fromEntries(keys.map((k) => [k, param])))(base.params, `${at}.params`);
  if (params instanceof Problem) return params;
  return { ...base, params } as InputProblem;
};

const report: Schema<FileReport> = withOptional(
  { file: name, added: count, duplicates: count, problems: list(problem, MAX_PROBLEMS) },
  { failed: literal('quota', 'error') },
);

const journal: Schema<ImportJournal> = (v, at) => asJournal(v) ?? new Problem(`${at}: not an import journal`);

/** A tagged message's fields: its tag (`type`) is parseTagged's to check. */
const fields = <F extends Record<string, Schema<unknown>>>(f: F) => exact(f, ['type']);

type EventOf<K extends ImportRunEvent['type']> = Omit<Extract<ImportRunEvent, { type: K }>, 'type'>;

/** Every event of the run's state machine, its fields (the type checker asks for a new one). */
const EVENTS: { [K in ImportRunEvent['type']]: { schema: Schema<EventOf<K>> } } = {
  start: { schema: fields({ importId: name, files: list(name, MAX_FILES), now }) },
  read: { schema: fields({ articles: count, now }) },
  store: { schema: fields({ now }) },
  stored: { schema: fields({ articles: count, now }) },
  tick: { schema: fields({ now }) },
  fileDone: { schema: fields({ report, now }) },
  storeFailed: { schema: fields({ report, reason: literal('quota', 'error'), message: text, now }) },
  cancel: { schema: fields({ now }) },
  foundJournal: { schema: fields({ journal }) },
  dismiss: { schema: fields({}) },
};

const event: Schema<ImportRunEvent> = (v, at) => {
  const parsed = parseTagged(EVENTS, 'type', `${at || 'import'} event`, v);
  return parsed instanceof Problem ? parsed : (parsed as unknown as ImportRunEvent);
};

/** A picked file as it crosses: its name (a folder's relative path) and its bytes, unread. */
export interface FileToImport {
  name: string;
  blob: Blob;
}

const blob: Schema<Blob> = (v, at) => (typeof Blob !== 'undefined' && v instanceof Blob ? v : new Problem(`${at}: not a file`));

/** Why a run could not start: the bundled data is not in the database yet, or anything else. */
export type WorkerFailure = 'noMatcher' | 'error';

const TO_WORKER = {
  check: { schema: fields({}) },
  run: { schema: fields({ files: list<FileToImport>(exact({ name, blob }), MAX_FILES) }) },
  cancel: { schema: fields({}) },
  dismiss: { schema: fields({}) },
};

const FROM_WORKER = {
  event: { schema: fields({ event }) },
  failed: { schema: fields({ reason: literal<WorkerFailure>('noMatcher', 'error'), message: text }) },
};

type Tagged<T extends Record<string, { schema: Schema<object> }>> = {
  [K in keyof T]: { type: K } & (T[K]['schema'] extends Schema<infer F> ? F : never);
}[keyof T];

export type ToWorker = Tagged<typeof TO_WORKER>;
export type FromWorker = Tagged<typeof FROM_WORKER>;

/** A command from the page, or the Problem with it. */
export function parseToWorker(message: unknown): ToWorker | Problem {
  const parsed = parseTagged(TO_WORKER, 'type', 'import command', message);
  return parsed instanceof Problem ? parsed : (parsed as unknown as ToWorker);
}

/** A message from the worker, or the Problem with it. */
export function parseFromWorker(message: unknown): FromWorker | Problem {
  const parsed = parseTagged(FROM_WORKER, 'type', 'import worker message', message);
  return parsed instanceof Problem ? parsed : (parsed as unknown as FromWorker);
}

export { Problem };
