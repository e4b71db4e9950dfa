/**
 * The reader's corrections on one page (issue 10 item 4), the page session's one hook for them:
 * - `accepts`, the scanner's filter (page/scanner.ts `accept`): a mention of an entity through a
 *   word the reader said is not that entity, on this site or everywhere, is never placed;
 * - followed live (storage.onChanged, lib/corrections-store.ts): a new correction takes its
 *   mentions off the page at once (index and highlights), and a correction lifted (undone in a
 *   card or removed in the options page) brings them back by scanning the page again;
 * - the card's actions (CorrectionActions): record a correction for the open mention, undo it.
 */
import type { CorrectionActions } from '../../components/CorrectionControl.tsx';
import type { Matcher } from '../../core/match/automaton.ts';
import {
  applyingKeys,
  correctionFilter,
  siteOf,
  surfaceOf,
  type Correction,
  type CorrectionScope,
  type MentionFilter,
} from '../../lib/corrections.ts';
import { addCorrection, removeCorrection, watchCorrections } from '../../lib/corrections-store.ts';
import type { PageNames } from '../../lib/messages.ts';
import type { Highlighter } from '../../page/highlighter.ts';
import type { MentionIndex } from '../../page/mention-index.ts';
import type { Scanner } from '../../page/scanner.ts';

/** What a change of the corrections acts on: the running session's parts. */
export interface CorrectionTarget {
  scanner: Scanner;
  index: MentionIndex;
  highlighter: Highlighter;
}

/** The normalised names of an entity in the matcher (a name with the article written with it). */
export function namesOf(matcher: Matcher, entityId: string): Set<string> {
  const { entityIds, patterns } = matcher.data;
  const e = entityIds.indexOf(entityId);
  const names = new Set<string>();
  if (e < 0) return names;
  for (const [core, article, targets] of patterns) {
    if (targets.some((t) => t >> 1 === e)) names.add(article ? `ال${core}` : core);
  }
  return names;
}

export class PageCorrections implements CorrectionActions {
  private host = '';
  private filter: MentionFilter | undefined;
  /** The keys of the corrections applying here (a change that lifts one must scan again). */
  private applying = new Set<string>();
  /** Bumped by every change heard: an older read (startup, restored) must not undo a newer change. */
  private changes = 0;

  /** @param matcher the session's matcher, when it has one (for the stored form of a word) */
  constructor(private readonly matcher: () => Matcher | undefined) {}

  get site(): string {
    return siteOf(this.host);
  }

  /**
   * The corrections read with the settings (startup.ts, one storage read) for a page on `host`,
   * before the first scan.
   */
  start(host: string, list: readonly Correction[]): void {
    this.host = host;
    this.use(list);
  }

  /**
   * A fresh read (the page back from the back/forward cache, where no change reached it): applied
   * to the running session like a change, unless a change was heard since the read began (`token`,
   * from `readToken`).
   */
  refresh(list: readonly Correction[], token: number, target: CorrectionTarget | undefined, report: (names: PageNames) => void): void {
    if (token !== this.changes) return;
    this.changed(list, target, report);
  }

  /** See refresh. */
  get readToken(): number {
    return this.changes;
  }

  /** Only the reader's own clicks (the page's scripts can reach the card's open shadow root). */
  readonly allow = (event: Event): boolean => event.isTrusted;

  /** The scanner's filter: false for a mention the reader corrected. */
  readonly accepts = (entityId: string, text: string): boolean => !this.filter?.(entityId, text);

  /**
   * Follow the stored corrections: apply each change to the running session (`target`) at once,
   * telling the badge the new counts (`report`). Returns the unsubscribe.
   */
  watch(target: () => CorrectionTarget | undefined, report: (names: PageNames) => void): () => void {
    return watchCorrections((list) => {
      this.changes++;
      const t = target();
      // A report that comes later (after a rescan) only while the same session still runs.
      this.changed(list, t, (names) => {
        if (target() === t) report(names);
      });
    });
  }

  private changed(list: readonly Correction[], target: CorrectionTarget | undefined, report: (names: PageNames) => void): void {
    const lifted = this.use(list);
    if (!target) return;
    try {
      applyTo(target, this.filter, lifted, report);
    } catch (error) {
      console.warn('[khabar] applying corrections failed', error);
    }
  }

  /** Record that the mention's word is not this entity, here (`host`) or everywhere (`global`). */
  hide(mention: { entityId: string; text: string }, entityName: string, scope: CorrectionScope): Promise<Correction> {
    const matcher = this.matcher();
    const names = matcher ? namesOf(matcher, mention.entityId) : new Set<string>();
    const correction: Correction = {
      surface: surfaceOf(mention.text, (s) => names.has(s)),
      entityId: mention.entityId,
      host: scope === 'host' ? this.site : null,
      text: mention.text,
      entityName,
      at: Date.now(),
    };
    return addCorrection(correction).then(() => correction);
  }

  undo(correction: Correction): Promise<void> {
    return removeCorrection(correction).then(() => undefined);
  }

  /** Take `list` as the corrections; returns whether one that applied here was lifted. */
  private use(list: readonly Correction[]): boolean {
    this.filter = correctionFilter(list, this.host);
    const before = this.applying;
    this.applying = applyingKeys(list, this.host);
    for (const key of before) if (!this.applying.has(key)) return true;
    return false;
  }
}

/**
 * A change on the running page: mentions now filtered out leave the index and the highlights at
 * once; when a correction was lifted the page is scanned again (its mentions were never placed).
 */
export function applyTo(
  t: CorrectionTarget,
  filter: MentionFilter | undefined,
  lifted: boolean,
  report: (names: PageNames) => void,
): void {
  if (filter) {
    const gone = t.index.removeWhere((m) => filter(m.entityId, m.text));
    for (const m of gone) {
      t.highlighter.delete(m.category, m.range);
      if (t.highlighter.currentRange === m.range) t.highlighter.setCurrent(null);
    }
    if (gone.length > 0 && !lifted) report(t.index.counts());
  }
  if (lifted) {
    t.scanner.rescan([document.body ?? document.documentElement]);
    // Reported here too: the scanner reports only counts that differ from its last report, which
    // may be these very counts (from before the correction was made).
    void t.scanner.idle().then(() => report(t.index.counts()));
  }
}
