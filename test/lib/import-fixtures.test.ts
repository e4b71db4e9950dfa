/**
 * The e2e import fixture folder (test/fixtures/import) through the real parsers and the import
 * run, in Node (linkedom for HTML): what the library page must show per file, checked here first
 * so the browser test's expectations are the parsers' real answers.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importFile } from '../../core/library/files.ts';
import { PARAM_TEXT_MAX } from '../../core/library/problem.ts';
import { closeDatabase, type LensDatabase } from '../../db/database.ts';
import { libraryRows } from '../../db/library.ts';
import { htmlFileReader } from '../../lib/extract/html-file.ts';
import { ImportController, MAX_FILE_PROBLEMS } from '../../lib/library-import.ts';
import { parseFromWorker, Problem } from '../../lib/messages/import-worker.ts';
import { openBundleDatabase, storedMatcher } from '../db/bundle-db.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'import');
const NOW = new Date('2026-01-15T10:00:00Z');
const readHtml = htmlFileReader((html) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document, NOW);

let name: string;
let db: LensDatabase;
beforeEach(async () => ({ name, db } = await openBundleDatabase()));
afterEach(() => closeDatabase(name));

it('imports the good files of the fixture folder and names the bad line and the broken files', async () => {
  const files = readdirSync(DIR).filter((f) => !f.endsWith('.ts')).sort();
  const c = new ImportController({
    db,
    matcher: () => storedMatcher(db),
    read: (n, bytes) => importFile(n, bytes, { now: NOW, readHtml }),
    pause: () => Promise.resolve(),
  });
  const end = await c.run(files.map((f) => ({ name: f, bytes: async () => new Uint8Array(readFileSync(join(DIR, f))) })));
  expect(end.phase).toBe('done');
  if (end.phase !== 'done') return;
  const summary = end.run.reports.map((r) => `${r.file}: +${r.added} =${r.duplicates} ${r.problems.map((p) => `[${p.file}${p.line ? `:${p.line}` : ''}]`).join('')}`);
  expect(summary).toEqual([
    'al-mayadin.txt: +1 =0 ',
    'archive.jsonl: +2 =0 [archive.jsonl:2]',
    'bundle.zip: +2 =0 [bundle.zip/bundle/broken.txt]',
    'corrupt.zip: +0 =0 [corrupt.zip]',
    'deir-page.html: +1 =0 ',
    'husaybah-report.md: +1 =0 ',
  ]);
  const rows = await libraryRows(db);
  expect(rows.map((r) => r.headline).sort()).toEqual(
    [
      'القوات الحكومية تتقدم نحو الميادين',
      'الحشد الشعبي يعلن عن عمليات قرب الحدود',
      'التحالف الدولي يقصف مواقع قرب البوكمال',
      'إعادة فتح منفذ ربيعة',
      'ما بعد معركة الرقة',
      'معارك عنيفة في أحياء دير الزور',
      'تقرير ميداني عن معبر القائم',
    ].sort(),
  );
  const deir = rows.find((r) => r.headline.includes('دير الزور'))!;
  expect(deir).toMatchObject({ outlet: 'صحيفة الفرات', date: '2017-10-30', dateEstimated: false, url: 'https://alfurat.example/news/deir-battles' });
});

it('a hostile .jsonl (a 20,000-character date, 3,000 empty objects) gives a report that still crosses to the page', async () => {
  const lines = [
    JSON.stringify({ headline: 'خبر', outlet: 'عنب بلدي', date: '٢'.repeat(20_000), text: 'دخل الجيش مدينة البوكمال.' }),
    ...Array.from({ length: 3000 }, () => '{}'),
  ];
  const c = new ImportController({
    db,
    matcher: () => storedMatcher(db),
    read: (n, bytes) => importFile(n, bytes, { now: NOW, readHtml }),
    pause: () => Promise.resolve(),
  });
  const end = await c.run([{ name: 'hostile.jsonl', bytes: async () => new TextEncoder().encode(lines.join('\n')) }]);
  expect(end.phase).toBe('done');
  if (end.phase !== 'done') return;
  const report = end.run.reports[0]!;
  // The first problems listed, the rest counted in one; every text parameter cut short.
  expect(report.problems).toHaveLength(MAX_FILE_PROBLEMS + 1);
  expect(report.problems.at(-1)).toMatchObject({ code: 'moreProblems' });
  expect(report.problems.find((p) => p.code === 'badDate')?.params).toEqual({ value: `${'٢'.repeat(PARAM_TEXT_MAX)}…` });
  // What the page refused before: the worker's fileDone event with this report.
  const event = { type: 'event', event: { type: 'fileDone', report, now: 1 } };
  expect(parseFromWorker(structuredClone(event))).not.toBeInstanceOf(Problem);
});
