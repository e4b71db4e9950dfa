/**
 * Publication dates as the library keeps them: the calendar day YYYY-MM-DD. Pure: no DOM.
 * A page's machine dates (meta, JSON-LD, <time>) are read with `isoDay`; a date written in Arabic
 * words in the article ("٢٠ تشرين الأول ٢٠١٧") is only a guess, found with `findArabicDate`.
 */

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits as ASCII, so one pattern reads all three. */
export function asciiDigits(text: string): string {
  return text.replace(/[٠-٩۰-۹]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90 % 10));
}

function validDay(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined; // 31 April and the like
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day of a machine-readable date. An ISO 8601 value keeps the day it was written in (the
 * outlet's own calendar day: "2017-10-26T01:10:00+03:00" is the 26th, though it is the 25th in
 * UTC); anything else Date.parse reads (RFC 2822 "Thu, 26 Oct 2017 07:41:00 GMT") gives its UTC day.
 */
export function isoDay(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const text = asciiDigits(value.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (!/[a-z]{3}/i.test(text) || !/\d{4}/.test(text)) return undefined; // "منذ 3 ساعات", "26/10" …
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  return validDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The reader's own calendar day of `now` (a date nobody wrote down is the day they kept it). */
export function localDay(now: Date): string {
  return validDay(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? now.toISOString().slice(0, 10);
}

/**
 * Month names as Arabic news writes them, hamza-less (see `foldForDates`). Three calendars of
 * names are in use: the Levant's and Iraq's Syriac names, Egypt's and the Gulf's transliterations,
 * and the Maghreb's French- or Spanish-derived ones; many outlets write two ("تشرين الأول/أكتوبر").
 */
export const ARABIC_MONTHS: readonly { month: number; names: readonly string[]; example: string }[] = [
  { month: 1, names: ['يناير', 'كانون الثاني', 'جانفي'], example: '3 كانون الثاني 2018' },
  { month: 2, names: ['فبراير', 'شباط', 'فيفري', 'فبرير'], example: '14 شباط 2018' },
  { month: 3, names: ['مارس', 'اذار'], example: '١ آذار ٢٠١٨' },
  { month: 4, names: ['ابريل', 'نيسان', 'افريل'], example: '9 أبريل 2018 / 9 أفريل 2018' },
  { month: 5, names: ['مايو', 'ايار', 'ماي'], example: '1 أيار 2018 / 1 ماي 2018' },
  { month: 6, names: ['يونيو', 'يونيه', 'حزيران', 'جوان'], example: '5 حزيران 2017' },
  { month: 7, names: ['يوليو', 'يوليه', 'يوليوز', 'تموز', 'جويلية'], example: '10 تموز 2017' },
  { month: 8, names: ['اغسطس', 'اغشت', 'غشت', 'اب', 'اوت'], example: '15 آب 2017 / 15 أوت 2017' },
  { month: 9, names: ['سبتمبر', 'ايلول', 'شتنبر'], example: '11 أيلول 2017' },
  { month: 10, names: ['اكتوبر', 'تشرين الاول'], example: '٢٠ تشرين الأول ٢٠١٧ / 20 أكتوبر 2017' },
  { month: 11, names: ['نوفمبر', 'تشرين الثاني', 'نونبر'], example: '3 تشرين الثاني 2017' },
  { month: 12, names: ['ديسمبر', 'كانون الاول', 'دجنبر'], example: '31 كانون الأول 2017' },
];

/** Hamza seats and madda to bare alef, digits to ASCII: one character for one, so offsets hold. */
function foldForDates(text: string): string {
  return asciiDigits(text).replace(/[أإآٱ]/g, 'ا');
}

const MONTH_OF = new Map<string, number>();
for (const { month, names } of ARABIC_MONTHS) for (const name of names) MONTH_OF.set(name, month);
// Longest names first, so that "مايو" is not read as "ماي" + "و".
const MONTH_PATTERN = [...MONTH_OF.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/ /g, '\\s+'))
  .join('|');
const LETTER = '\\u0621-\\u064A';
const ARABIC_DATE = new RegExp(
  `(?<![\\d${LETTER}])(\\d{1,2})\\s*(${MONTH_PATTERN})(?:\\s*[/\\\\(-]\\s*(?:${MONTH_PATTERN})\\s*\\)?)?(?![${LETTER}])\\s*[،,]?\\s*(\\d{4})(?!\\d)`,
  'g',
);

/** The first date written as day, month name and year in the text, with what was written. */
export function findArabicDate(text: string): { date: string; written: string } | undefined {
  const folded = foldForDates(text);
  for (const m of folded.matchAll(ARABIC_DATE)) {
    const date = validDay(Number(m[3]), MONTH_OF.get(m[2]!.replace(/\s+/g, ' '))!, Number(m[1]));
    if (date) return { date, written: text.slice(m.index, m.index + m[0].length).trim() };
  }
  return undefined;
}
