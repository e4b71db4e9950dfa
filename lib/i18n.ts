/**
 * The card's words in Arabic (the default: the readers read Arabic news) and English. A plain table
 * rather than the browser's i18n API so that the card renders the same in the content script, the
 * popup, the side panel and the component tests, and the reader can pick the language in the UI.
 */
import type { Category, EntityKind } from '../core/types.ts';

export type UiLang = 'ar' | 'en';

const KIND_LABELS: Record<EntityKind, { ar: string; en: string }> = {
  country: { ar: 'دولة', en: 'Country' },
  governorate: { ar: 'محافظة', en: 'Governorate' },
  district: { ar: 'قضاء / منطقة', en: 'District' },
  city: { ar: 'مدينة', en: 'City' },
  town: { ar: 'بلدة', en: 'Town' },
  village: { ar: 'قرية', en: 'Village' },
  neighbourhood: { ar: 'حي', en: 'Neighbourhood' },
  region: { ar: 'منطقة', en: 'Region' },
  river: { ar: 'نهر', en: 'River' },
  valley: { ar: 'وادٍ', en: 'Valley' },
  dam: { ar: 'سد', en: 'Dam' },
  base: { ar: 'قاعدة عسكرية', en: 'Military base' },
  'border-crossing': { ar: 'منفذ حدودي', en: 'Border crossing' },
  'oil-station': { ar: 'محطة نفط', en: 'Oil station' },
  army: { ar: 'جيش', en: 'Army' },
  force: { ar: 'قوة', en: 'Force' },
  militia: { ar: 'فصيل مسلح', en: 'Militia' },
  faction: { ar: 'فصيل', en: 'Faction' },
  party: { ar: 'حزب', en: 'Party' },
  coalition: { ar: 'تحالف', en: 'Coalition' },
  command: { ar: 'قيادة عسكرية', en: 'Military command' },
  'media-unit': { ar: 'جهة إعلامية', en: 'Media unit' },
  government: { ar: 'حكومة', en: 'Government' },
  organisation: { ar: 'تنظيم', en: 'Organisation' },
  person: { ar: 'شخص', en: 'Person' },
  outlet: { ar: 'وسيلة إعلام', en: 'News outlet' },
};

const CATEGORY_LABELS: Record<Category, { ar: string; en: string }> = {
  place: { ar: 'مكان', en: 'Place' },
  group: { ar: 'جماعة', en: 'Group' },
  person: { ar: 'شخص', en: 'Person' },
  outlet: { ar: 'وسيلة إعلام', en: 'Outlet' },
};

const STRINGS = {
  cardLabel: { ar: 'بطاقة: {name}', en: 'Card: {name}' },
  kind: { ar: 'النوع', en: 'Kind' },
  partOf: { ar: 'ضمن', en: 'In' },
  country: { ar: 'الدولة', en: 'Country' },
  aliases: { ar: 'أسماء أخرى', en: 'Also written' },
  coverage: { ar: 'التغطية', en: 'Coverage' },
  articleCount: {
    ar: 'يرد في {n} من مقالات المدونة ({m} إشارة)',
    en: 'Mentioned in {n} corpus articles ({m} mentions)',
  },
  noCoverage: { ar: 'لا يرد في مقالات المدونة.', en: 'Not mentioned in the corpus articles.' },
  moreArticles: { ar: 'و{n} مقالات أخرى', en: 'and {n} more articles' },
  relatedPlaces: { ar: 'أماكن تُذكر معه', en: 'Places mentioned with it' },
  relatedGroups: { ar: 'جماعات تُذكر معها', en: 'Groups mentioned with it' },
  relatedTimes: { ar: '{n} مرة', en: '{n}×' },
  estimatedDate: { ar: 'تاريخ تقديري', en: 'estimated date' },
  close: { ar: 'إغلاق', en: 'Close' },
  loading: { ar: 'جارٍ التحميل…', en: 'Loading…' },
  notFound: { ar: 'لا معلومات عن هذا الاسم.', en: 'No information about this name.' },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: UiLang, vars: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function kindLabel(kind: EntityKind, lang: UiLang): string {
  return KIND_LABELS[kind]?.[lang] ?? kind;
}

export function categoryLabel(category: Category, lang: UiLang): string {
  return CATEGORY_LABELS[category][lang];
}

/** A country's name from its ISO code, in the UI language (the browser knows them all). */
export function countryName(code: string, lang: UiLang): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** An ISO date (YYYY-MM-DD) as the reader writes dates; the date is a calendar day, not an instant. */
export function formatDate(iso: string, lang: UiLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  try {
    return new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(date);
  } catch {
    return iso;
  }
}
