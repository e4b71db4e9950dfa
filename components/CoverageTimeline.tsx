/**
 * The entity's coverage by date: a strip of bars, one a day (height: its mentions), shown only
 * when the coverage spans more than one date. The strip is a list: each day's bar is hidden from
 * screen readers, which read the day's date, mentions and articles instead. A day with an
 * estimated date (corpus/articles.jsonl dateEstimated) is striped and says so.
 */
import type { JSX } from 'preact';
import type { CoverageDay } from '../core/analysis/profile.ts';
import { formatDate, t, type UiLang } from '../lib/i18n.ts';
import { tn } from '../lib/plural.ts';
import './outlets.css';

export interface CoverageTimelineProps {
  timeline: readonly CoverageDay[];
  lang: UiLang;
  /** Unique within the document: the section's heading id is made from it. */
  idBase: string;
}

export function CoverageTimeline(props: CoverageTimelineProps): JSX.Element | null {
  const { timeline, lang } = props;
  if (timeline.length < 2) return null;
  const max = Math.max(1, ...timeline.map((d) => d.mentions));
  const headingId = `${props.idBase}-timeline`;
  const anyEstimated = timeline.some((d) => d.estimated > 0);
  const first = timeline[0]!;
  const last = timeline[timeline.length - 1]!;
  return (
    <section class="kc-timeline" aria-labelledby={headingId} data-testid="coverage-timeline">
      <h3 id={headingId}>{t('timelineTitle', lang)}</h3>
      <ol class="kc-days">
        {timeline.map((d) => {
          const date = formatDate(d.date, lang);
          const estimated = d.estimated > 0;
          return (
            <li key={d.date} class="kc-day" data-date={d.date} data-estimated={estimated ? 'true' : undefined} title={date}>
              <span class="kc-bar" aria-hidden="true" style={{ '--kc-bar': String(d.mentions / max) }}>
                <span class="kc-bar-count">{d.mentions}</span>
              </span>
              <span class="kc-sr">
                <time dateTime={d.date}>{date}</time>
                {`: ${tn('mentionCount', lang, d.mentions)} ${tn('dayArticles', lang, d.articles)}`}
                {estimated && ` ${t('timelineEstimated', lang)}`}
              </span>
            </li>
          );
        })}
      </ol>
      <p class="kc-days-span" aria-hidden="true">
        <span>{formatDate(first.date, lang)}</span>
        <span>{formatDate(last.date, lang)}</span>
      </p>
      {anyEstimated && <p class="kc-days-note">{t('timelineLegend', lang)}</p>}
    </section>
  );
}
