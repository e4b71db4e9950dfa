/** The pure rule tables of the library's ingest, table by table: dates, language, URLs, text, Markdown. */
import { describe, expect, it } from 'vitest';
import { findArabicDate, isoDay } from '../../core/library/dates.ts';
import { documentLanguage } from '../../core/library/language.ts';
import { readMarkdown, stripInline } from '../../core/library/markdown.ts';
import { plainParagraphs } from '../../core/library/text.ts';
import { cleanUrl, hostName } from '../../core/library/url.ts';

describe('isoDay: machine dates', () => {
  const TABLE: [string, string | undefined][] = [
    ['2017-10-26T07:41:00+03:00', '2017-10-26'],
    ['2017-10-26T01:10:00+03:00', '2017-10-26'], // the outlet's day, though UTC says the 25th
    ['2017-10-26', '2017-10-26'],
    ['Thu, 26 Oct 2017 07:41:00 GMT', '2017-10-26'],
    ['٢٠١٧-١٠-٢٦', '2017-10-26'],
    ['2017-02-30', undefined],
    ['منذ 3 ساعات', undefined],
    ['26/10/2017', undefined],
    ['', undefined],
  ];
  for (const [value, day] of TABLE) it(JSON.stringify(value), () => expect(isoDay(value)).toBe(day));
});

describe('findArabicDate: dates written in words', () => {
  const TABLE: [string, string | undefined][] = [
    ['بغداد – ٢٠ تشرين الأول/أكتوبر ٢٠١٧ – أعلنت', '2017-10-20'],
    ['دمشق 20 تشرين الأول 2017 (سانا)', '2017-10-20'],
    ['القاهرة في 3 نوفمبر 2017', '2017-11-03'],
    ['الجزائر 5 جويلية 2017', '2017-07-05'],
    ['الرباط 9 شتنبر، 2017', '2017-09-09'],
    ['15 آب 2017', '2017-08-15'],
    ['1 مايو 2018', '2018-05-01'],
    ['1 ماي 2018', '2018-05-01'],
    ['31 نيسان 2017', undefined], // no such day
    ['قتل 20 شخصا في 2017', undefined],
    ['سقط 15 آبا في المعركة 2017', undefined], // "آبا" is a word, not the month
  ];
  for (const [text, date] of TABLE) it(text, () => expect(findArabicDate(text)?.date).toBe(date));
});

describe('documentLanguage', () => {
  const arabic = 'أعلنت قوات سوريا الديمقراطية سيطرتها على حقل العمر النفطي شرق دير الزور بعد معارك مع التنظيم';
  const TABLE: [declared: string | undefined, text: string, language: string][] = [
    ['ar-EG', arabic, 'ar'],
    ['en-US', arabic, 'ar'],
    ['fa', arabic, 'fa'],
    ['fr', 'Les forces irakiennes ont lancé une offensive sur Al-Qaim, près de la frontière syrienne.', 'fr'],
    ['en', 'قسد', 'en'], // too little text to overrule
    [undefined, arabic, 'ar'],
    [undefined, 'Iraqi forces launched an offensive on al-Qaim near the Syrian border.', 'und'],
  ];
  for (const [declared, text, language] of TABLE) {
    it(`${declared ?? '(none)'} + ${text.slice(0, 20)}… → ${language}`, () => expect(documentLanguage(declared, text)).toBe(language));
  }
});

describe('cleanUrl and hostName', () => {
  const TABLE: [raw: string, base: string | undefined, url: string | undefined][] = [
    ['https://www.aljazeera.net/news/1?utm_source=twitter&utm_medium=social&fbclid=IwAR0', undefined, 'https://www.aljazeera.net/news/1'],
    ['https://example.org/a?id=10&gclid=x#comments', undefined, 'https://example.org/a?id=10'],
    ['/2017/11/02/story/', 'https://alfurat.example/?p=1', 'https://alfurat.example/2017/11/02/story/'],
    ['javascript:alert(1)', undefined, undefined],
    ['not a url', undefined, undefined],
  ];
  for (const [raw, base, url] of TABLE) it(raw, () => expect(cleanUrl(raw, base)).toBe(url));
  it('www. is not part of an outlet name', () => expect(hostName('https://www.enabbaladi.net/x')).toBe('enabbaladi.net'));
});

describe('plainParagraphs: the two layouts of plain text', () => {
  it('blank lines between paragraphs: blocks, their lines joined', () => {
    expect(plainParagraphs('الفقرة الأولى\nوتكملتها\r\n\r\nالفقرة الثانية\n')).toEqual(['الفقرة الأولى وتكملتها', 'الفقرة الثانية']);
  });
  it('one paragraph a line: lines', () => {
    expect(plainParagraphs('سطر أول\nسطر ثان\n  \u00A0\n')).toEqual(['سطر أول', 'سطر ثان']);
  });
});

describe('Markdown', () => {
  const INLINE: [string, string][] = [
    ['![خريطة](map.png) قبل البوكمال', ' قبل البوكمال'],
    ['دخلت القوات [البوكمال](https://example.org/x) أمس', 'دخلت القوات البوكمال أمس'],
    ['[نص][ref]', 'نص'],
    ['<https://example.org>', 'https://example.org'],
    ['`code` و **قوي** و *مائل* و __قوي__ و _مائل_ و ~~محذوف~~', 'code و قوي و مائل و قوي و مائل و محذوف'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['<b>وسم</b>', 'وسم'],
    ['\\*ليس تأكيدا\\*', '*ليس تأكيدا*'],
  ];
  for (const [md, text] of INLINE) it(md, () => expect(stripInline(md)).toBe(text));

  it('front matter, headings, lists, quotes, tables and code', () => {
    const doc = readMarkdown(
      [
        '---',
        'title: "الحشد يصل إلى الحدود"',
        'date: 2017-10-20',
        'outlet: البيان',
        'url: https://example.org/a?utm_source=x',
        '---',
        '# عنوان أول',
        '',
        'فقرة على',
        'سطرين.',
        '',
        'عنوان ثان',
        '---------',
        '- بند أول',
        '- بند ثان',
        '> اقتباس من بيان',
        '',
        '| المدينة | الحالة |',
        '|---|---|',
        '| القائم | محررة |',
        '```',
        'const x = 1;',
        '```',
        '***',
        '[ref]: https://example.org',
      ].join('\n'),
    );
    expect(doc.front).toEqual({ title: 'الحشد يصل إلى الحدود', date: '2017-10-20', outlet: 'البيان', url: 'https://example.org/a?utm_source=x' });
    expect(doc.heading).toBe('عنوان أول');
    expect(doc.paragraphs).toEqual(['فقرة على سطرين.', 'عنوان ثان', 'بند أول', 'بند ثان', 'اقتباس من بيان', 'المدينة الحالة', 'القائم محررة', 'const x = 1;']);
  });
});
