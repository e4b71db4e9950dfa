/**
 * A Dexie liveQuery as component state (as components/hooks.ts useLiveQuery), that runs its query
 * at most once every `minIntervalMs` when that is above 0. The library page passes
 * LIBRARY_REFRESH_DURING_IMPORT_MS while an import runs: the worker commits a file at a time, and
 * each commit would re-read every library row on the page's main thread. Between two reads the
 * subscription is dropped (so a commit costs the page nothing) and taken again after the interval,
 * which reads the rows once, as they are then. With 0 it follows every change, as useLiveQuery does.
 * The last value stays while the interval changes (no "loading" flash when a run ends).
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { Live } from '../../components/hooks.ts';

export function useThrottledLiveQuery<T>(query: () => Promise<T>, minIntervalMs: number): Live<T> {
  const [live, setLive] = useState<Live<T>>({ value: undefined, error: undefined });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let subscription: { unsubscribe(): void } | undefined;
    const subscribe = () => {
      let held = false;
      const sub = liveQuery(query).subscribe({
        next: (value) => {
          if (stopped || held) return;
          setLive({ value, error: undefined });
          if (minIntervalMs <= 0) return;
          // Hold until the interval is over: commits in between run no query on this page.
          held = true;
          queueMicrotask(() => sub.unsubscribe());
          timer = setTimeout(() => !stopped && subscribe(), minIntervalMs);
        },
        error: (error: unknown) => !stopped && setLive((l) => ({ value: l.value, error })),
      });
      subscription = sub;
    };
    subscribe();
    return () => {
      stopped = true;
      clearTimeout(timer);
      subscription?.unsubscribe();
    };
    // The query is the caller's one function; only the interval changes what is subscribed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [minIntervalMs]);
  return live;
}
