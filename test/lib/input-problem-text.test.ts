/**
 * A file's problem in the reader's language: every problem code (core/library/problem.ts) and every
 * backup problem code (core/library/backup.ts) has its message in Arabic and English whose slots
 * are exactly the code's parameters; the library page's Arabic names the file and the line.
 */
import { strToU8 } from 'fflate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BackupError, parseBackup, type BackupProblem, type BackupProblemCode, type BackupProblemParams } from '../../core/library/backup.ts';
import { parseImportFile } from '../../core/library/files.ts';
import { PROBLEM_PARAMS, type ProblemCode, type ProblemParams } from '../../core/library/problem.ts';
import { htmlFileReader } from '../../lib/extract/html-file.ts';
import { MESSAGES } from '../../lib/i18n.ts';
import { backupProblemsText, backupProblemText, inputProblemText, problemOnLine, problemText } from '../../lib/input-problem-text.ts';

const ARABIC_LETTER = /[\u0621-\u064a]/;
const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** One example of each code's parameters: typed, so a new code without an example fails the typecheck. */
const EXAMPLES: { [C in ProblemCode]: ProblemParams[C] } = {
  tooLarge: { size: 6291456, limit: 5242880 },
  inflatesTooLarge: { limit: 5242880 },
  archiveTooLarge: { limit: 209715200 },
  binary: {},
  notUtf8: {},
  empty: {},
  noText: {},
  badJson: { detail: 'Unexpected token } in JSON at position 12' },
  notAnObject: {},
  notText: { field: 'outlet' },
  missingTitle: {},
  missingText: {},
  textInFile: {},
  missingOutlet: {},
  missingDate: {},
  badDate: { value: '26/10/2017' },
  badUrl: { value: 'ftp://x' },
  badDateEstimated: {},
  noLines: {},
  nestedArchive: { limit: 2 },
  notZip: {},
  damagedZip: { detail: 'invalid zip data' },
  tooManyEntries: { limit: 10000 },
  entryBroken: { detail: 'invalid block type' },
  entryCutOff: {},
  unknownType: { types: '.txt, .md' },
  unreadable: { detail: 'NotReadableError' },
  notHtml: { detail: 'parse error' },
  tooDeep: { limit: 150 },
  noArticle: { chars: 42 },
  nothingRead: {},
  namesFailed: { title: 'خبر رقم 2 عن البوكمال', detail: 'boom' },
  moreProblems: { count: 99000 },
};

const BACKUP_EXAMPLES: { [C in BackupProblemCode]: BackupProblemParams[C] } = {
  notJson: { detail: 'Unexpected end of JSON input' },
  notBackup: {},
  badVersion: {},
  newerVersion: { version: 3, current: 1 },
  unknownVersion: { version: '0' },
  missing: {},
  notText: {},
  empty: {},
  tooLong: { max: 2000 },
  notList: {},
  tooMany: { max: 100000 },
  notObject: {},
  notDate: {},
  notOrigin: {},
  notTime: {},
  notBoolean: {},
  notEntityId: {},
  notKind: {},
  notNameList: {},
  notCoords: {},
  notHostList: {},
};

describe('every problem has its words in both languages', () => {
  const rows = [
    ...Object.entries(EXAMPLES).map(([code, params]) => [`problem_${code}`, params] as const),
    ...Object.entries(BACKUP_EXAMPLES).map(([code, params]) => [`backupProblem_${code}`, params] as const),
  ];
  it.each(rows)('%s', (key, params) => {
    const ar = (MESSAGES.ar as Record<string, { message: string }>)[key]?.message;
    const en = (MESSAGES.en as Record<string, { message: string }>)[key]?.message;
    expect(ar, 'Arabic message').toBeTruthy();
    expect(en, 'English message').toBeTruthy();
    expect(ar).toMatch(ARABIC_LETTER);
    expect(en).not.toMatch(ARABIC_LETTER);
    // Slots are exactly the parameters: none left unfilled, none given and not shown.
    expect(slots(ar!)).toEqual(Object.keys(params).sort());
    expect(slots(en!)).toEqual(Object.keys(params).sort());
  });

  it.each(Object.entries(EXAMPLES))('%s: the run-time list of its parameters (PROBLEM_PARAMS) is the typed one', (code, params) => {
    expect([...PROBLEM_PARAMS[code as ProblemCode]].sort()).toEqual(Object.keys(params).sort());
  });

  it.each(Object.entries(EXAMPLES))('%s: each parameter shows in the sentence', (code, params) => {
    for (const lang of ['ar', 'en'] as const) {
      const text = problemText({ code, params } as never, lang);
      expect(text).not.toMatch(/\{\w+\}/);
      for (const value of Object.values(params)) expect(text).toContain(String(value));
    }
  });
});

describe('the library page names file, line and what, in the reader\'s language', () => {
  const now = new Date('2026-12-03T12:00:00');
  const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const options = { now, readHtml: htmlFileReader(parseHtml, now) };
  const lines = ['{"headline":"أ","outlet":"ب","date":"2017-10-20","text":"نص"}', '{"headline": ', '{"headline":"ج","outlet":"د","date":"26/10/2017","text":"نص"}'];
  const { problems } = parseImportFile('أرشيف.jsonl', strToU8(lines.join('\n')), options);

  it('Arabic by default', () => {
    expect(problems.map((p) => inputProblemText(p, 'ar'))).toEqual([
      expect.stringMatching(/^«أرشيف\.jsonl»، السطر 2: ليس JSON صالحًا \(.+\)$/),
      '«أرشيف.jsonl»، السطر 3: الحقل "date" يجب أن يكون بصيغة YYYY-MM-DD، لا "26/10/2017"',
    ]);
  });

  it('English when the interface is English', () => {
    expect(problems.map((p) => problemOnLine(p, 'en'))).toEqual([
      expect.stringMatching(/^line 2: bad JSON \(.+\)$/),
      'line 3: "date" must be YYYY-MM-DD, not "26/10/2017"',
    ]);
  });

  it('a problem without a line is the sentence alone', () => {
    const [binary] = parseImportFile('scan.txt', new Uint8Array([0x25, 0x50, 0, 1]), options).problems;
    expect(problemOnLine(binary!, 'ar')).toBe('ملف ثنائي وليس نصًا');
    expect(inputProblemText(binary!, 'en')).toBe('“scan.txt”, is a binary file, not text');
  });
});

describe('a refused backup, in words', () => {
  const refused = (text: string): BackupProblem[] => {
    try {
      parseBackup(text);
    } catch (e) {
      if (e instanceof BackupError) return e.problems;
      throw e;
    }
    throw new Error('not refused');
  };

  it('where in the file and what, Arabic and English', () => {
    const text = JSON.stringify({
      format: 'khabar-lens-backup', version: 1,
      articles: [{ title: 'x', outlet: '', date: '2017-13', dateEstimated: false, language: 'ar', text: 'نص', origin: 'saved', addedAt: 1 }],
    });
    const [p] = refused(text);
    expect(p).toEqual({ path: 'articles[0].date', code: 'notDate', params: {} });
    expect(backupProblemText(p!, 'ar')).toBe('articles[0].date: ليس تاريخًا (YYYY-MM-DD)');
    expect(backupProblemText(p!, 'en')).toBe('articles[0].date: not a date (YYYY-MM-DD)');
    expect(backupProblemText(refused('{')[0]!, 'ar')).toMatch(/^ليس ملف JSON \(/);
  });

  it('the first ten, then how many more', () => {
    const articles = Array.from({ length: 12 }, () => 5);
    const problems = refused(JSON.stringify({ format: 'khabar-lens-backup', version: 1, articles }));
    expect(problems).toHaveLength(12);
    const lines = backupProblemsText(problems, 'ar').split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('articles[0]: ليس كائنًا');
    expect(lines[10]).toBe('… و2 مشكلة أخرى');
  });
});
