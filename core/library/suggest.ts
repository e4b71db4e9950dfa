/**
 * Names the reader's library suggests (issue 13 item 3): the word after a trigger (مدينة X, قوات X:
 * core/corpus/triggers.ts NAME_TRIGGERS) that no detected mention covers and no known name is,
 * counted over the library's texts, with the sentences it stands in, so the reader can accept one
 * (the add-name form opens with it) or dismiss it. Pure.
 */
import { stripProclitics } from '../arabic/clitics.ts';
import { hasArabic } from '../arabic/chars.ts';
import { normaliseKey } from '../arabic/normalise.ts';
import { tokenise } from '../arabic/tokenise.ts';
import { NAME_TRIGGERS } from '../corpus/triggers.ts';
import type { EntityKind } from '../types.ts';

/** One library text as the finder reads it: its words, and the spans its stored mentions cover. */
export interface SuggestText {
  articleId: string;
  text: string;
  mentions: readonly { start: number; end: number }[];
}

export interface Suggestion {
  /** The word as the texts write it most often. */
  name: string;
  /** Its normalised form (what dismissal stores). */
  key: string;
  /** The kind its most frequent trigger announces (مدينة → city), the form's first guess. */
  kind: EntityKind;
  /** How often it follows a trigger, and in how many articles. */
  count: number;
  articles: number;
  /** A few of the sentences it stands in, with their article. */
  sentences: { articleId: string; text: string }[];
}

export interface SuggestOptions {
  /** Normalised names the gazetteer (bundled and the reader's) knows. */
  known: ReadonlySet<string>;
  /** Normalised words the reader dismissed. */
  dismissed: ReadonlySet<string>;
  /** Sentences kept per suggestion. */
  sentences?: number;
  /** Suggestions returned, most frequent first. */
  limit?: number;
}

/** What each trigger word announces (normalised like NAME_TRIGGERS): the kind the form starts with. */
const KIND_OF_TRIGGER: ReadonlyMap<string, EntityKind> = new Map(
  (
    [
      ['مدينة', 'city'], // مدينة الميادين
      ['بلدة', 'town'], // بلدة الباغوز
      ['قرية', 'village'], // قرية السويعية
      ['حي', 'neighbourhood'], // حي الحميدية
      ['منطقة', 'region'], // منطقة الجزيرة
      ['مناطق', 'region'],
      ['قضاء', 'district'], // قضاء القائم
      ['قضائي', 'district'],
      ['محافظة', 'governorate'], // محافظة الأنبار
      ['منفذ', 'border-crossing'], // منفذ حصيبة
      ['معبر', 'border-crossing'], // معبر التنف
      ['ناحية', 'district'], // ناحية الرمانة
      ['سد', 'dam'], // سد الفرات
      ['قاعدة', 'base'], // قاعدة التنف
      ['نهر', 'river'], // نهر الفرات
      ['وادي', 'valley'], // وادي حوران
      ['تنظيم', 'organisation'], // تنظيم داعش
      ['قوات', 'force'], // قوات النخبة
      ['فصائل', 'faction'], // فصائل الجيش الحر
      ['كتائب', 'militia'], // كتائب حزب الله
      ['سرايا', 'militia'], // سرايا السلام
      ['جماعة', 'faction'], // جماعة الحوثي
      ['حركة', 'faction'], // حركة النجباء
      ['وحدة', 'force'], // وحدة المهام
      ['هيئة', 'organisation'], // هيئة تحرير الشام
      ['قيادة', 'command'], // قيادة العمليات
      ['حكومة', 'government'], // حكومة الإقليم
      ['وكالة', 'organisation'], // وكالة أعماق
      ['قناة', 'organisation'], // قناة الجزيرة
    ] as [string, EntityKind][]
  ).map(([w, k]) => [normaliseKey(w), k]),
);

/**
 * Words that follow a trigger without being a name: the trigger's ordinary sense (قوات الأمن
 * 'the security forces', منطقة أخرى 'another area'). Examples are the rule; compared normalised.
 */
export const NOT_A_NAME: ReadonlySet<string> = new Set(
  [
    'الأمن', 'الامن', 'النظام', 'الحكومة', 'الحكومية', 'المعارضة', 'الاحتلال', 'الشرطة', 'العسكرية', 'الأمنية',
    'أخرى', 'اخرى', 'واحدة', 'جديدة', 'كبيرة', 'صغيرة', 'قريبة', 'بعيدة', 'حدودية', 'الحدودية', 'سكنية',
    'التي', 'الذي', 'الذين', 'في', 'من', 'إلى', 'على', 'عن', 'مع', 'هذه', 'هذا', 'تلك', 'ذلك', 'كل', 'بعض',
    'عدة', 'عدد', 'أي', 'غير', 'نفسها', 'نفسه', 'تابعة', 'التابعة', 'المدينة', 'المنطقة', 'البلدة', 'القرية',
    'ريف', 'شرق', 'غرب', 'شمال', 'جنوب', 'وسط', 'داخل', 'خارج', 'قرب', 'بين',
  ].map(normaliseKey),
);

/** Shortest word (letters, normalised) worth suggesting. */
const MIN_LETTERS = 3;
/** Longest sentence shown, characters (a long one is cut around the word). */
const SENTENCE_MAX = 240;

const SENTENCE_END = /[.!?؟\n]/;

/** The sentence around [start, end) in `text`, cut to SENTENCE_MAX around the word. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to]!)) to++;
  if (to < text.length && text[to] !== '\n') to++;
  if (to - from > SENTENCE_MAX) {
    from = Math.max(from, start - SENTENCE_MAX / 2);
    to = Math.min(to, from + SENTENCE_MAX);
  }
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

const isTrigger = (norm: string) => stripProclitics(norm).some((r) => NAME_TRIGGERS.has(r.name));

/** Whether the word (or it without a proclitic) is a known name. */
const isKnown = (key: string, known: ReadonlySet<string>) => stripProclitics(key).some((r) => known.has(r.name));

interface Tally {
  spellings: Map<string, number>;
  kinds: Map<EntityKind, number>;
  count: number;
  articles: Set<string>;
  sentences: { articleId: string; text: string }[];
}

/** Suggestions from `texts`, most frequent first (ties: more articles, then the name). */
export function suggestNames(texts: readonly SuggestText[], options: SuggestOptions): Suggestion[] {
  const keep = options.sentences ?? 3;
  const tallies = new Map<string, Tally>();
  for (const doc of texts) {
    const tokens = tokenise(doc.text);
    for (let i = 0; i + 1 < tokens.length; i++) {
      const trigger = tokens[i]!;
      const next = tokens[i + 1]!;
      if (next.breakBefore || !isTrigger(trigger.norm)) continue;
      if (doc.mentions.some((m) => m.start < next.end && m.end > next.start)) continue;
      const surface = doc.text.slice(next.start, next.end);
      const key = normaliseKey(surface);
      if (key.length < MIN_LETTERS || !hasArabic(surface)) continue;
      if (NOT_A_NAME.has(key) || isTrigger(key) || isKnown(key, options.known) || options.dismissed.has(key)) continue;
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = { spellings: new Map(), kinds: new Map(), count: 0, articles: new Set(), sentences: [] }));
      tally.count++;
      tally.spellings.set(surface, (tally.spellings.get(surface) ?? 0) + 1);
      const kind = stripProclitics(trigger.norm).map((r) => KIND_OF_TRIGGER.get(r.name)).find((k) => k !== undefined);
      if (kind) tally.kinds.set(kind, (tally.kinds.get(kind) ?? 0) + 1);
      if (!tally.articles.has(doc.articleId) && tally.sentences.length < keep) {
        tally.sentences.push({ articleId: doc.articleId, text: sentenceAround(doc.text, trigger.start, next.end) });
      }
      tally.articles.add(doc.articleId);
    }
  }
  const most = <T>(m: Map<T, number>): T | undefined => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return [...tallies.entries()]
    .map(([key, t]) => ({
      name: most(t.spellings)!,
      key,
      kind: most(t.kinds) ?? 'city',
      count: t.count,
      articles: t.articles.size,
      sentences: t.sentences,
    }))
    .sort((a, b) => b.count - a.count || b.articles - a.articles || a.name.localeCompare(b.name))
    .slice(0, options.limit ?? 50);
}
