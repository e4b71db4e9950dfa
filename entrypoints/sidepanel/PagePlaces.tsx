/**
 * The side panel's view of the page's places (issue 14): the map of the places the tab's names
 * include, linked to their list (choosing one scrolls the page to it), and the exports — the
 * page's names as W3C Web Annotations, the gazetteer's places as GeoJSON.
 */
import type { JSX } from 'preact';
import { ExportButton } from '../../components/ExportButton.tsx';
import { PlacesMap } from '../../components/PlacesMap.tsx';
import { useLiveQuery } from '../../components/hooks.ts';
import type { LensDatabase } from '../../db/database.ts';
import { baseMap } from '../../db/queries.ts';
import { pageAnnotations, saveFile, savePlaces, ANNOTATION_MIME } from '../../lib/export.ts';
import { t, type UiLang } from '../../lib/i18n.ts';
import type { PageNames } from '../../lib/messages.ts';
import { revealInTab, type TabInfo } from '../../lib/tabs.ts';
import type { Gazetteer } from '../../lib/ui-data.ts';

export interface PagePlacesProps {
  db: LensDatabase;
  tab: TabInfo | null;
  names: PageNames;
  gazetteer: Gazetteer | undefined;
  lang: UiLang;
}

export function PagePlaces(props: PagePlacesProps): JSX.Element {
  const { tab, gazetteer, lang } = props;
  const map = useLiveQuery(() => baseMap(props.db), []);
  return (
    <>
      {tab?.host && (
        <PlacesMap
          map={map.value}
          counts={props.names}
          entities={gazetteer?.byId}
          title={t('placesMapPage', lang)}
          lang={lang}
          onChoose={(id) => void revealInTab(tab.id, id)}
        />
      )}
      <div class="section exports">
        {tab?.host && (
          <ExportButton
            label={t('exportAnnotations', lang)}
            lang={lang}
            testId="export-page-annotations"
            run={async () => {
              if (!gazetteer) return null;
              const out = await pageAnnotations(tab.id, gazetteer.byId);
              if (!out || out.annotations.total === 0) return null;
              saveFile(out.fileName, out.annotations, ANNOTATION_MIME);
              return t('exportDone', lang, { n: out.annotations.total, file: out.fileName });
            }}
          />
        )}
        <ExportButton
          label={t('exportGeoJson', lang)}
          lang={lang}
          testId="export-places"
          run={() => {
            if (!gazetteer) return null;
            const n = savePlaces(gazetteer.byId.values());
            return n > 0 ? t('exportPlacesDone', lang, { n, file: 'khabar-lens-places.geojson' }) : null;
          }}
        />
      </div>
    </>
  );
}
