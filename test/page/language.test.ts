// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { detectPageLanguage, judgeSample, letterCounts } from '../../page/language.ts';

const ARABIC_PARAGRAPH =
  'بالترافق مع التقدم المتسارع للجيش العربي السوري وحلفائه نحو مدينة البوكمال، يستعد الجيش العراقي لإطلاق عملية.';
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

  it('is undecided on an empty app shell', () => {
    page('<div id="app"></div>');
    expect(detectPageLanguage(document)).toEqual({ arabic: false, reason: 'undecided' });
  });
});

describe('judgeSample', () => {
  it('counts Arabic letters, not digits or punctuation', () => {
    expect(letterCounts('بغداد 2017, Iraq!')).toEqual({ arabic: 5, other: 4 });
  });
  it('needs Arabic to be a good share of the letters', () => {
    expect(judgeSample(ARABIC_PARAGRAPH + ENGLISH_PARAGRAPH).arabic).toBe(true);
    expect(judgeSample(ENGLISH_PARAGRAPH + ENGLISH_PARAGRAPH + ' بغداد').arabic).toBe(false);
  });
});
