/**
 * Proclitics: the letters Arabic writes joined to the front of a name. A name is found through
 * them ("وبالبوكمال" is البوكمال); the matcher checks what stands before a name against this table.
 *
 * Each rule's `example` is `word → name`, checked by test/core/clitics.test.ts. Forms are written
 * normalised (see chars.ts): no hamza on alef, ة as ه.
 */

export interface Proclitic {
  /** The letters before the name's own first letter, normalised. */
  prefix: string;
  /** True where the prefix carries (or swallows) the name's article ال. */
  article: boolean;
  /** Only before a core starting with this letter (li- + al- + l… writes two lams, not three). */
  coreStartsWith?: string;
  description: string;
  example: string;
}

export const PROCLITICS: readonly Proclitic[] = [
  { prefix: '', article: false, description: 'bare name', example: 'دمشق → دمشق' },
  { prefix: 'و', article: false, description: 'wa- "and"', example: 'ودمشق → دمشق' },
  { prefix: 'ف', article: false, description: 'fa- "so, then"', example: 'فبغداد → بغداد' },
  { prefix: 'ب', article: false, description: 'bi- "in, by"', example: 'ببغداد → بغداد' },
  { prefix: 'ل', article: false, description: 'li- "to, for"', example: 'لداعش → داعش' },
  { prefix: 'ك', article: false, description: 'ka- "like"', example: 'كداعش → داعش' },
  { prefix: 'وب', article: false, description: 'wa-bi-', example: 'وبراوة → راوة' },
  { prefix: 'ول', article: false, description: 'wa-li-', example: 'ولداعش → داعش' },
  { prefix: 'وك', article: false, description: 'wa-ka-', example: 'وكداعش → داعش' },
  { prefix: 'فب', article: false, description: 'fa-bi-', example: 'فبراوة → راوة' },
  { prefix: 'فل', article: false, description: 'fa-li-', example: 'فلداعش → داعش' },
  { prefix: 'فك', article: false, description: 'fa-ka-', example: 'فكداعش → داعش' },
  { prefix: 'ال', article: true, description: "the name's own article", example: 'القائم → القائم' },
  { prefix: 'وال', article: true, description: 'wa- + al-', example: 'والقائم → القائم' },
  { prefix: 'فال', article: true, description: 'fa- + al-', example: 'فالقائم → القائم' },
  { prefix: 'بال', article: true, description: 'bi- + al-', example: 'بالبوكمال → البوكمال' },
  { prefix: 'كال', article: true, description: 'ka- + al-', example: 'كالبوكمال → البوكمال' },
  { prefix: 'لل', article: true, description: 'li- + al- drops the alef', example: 'للقائم → القائم' },
  { prefix: 'وبال', article: true, description: 'wa-bi- + al-', example: 'وبالبوكمال → البوكمال' },
  { prefix: 'وكال', article: true, description: 'wa-ka- + al-', example: 'وكالبوكمال → البوكمال' },
  { prefix: 'ولل', article: true, description: 'wa-li- + al-', example: 'وللقائم → القائم' },
  { prefix: 'فبال', article: true, description: 'fa-bi- + al-', example: 'فبالبوكمال → البوكمال' },
  { prefix: 'فكال', article: true, description: 'fa-ka- + al-', example: 'فكالبوكمال → البوكمال' },
  { prefix: 'فلل', article: true, description: 'fa-li- + al-', example: 'فللقائم → القائم' },
  { prefix: 'ل', article: true, coreStartsWith: 'ل', description: 'li- + al- before a lam: two lams, not three', example: 'للاذقية → اللاذقية' },
  { prefix: 'ول', article: true, coreStartsWith: 'ل', description: 'wa-li- + al- before a lam', example: 'وللاذقية → اللاذقية' },
  { prefix: 'فل', article: true, coreStartsWith: 'ل', description: 'fa-li- + al- before a lam', example: 'فللاذقية → اللاذقية' },
];

/** The longest prefix in the table: the matcher looks no further back than this. */
export const MAX_PROCLITIC_LENGTH = Math.max(...PROCLITICS.map((p) => p.prefix.length));

const ARTICLE = 'ال';

/**
 * A name is matched as its core (the name without a leading ال) preceded by a proclitic:
 * names with the article take the `article` prefixes, names without it the others.
 */
export function splitArticle(normalisedName: string): { core: string; article: boolean } {
  // A name of just ال + one letter is no name to strip.
  if (normalisedName.startsWith(ARTICLE) && normalisedName.length > ARTICLE.length + 1 && normalisedName[2] !== ' ') {
    return { core: normalisedName.slice(ARTICLE.length), article: true };
  }
  return { core: normalisedName, article: false };
}

const BY_PREFIX = new Map(PROCLITICS.map((p) => [`${p.article ? 1 : 0}${p.prefix}`, p]));

/**
 * The proclitic that `prefix` is before a core (the name without its ال) starting with
 * `coreFirst`, for a name with or without the article; undefined if none.
 */
export function procliticFor(prefix: string, article: boolean, coreFirst: string): Proclitic | undefined {
  const p = BY_PREFIX.get(`${article ? 1 : 0}${prefix}`);
  return p && (p.coreStartsWith === undefined || p.coreStartsWith === coreFirst) ? p : undefined;
}

/**
 * The proclitics a word can be stripped of (not the bare name, not the name's own article),
 * longest prefix first and otherwise in table order: the order readings are listed in.
 */
const STRIPPABLE = PROCLITICS.filter((p) => p.prefix.length > 0 && p.prefix !== ARTICLE).sort(
  (a, b) => b.prefix.length - a.prefix.length,
);
/** The letters a strippable proclitic starts with: any other word has only its bare reading. */
const STRIPPABLE_FIRST = new Set(STRIPPABLE.map((p) => p.prefix.charCodeAt(0)));

/**
 * Every reading of a normalised word as proclitic + name, longest prefix first: what search uses
 * to find "وبالبوكمال" under البوكمال. The name keeps its article.
 */
export function stripProclitics(word: string): { prefix: string; name: string }[] {
  const readings: { prefix: string; name: string }[] = [];
  if (STRIPPABLE_FIRST.has(word.charCodeAt(0))) {
    for (const p of STRIPPABLE) {
      const name = strippedName(word, p);
      if (name !== undefined) readings.push({ prefix: p.prefix, name });
    }
  }
  readings.push({ prefix: '', name: word });
  return readings;
}

/** The names of stripProclitics' readings, in its order (the context rules look at names only). */
export function procliticReadings(word: string): string[] {
  const names: string[] = [];
  if (STRIPPABLE_FIRST.has(word.charCodeAt(0))) {
    for (const p of STRIPPABLE) {
      const name = strippedName(word, p);
      if (name !== undefined) names.push(name);
    }
  }
  names.push(word);
  return names;
}

/** The name left when `word` is read as proclitic `p` + name; undefined when it cannot be. */
function strippedName(word: string, p: Proclitic): string | undefined {
  if (!word.startsWith(p.prefix) || word.length <= p.prefix.length + 1) return undefined;
  const rest = word.slice(p.prefix.length);
  if (p.coreStartsWith !== undefined && !rest.startsWith(p.coreStartsWith)) return undefined;
  return p.article ? ARTICLE + rest : rest;
}
