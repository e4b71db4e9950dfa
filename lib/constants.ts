/**
 * Every timing and size the content script uses, in one place, each with the reason for its value.
 * Change a number here, not at its point of use: hover, keyboard, scanner and card read them all
 * from this module so that they stay consistent with each other.
 */

// ── Hover ────────────────────────────────────────────────────────────────────────────────────────

/**
 * How long the pointer must rest on a name before its card opens. Long enough that a pointer
 * crossing a paragraph on its way elsewhere opens nothing, short enough to feel immediate
 * (Wikipedia's page previews settled on the same 150 ms after user testing).
 */
export const HOVER_DWELL_MS = 150;

/**
 * The dwell's timer is set this much short of HOVER_DWELL_MS (half a 60 Hz frame): the dwell
 * starts in an animation frame, and a timer of a whole number of frames would expire on a frame
 * boundary, racing it. Ending half a frame early, the card is ready for the frame that ends the
 * dwell (see hover.ts).
 */
export const DWELL_FRAME_LEAD_MS = 8;

/**
 * Pointer speed, in CSS px per ms, above which the pointer is travelling rather than reading: the
 * dwell timer does not start (or restarts) while the pointer moves faster. 1 px/ms is 1000 px/s,
 * crossing a wide column of text in well under a second; a hand settling on a word moves far slower.
 */
export const FAST_POINTER_PX_PER_MS = 1;

/** The speed is measured over the pointer events of this window, so one jittery event counts less. */
export const POINTER_SPEED_WINDOW_MS = 60;

/**
 * How long the card stays after the pointer leaves the name (or the card). Gives the pointer time
 * to cross the gap between the name and the card, and forgives a brief overshoot.
 */
export const CLOSE_GRACE_MS = 300;

/** Gap between the name and the card, in CSS px: close enough to reach, far enough not to cover it. */
export const CARD_OFFSET_PX = 6;

/** The card keeps this far from the viewport's edges, in CSS px. */
export const CARD_VIEWPORT_PADDING_PX = 8;

/**
 * The card's height bounds, in CSS px: tall enough for the name, facts and two or three articles
 * without scrolling, short enough to cover no more of the text being read than needed (the rest
 * of the card scrolls inside it). Below the minimum the card flips to the other side of the name.
 */
// 360, not 460 (half a 900 px viewport): the card also stops at 40vh (card.css), so the reader's
// line and the text around it stay in view (issue 12).
export const CARD_MAX_HEIGHT_PX = 360;
export const CARD_MIN_HEIGHT_PX = 160;

/**
 * The card's one-time costs (its sheet's rules, the fonts' shaping, Intl locale data) are paid in
 * idle time after the first scan, at the latest this long after it: the first card then opens in
 * a task of a few ms instead of 40-60 (issue 11).
 */
export const CARD_PREWARM_IDLE_TIMEOUT_MS = 2000;

/**
 * How many times an open card's host is mounted again after the page removed it (from <html>,
 * then from <body>): a page that removes every foreign node must not make us loop.
 */
export const HOST_REMOUNTS_MAX = 3;

// ── Scanning ─────────────────────────────────────────────────────────────────────────────────────

/**
 * A scan slice stops and yields to the page after this much work. The budget is checked between
 * text blocks, so a slice may run over by one block's detection (well under a millisecond for
 * ordinary paragraphs); 8 ms keeps each task far under the 50 ms that counts as a long task and
 * leaves room in a 16 ms frame for the page's own work.
 */
export const SCAN_SLICE_MS = 8;

/**
 * The first scan starts at DOMContentLoaded, except in a document of more elements than this:
 * there, restyling every element for the highlight styles we adopt takes tens of milliseconds,
 * which our first computed style would force inside our first slice, so the scan waits for the
 * page's next frame to do it. A news article with its menus and sidebars has a few hundred to a
 * couple of thousand elements.
 */
export const LARGE_DOCUMENT_ELEMENTS = 3000;

/** The longest a first scan waits for that frame: a tab in the background renders none. */
export const FIRST_FRAME_WAIT_MS = 100;

/**
 * During a long scan, the ranges found are handed to the page's highlights at most this often
 * (and all at once when the scan pass ends): each frame after a highlight changes, the browser
 * revalidates every range it holds, so adding them slice by slice would cost each frame in
 * proportion to all found so far. A typical article is scanned in well under this.
 */
export const HIGHLIGHT_BATCH_MS = 100;

/**
 * While the tab is visible, whether the page took our highlights out of CSS.highlights (clear(),
 * delete(), a framework resetting the registry) is looked at this often, and they are put back.
 * The page's own calls cannot be seen from the content script's world, so it is a timer: a check
 * of five map entries (≈ 0.1 ms a task), about three times a second, only while the reader can
 * see the page (an idle page: ≈ 0.03–0.04% CPU, under the 0.1% budget), and highlights come back
 * within half a second even when a loaded machine runs the timer late.
 */
export const HIGHLIGHT_HEAL_MS = 300;

/** The long-task limit the scanner is built to stay under (what tests measure against). */
export const LONG_TASK_MS = 50;

/**
 * A block of text longer than this (a page that is one huge text node, a paragraph of thousands of
 * inline elements) is matched in windows of this many characters, a slice boundary allowed between
 * any two: detect() over a whole megabyte at once would hold the page for seconds. detect's cost
 * grows faster than the text (its context rules weigh each weak name against the others), so
 * windows are kept small: a 4K window takes a few ms, a 16K one up to 100 ms on a loaded machine.
 */
export const DETECT_WINDOW_CHARS = 4_096;

/**
 * Mentions starting in a window's last this-many characters are left to the next window: longer
 * than any name (with its clitics, marks and tatweel), so a name a window's end cuts is found whole,
 * and every mention taken has this much of the text after it as context.
 */
export const DETECT_WINDOW_OVERLAP_CHARS = 256;

/** The next window starts this far before the first mention it takes: the words before a name. */
export const DETECT_WINDOW_CONTEXT_CHARS = 128;

/**
 * Mutations are gathered until the page has made none for this long before they are scanned:
 * infinite scroll and single-page apps insert content in bursts of many small mutations (within a
 * few frames), and one scan per burst is enough. Short enough that a "load more" is highlighted
 * well within 300 ms of its insertion.
 */
export const MUTATION_DEBOUNCE_MS = 100;

/**
 * ... but never longer than this after the first of them: a live blog adding an entry every
 * 200 ms, or a ticker rewriting a node every frame, never rests, and a debounce alone would never
 * scan them. A node that keeps changing is so rescanned about three times a second, each entry of
 * a live blog highlighted within 500 ms of its insertion (with the pass's own time).
 */
export const MUTATION_MAX_WAIT_MS = 300;

/**
 * The names found on the page are sent to the background at most this often: the badge only needs
 * to follow the page, and a page that keeps changing must not flood the service worker.
 */
export const REPORT_THROTTLE_MS = 1500;

/** Mentions below this confidence are neither highlighted nor counted: detect's own threshold. */
export { MIN_CONFIDENCE as MIN_HIGHLIGHT_CONFIDENCE } from '../core/match/context.ts';

/** A mention at least this sure makes its entity "known on the page", evidence for its weak names. */
export const KNOWN_ENTITY_CONFIDENCE = 0.9;

// ── Language ─────────────────────────────────────────────────────────────────────────────────────

/** Characters of page text sampled to decide whether the page is Arabic. Enough for a verdict. */
export const LANGUAGE_SAMPLE_CHARS = 6000;

/**
 * Share of Arabic letters among all letters above which the main text counts as Arabic. Arabic news
 * sites carry Latin in menus, ads and code; their own text still dominates. 0.4 rather than 0.5 so
 * that a bilingual page whose Arabic half is the article is still served.
 */
export const ARABIC_SHARE_MIN = 0.4;

/** Fewer letters than this is no evidence either way (an empty shell of a single-page app). */
export const LANGUAGE_MIN_LETTERS = 40;

/**
 * A page with too little text to judge is looked at again when its content changes, for this long:
 * single-page apps render their text after document_idle.
 */
export const LANGUAGE_RECHECK_MS = 10_000;

// ── Keyboard ─────────────────────────────────────────────────────────────────────────────────────

/**
 * A "read the source in the side panel" request (lib/reader-request.ts) older than this when the
 * side panel starts was meant for an earlier opening of the panel: the panel opens within a second
 * of the click, and a reader who opens it again later expects the list, not that article.
 */
export const READER_REQUEST_FRESH_MS = 10_000;

/**
 * After "Save this page" from the context menu, the toolbar badge shows the outcome (✓ or !) this
 * long before it shows the page's names again: the menu has no window of its own to answer in,
 * and three seconds is read at a glance without hiding the count for long.
 */
export const SAVE_BADGE_MS = 3000;

/**
 * The page's notice after a save from the context menu (components/SaveNotice.tsx) shows this
 * long: a headline and a count read in about three seconds, and WCAG's "enough time" wants room
 * to spare; the pointer or focus on the notice holds it (then SAVE_NOTICE_RELEASE_MS after leaving).
 */
export const SAVE_NOTICE_MS = 8000;

/** After the pointer or focus leaves a held notice, it stays this long before it goes. */
export const SAVE_NOTICE_RELEASE_MS = 2000;

// The shortcuts are manifest commands, remappable by the reader: lib/commands.ts (and why not
// Alt+Shift). While a card is open, Tab moves focus into it (page/card-keys.ts).

// ── Names ────────────────────────────────────────────────────────────────────────────────────────

/** Prefix of everything the extension registers in the page: highlight names, the host element. */
export const EXTENSION_PREFIX = 'khabar';

/** The custom element that hosts the card's shadow root: the only node added to the page. */
export const HOST_ELEMENT_NAME = 'khabar-lens-card';

/** The card shows this many articles of coverage, most relevant first. */
export const CARD_MAX_ARTICLES = 5;

/** The card shows this many related places and this many related groups. */
export const CARD_MAX_RELATED = 6;

/**
 * The library page's import works this long between two pauses (lib/library-import.ts): one
 * article's names are found in ~1 ms, so a slice is a few articles, the page paints its progress
 * between slices, and a task stays well under LONG_TASK_MS even on a loaded machine.
 */
export const IMPORT_SLICE_MS = 12;

/** The undo bar after deleting from the library stays this long (time to read it and reach it). */
export const LIBRARY_UNDO_MS = 10_000;

/**
 * The import worker's slices (lib/import-worker.ts): no page to keep smooth there, so a slice is
 * long enough that pausing costs nothing measurable, and short enough that the page's progress
 * line moves several times a second and a cancel is taken at once.
 */
export const IMPORT_WORKER_SLICE_MS = 50;

/**
 * While an import runs, the library page's live lists (its rows, the gazetteer's counts) are read
 * again at most this often: each commit of the worker would otherwise re-read every row on the
 * page's main thread. The list still grows visibly during a long run; it is exact when the run ends.
 */
export const LIBRARY_REFRESH_DURING_IMPORT_MS = 2_000;
