/**
 * The library page's import, run in a dedicated worker so that reading files, parsing HTML,
 * finding names and writing IndexedDB never hold the page's main thread (issue 13: no task of
 * 50 ms or more in the library page while 1,000 articles go in).
 *
 * The worker runs the one ImportController (lib/library-import.ts) with the database: the run,
 * its journal and each file's one transaction are exactly those of an import on the page. Every
 * event it gives the state machine crosses to the page (lib/messages/import-worker.ts), where
 * ImportClient replays it through the same transition function (lib/import-run.ts): the page's
 * state is the worker's, step for step, and the page applies no effect of its own (the worker
 * writes the journal). Both ends take a port (the Worker, the worker's global scope, or a
 * MessageChannel's ports in tests), so this runs in Node without a worker.
 */
import { ImportController, type ImportDeps } from './library-import.ts';
import { isRunning, transition, type ImportRunState } from './import-run.ts';
import { parseFromWorker, parseToWorker, Problem, type FileToImport, type FromWorker, type ToWorker, type WorkerFailure } from './messages/import-worker.ts';

/** What both ends need of the other: a Worker, a DedicatedWorkerGlobalScope, a MessagePort. */
export interface ImportPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** The bundled data is not in the database yet (just installed): the page says so in words. */
export class NoMatcherError extends Error {
  constructor() {
    super('the bundled data is not ready');
  }
}

function failureOf(e: unknown): { reason: WorkerFailure; message: string } {
  if (e instanceof NoMatcherError) return { reason: 'noMatcher', message: e.message };
  return { reason: 'error', message: (e instanceof Error ? e.message : String(e)).slice(0, 1000) };
}

/** The worker's side: one controller, driven by the page's commands, its events sent back. */
export function serveImport(port: ImportPort, deps: Omit<ImportDeps, 'onEvent'>): ImportController {
  const send = (m: FromWorker) => port.postMessage(m);
  const controller = new ImportController({ ...deps, onEvent: (event) => send({ type: 'event', event }) });
  const fail = (e: unknown) => send({ type: 'failed', ...failureOf(e) });
  port.addEventListener('message', ({ data }) => {
    const command = parseToWorker(data);
    if (command instanceof Problem) return fail(new Error(command.message));
    switch (command.type) {
      case 'check':
        return void controller.checkInterrupted().catch(fail);
      case 'run':
        return void controller.run(command.files.map(pickedOf)).catch(fail);
      case 'cancel':
        return controller.cancel();
      case 'dismiss':
        return controller.dispatch({ type: 'dismiss' });
    }
  });
  return controller;
}

const pickedOf = (f: FileToImport) => ({ name: f.name, bytes: async () => new Uint8Array(await f.blob.arrayBuffer()) });

/**
 * The page's side: the run's state, as the worker's events make it, for the view to show; the
 * reader's commands, sent. A message that is not one of the declared ones is refused, in words.
 */
export class ImportClient {
  state: ImportRunState = { phase: 'idle' };
  private listeners = new Set<(state: ImportRunState) => void>();
  private failureListeners = new Set<(reason: WorkerFailure, message: string) => void>();

  constructor(private readonly port: ImportPort) {
    port.addEventListener('message', ({ data }) => this.receive(data));
  }

  subscribe(listener: (state: ImportRunState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A run that could not start, or a message the page could not take. */
  onFailure(listener: (reason: WorkerFailure, message: string) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /** On the page's opening: is there a journal of a run that did not finish? */
  checkInterrupted(): void {
    this.send({ type: 'check' });
  }

  run(files: readonly FileToImport[]): void {
    if (files.length > 0) this.send({ type: 'run', files: [...files] });
  }

  cancel(): void {
    this.send({ type: 'cancel' });
  }

  dismiss(): void {
    this.send({ type: 'dismiss' });
  }

  /**
   * The worker could not be started or stopped with an error (its script failed to load, it ran
   * out of memory), or sent what the page cannot take: a run the page shows as under way ends as
   * failed here, never stuck on "reading" (its journal, still stored, is reported as interrupted
   * on the next opening).
   */
  fail(message: string): void {
    if (isRunning(this.state)) {
      this.state = { phase: 'failed', run: this.state.run, reason: 'error', message };
      for (const l of this.listeners) l(this.state);
    }
    for (const l of this.failureListeners) l('error', message);
  }

  private send(m: ToWorker): void {
    this.port.postMessage(m);
  }

  private receive(data: unknown): void {
    const m = parseFromWorker(data);
    if (m instanceof Problem) return this.fail(m.message);
    if (m.type === 'failed') {
      for (const l of this.failureListeners) l(m.reason, m.message);
      return;
    }
    // The worker applied the effects (journal writes); the page only follows the state.
    const { state } = transition(this.state, m.event);
    if (state === this.state) return;
    this.state = state;
    for (const l of this.listeners) l(state);
  }
}
