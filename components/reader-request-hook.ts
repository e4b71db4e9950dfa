/**
 * The side panel's side of "read the source in the side panel" (lib/reader-request.ts): opens the
 * requested article's reader view when the panel starts right after a request, and whenever a new
 * one arrives while it is open.
 */
import { useEffect } from 'preact/hooks';
import { READER_REQUEST_FRESH_MS } from '../lib/constants.ts';
import { readReaderRequest, watchReaderRequests } from '../lib/reader-request.ts';


export function useReaderRequests(open: (articleId: string) => void): void {
  useEffect(() => {
    let live = true;
    const stop = watchReaderRequests((r) => live && open(r.articleId));
    void readReaderRequest().then((r) => {
      if (live && r && Date.now() - r.at < READER_REQUEST_FRESH_MS) open(r.articleId);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
}
