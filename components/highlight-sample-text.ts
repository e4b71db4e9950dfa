/**
 * The sample sentence of the style preview: news text, not interface words, so it is Arabic in
 * every interface language (as the pages and the sources are), with the names in it marked by
 * category. Every name is one the sources know (al-Bukamal, Iraq, the Syrian army, SANA).
 */
import type { Category } from '../core/types.ts';

export const SAMPLE: readonly { text: string; category?: Category }[] = [
  { text: 'أعلن ' },
  { text: 'الجيش السوري', category: 'group' },
  { text: ' دخول ' },
  { text: 'البوكمال', category: 'place' },
  { text: ' قرب الحدود مع ' },
  { text: 'العراق', category: 'place' },
  { text: '، بحسب ما نقلته ' },
  { text: 'سانا', category: 'outlet' },
  { text: '.' },
];
