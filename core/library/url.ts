/**
 * The address the library keeps for an article: absolute http(s), without the tracking
 * parameters that make one article look like many. Pure (URL is a language-level API).
 */

/** Query parameters that only say how the reader arrived, each with where it comes from. */
export const TRACKING_PARAMS: readonly { pattern: RegExp; example: string }[] = [
  { pattern: /^utm_/i, example: '?utm_source=twitter&utm_medium=social (Google Analytics campaigns)' },
  { pattern: /^fbclid$/i, example: '?fbclid=IwAR0abc (Facebook click id)' },
  { pattern: /^gclid$|^dclid$|^gbraid$|^wbraid$/i, example: '?gclid=… (Google Ads click ids)' },
  { pattern: /^msclkid$/i, example: '?msclkid=… (Microsoft Ads click id)' },
  { pattern: /^igshid$/i, example: '?igshid=… (Instagram share id)' },
  { pattern: /^_ga$|^_gl$/i, example: '?_ga=2.1234 (Google Analytics cross-site linker)' },
  { pattern: /^yclid$/i, example: '?yclid=… (Yandex click id)' },
  { pattern: /^ref$|^ref_src$/i, example: '?ref=homepage, ?ref_src=twsrc (which link the reader followed)' },
  { pattern: /^spm$/i, example: '?spm=a2c4g.1 (Alibaba-family page position)' },
  { pattern: /^mc_[a-z]+$/i, example: '?mc_cid=…&mc_eid=… (Mailchimp newsletters)' },
];

/** `raw` resolved against `base`, tracking parameters and fragment removed; undefined unless http(s). */
export function cleanUrl(raw: string | undefined | null, base?: string): string | undefined {
  if (!raw || !raw.trim()) return undefined;
  let url: URL;
  try {
    url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.some((t) => t.pattern.test(key))) url.searchParams.delete(key);
  }
  url.hash = '';
  return url.toString();
}

/** The host as an outlet's name when the page gives none: 'www.aljazeera.net' → 'aljazeera.net'. */
export function hostName(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/^www\./i, '');
  } catch {
    return '';
  }
}
