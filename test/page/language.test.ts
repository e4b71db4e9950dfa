// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { detectPageLanguage, judgeSample, letterCounts } from '../../page/language.ts';

const ARABIC_PARAGRAPH =
  'بالترافق مع التقدم المتسارع للجيش العربي السوري وحلفائه نحو مدينة البوكمال، يستعد الجيش العراقي لإطلاق عملية.';
/** Persian and Urdu: Arabic script, not Arabic (test/e2e/fixtures/hostile.ts has the same text). */
const PERSIAN_PARAGRAPH =
  'به گزارش خبرگزاری‌ها، نیروهای ارتش سوریه پس از درگیری‌های سنگین وارد شهر شدند. فرماندهان نظامی می‌گویند که گروه‌های مسلح عقب‌نشینی کرده‌اند.';
const URDU_PARAGRAPH =
  'شام کی فوج نے سرحدی شہر پر دوبارہ کنٹرول حاصل کر لیا ہے۔ عراقی حکام کا کہنا ہے کہ سرحد پر سیکیورٹی سخت کر دی گئی ہے۔';
const ENGLISH_PARAGRAPH =
  'The Syrian army and its allies advanced towards Albukamal while the Iraqi army prepared an operation near al-Qaim.';

function page(html: string, lang?: string, dir?: string) {
  const root = document.documentElement;
  root.removeAttribute('lang');
  root.removeAttribute('dir');
  if (lang) root.setAttribute('lang', lang);
  if (dir) root.setAttribute('dir', dir);
  document.title = '';
  document.body.innerHTML = html;
}

beforeEach(() => page(''));

describe('detectPageLanguage', () => {
  it('trusts lang="ar" and its regional variants', () => {
    page('<p>Hello</p>', 'ar');
    expect(detectPageLanguage(document)).toEqual({ arabic: true, reason: 'lang' });
    page('<p>Hello</p>', 'ar-IQ');
    expect(detectPageLanguage(document).arabic).toBe(true);
  });

  it('reads the text when a template left lang="en" on an Arabic page', () => {
    page(`<nav>Home News Sport</nav><article><p>${ARABIC_PARAGRAPH}</p><p>${ARABIC_PARAGRAPH}</p></article>`, 'en', 'rtl');
    expect(detectPageLanguage(document)).toEqual({ arabic: true, reason: 'sample' });
  });

  it('says no to an English page that quotes an Arabic name', () => {
    page(`<p>${ENGLISH_PARAGRAPH} The town (البوكمال) lies on the border.</p><p>${ENGLISH_PARAGRAPH}</p>`, 'en');
    expect(detectPageLanguage(document)).toEqual({ arabic: false, reason: 'sample' });
  });

  it('ignores script and style text when sampling', () => {
    page(`<script>var s = "${ARABIC_PARAGRAPH}${ARABIC_PARAGRAPH}";</script><p>${ENGLISH_PARAGRAPH}</p>`);
    expect(detectPageLanguage(document).arabic).toBe(false);
  });

  it('says no to Persian declared as such, though written in Arabic script', () => {
    page(`<p>${ARABIC_PARAGRAPH}</p>`, 'fa');
    expect(detectPageLanguage(document).arabic).toBe(false);
  });

  it('says no to Persian and Urdu pages that do not declare a language', () => {
    page(`<article><h1>پیشروی ارتش</h1><p>${PERSIAN_PARAGRAPH}</p></article>`);
    expect(detectPageLanguage(document)).toEqual({ arabic: false, reason: 'sample' });
    page(`<article><p>${URDU_PARAGRAPH}</p><p>${URDU_PARAGRAPH}</p></article>`, undefined, 'rtl');
    expect(detectPageLanguage(document)).toEqual({ arabic: false, reason: 'sample' });
  });

  it('still says yes to an Arabic page that quotes Persian', () => {
    page(`<p>${ARABIC_PARAGRAPH}</p><p>${ARABIC_PARAGRAPH}</p><blockquote lang="fa">${PERSIAN_PARAGRAPH}</blockquote>`);
    expect(detectPageLanguage(document)).toEqual({ arabic: true, reason: 'sample' });
  });

  it('is undecided on an empty app shell', () => {
    page('<div id="app"></div>');
    expect(detectPageLanguage(document)).toEqual({ arabic: false, reason: 'undecided' });
  });
});

describe('judgeSample', () => {
  it('counts Arabic letters, not digits or punctuation', () => {
    expect(letterCounts('بغداد 2017, Iraq!')).toEqual({ arabic: 5, other: 4, arabicOnly: 0, otherScript: 0 });
    // ي ك ة ى only in Arabic; ی ک پ گ only in Persian (and its neighbours).
    expect(letterCounts('كلية مستشفى')).toMatchObject({ arabic: 10, arabicOnly: 4, otherScript: 0 });
    expect(letterCounts('کی پیک گ')).toMatchObject({ arabic: 6, arabicOnly: 0, otherScript: 6 });
  });
  it('needs Arabic to be a good share of the letters', () => {
    expect(judgeSample(ARABIC_PARAGRAPH + ENGLISH_PARAGRAPH).arabic).toBe(true);
    expect(judgeSample(ENGLISH_PARAGRAPH + ENGLISH_PARAGRAPH + ' بغداد').arabic).toBe(false);
  });
});
