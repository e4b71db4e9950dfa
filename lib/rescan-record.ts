/**
 * The library rescan's progress (entrypoints/background/own-names.ts writes it in userMeta, the
 * pages show it): its own small module, so the background does not take in the pages' helpers.
 */

/** userMeta key of the library rescan's progress. */
export const RESCAN_KEY = 'rescan';

export interface RescanRecord {
  key: typeof RESCAN_KEY;
  state: 'running' | 'done' | 'error';
  done: number;
  total: number;
  /** The matcher version the rescan uses. */
  version: string;
  error?: string;
  at: number;
}

