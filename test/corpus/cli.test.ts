/**
 * The command line, run as a user runs it (tsx scripts/cli.ts …): detect --jsonl on text and HTML
 * files, its offsets against the file as read, and its errors and exit codes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { detect } from '../../core/match/detect.ts';
import type { Bundle } from '../../core/types.ts';
import { visibleText } from '../../scripts/visible-text.ts';
import { realGazetteer, REPO_ROOT } from './helpers.ts';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(REPO_ROOT, 'scripts', 'cli.ts');

/** Runs the CLI; resolves with its exit status and output (never rejects on a non-zero exit). */
function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

interface Line {
  start: number;
  end: number;
  text: string;
  id: string;
  kind: string;
  name: string;
  nameEn: string;
  confidence: number;
}

function parseLines(stdout: string): Line[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);
}

/** What the CLI should print for `text`: the in-process detector's mentions, with entity fields. */
function expectedLines(text: string): Line[] {
  const { entities, matcher } = realGazetteer();
  const byId = new Map(entities.map((e) => [e.id, e]));
  return detect(matcher, text).map((m) => {
    const e = byId.get(m.entityId)!;
    return { start: m.start, end: m.end, text: m.text, id: e.id, kind: e.kind, name: e.name, nameEn: e.nameEn, confidence: m.confidence };
  });
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'khabar-cli-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// CRLF line endings, diacritics, tatweel, a ZWNJ and an astral character before the names, so that
// any newline conversion or code-point counting would shift the offsets.
const TEXT = [
  '😀 تقدّم الجيش السوري نحو مدينة البُوكَمال.',
  'وقالت مصادر إن القوات العراقية وصلت إلى قضاء القائم وراوة، وإن «حزب اللـه» يدعم العمليات في دير\u200Cالزور.',
  'ولا جديد في الرياضة اليوم.',
  '',
].join('\r\n');

describe('detect --jsonl on a .txt file', { timeout: 60_000 }, () => {
  test('prints one JSON object a line, with start/end into the file exactly as read (CRLF kept)', async () => {
    const file = join(dir, 'article.txt');
    writeFileSync(file, TEXT, 'utf8');
    const r = await cli('detect', '--jsonl', file);
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(r.status).toBe(0);
    const lines = parseLines(r.stdout);
    const fileText = readFileSync(file, 'utf8');
    expect(fileText).toContain('\r\n');
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(['confidence', 'end', 'id', 'kind', 'name', 'nameEn', 'start', 'text']);
      expect(l.text).toBe(fileText.slice(l.start, l.end));
    }
    expect(lines).toEqual(expectedLines(fileText));
    // Not vacuous: the names in the text are there, after the CRLFs too.
    const ids = lines.map((l) => l.id);
    for (const id of ['group:syrian-army', 'place:albukamal', 'group:iraqi-forces', 'place:al-qaim', 'place:rawa', 'group:hezbollah']) {
      expect(ids).toContain(id);
    }
    expect(lines.some((l) => l.start > fileText.indexOf('\r\n'))).toBe(true);
  });

  test('--all prints weak mentions below the threshold too', async () => {
    const file = join(dir, 'weak.txt');
    writeFileSync(file, 'قال ربيعة إن الأمر انتهى.\r\n', 'utf8');
    const plain = parseLines((await cli('detect', '--jsonl', file)).stdout);
    const all = parseLines((await cli('detect', '--jsonl', file, '--all')).stdout);
    expect(plain).toEqual([]);
    expect(all.length).toBeGreaterThan(0);
    for (const l of all) expect(l.confidence).toBeLessThan(0.5);
  });

  test('a file with no names prints nothing and succeeds', async () => {
    const file = join(dir, 'empty.txt');
    writeFileSync(file, 'لا شيء هنا.\r\n', 'utf8');
    const r = await cli('detect', '--jsonl', file);
    expect([r.status, r.stdout]).toEqual([0, '']);
  });
});

describe('detect --jsonl on an .html file', { timeout: 60_000 }, () => {
  test('reads the visible text: offsets are into it, scripts, styles and hidden elements left out', async () => {
    const html = [
      '<!doctype html><html><head><title>البوكمال</title><style>p { color: red }</style></head><body>',
      '<h1>معارك <b>البوكمال</b></h1>',
      '<script>var x = "حزب الله";</script>',
      '<p>وصل الجيش السوري إلى\r\n مدينة <a href="#">الميادين</a>.</p>',
      '<div hidden>دمشق</div><div style="display: none">بغداد</div>',
      '<p>وأعلنت قوات سوريا الديمقراطية &amp; التحالف الدولي ذلك.</p>',
      '</body></html>',
    ].join('\r\n');
    const file = join(dir, 'page.html');
    writeFileSync(file, html, 'utf8');
    const r = await cli('detect', '--jsonl', file);
    expect(r.status).toBe(0);
    const lines = parseLines(r.stdout);
    const visible = visibleText(html);
    for (const l of lines) expect(l.text).toBe(visible.slice(l.start, l.end));
    expect(lines).toEqual(expectedLines(visible));
    const ids = lines.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['place:albukamal', 'group:syrian-army', 'place:al-mayadin', 'group:sdf', 'group:us-led-coalition']));
    for (const hidden of ['group:hezbollah', 'place:damascus', 'place:baghdad']) expect(ids).not.toContain(hidden);
  });
});

describe('errors', { timeout: 60_000 }, () => {
  test.concurrent.for([
    { name: 'a missing file', args: ['detect', '--jsonl', 'no/such/file.txt'], status: 1, message: /cannot read no\/such\/file\.txt: no such file/ },
    { name: 'a directory', args: ['detect', '--jsonl', '.'], status: 1, message: /cannot read \.: is a directory/ },
    { name: 'detect without --jsonl', args: ['detect'], status: 2, message: /detect needs --jsonl FILE/ },
    { name: '--jsonl without a file', args: ['detect', '--jsonl'], status: 2, message: /--jsonl needs a value/ },
    { name: 'an unknown option', args: ['detect', '--jsonl', 'x.txt', '--csv'], status: 2, message: /unknown option --csv/ },
    { name: 'an unknown command', args: ['frobnicate'], status: 2, message: /unknown command "frobnicate"/ },
    { name: 'no command', args: [], status: 2, message: /no command given/ },
  ])('$name: exit $status with a clear message', async ({ args, status, message }, { expect }) => {
    const r = await cli(...args);
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(message);
    if (status === 2) expect(r.stderr).toMatch(/usage:/);
    expect(r.stdout).toBe('');
  });
});

describe('build', { timeout: 60_000 }, () => {
  test('build --out writes the bundle of the real corpus', async () => {
    const out = join(dir, 'out', 'bundle.json');
    mkdirSync(join(dir, 'out'), { recursive: true });
    const r = await cli('build', '--out', out);
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^bundle [0-9a-f]+: \d+ entities, \d+ names, 5 articles, \d+ mentions/);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as Bundle;
    expect(bundle.entities.length).toBe(realGazetteer().entities.length);
    expect(bundle.articles).toHaveLength(5);
    expect(bundle.matcher.format).toBe(1);
    for (const a of bundle.articleMentions) {
      const text = bundle.articles.find((x) => x.id === a.articleId)!.text;
      for (const m of a.mentions) expect(m.text).toBe(text.slice(m.start, m.end));
    }
  });

  test('build --corpus DIR builds a bundle from another folder in the corpus format (a newsroom archive)', async () => {
    const archive = join(dir, 'archive');
    mkdirSync(join(archive, 'gazetteer'), { recursive: true });
    mkdirSync(join(archive, 'articles'), { recursive: true });
    const town = {
      id: 'place:hit', kind: 'town', name: 'هيت', nameEn: 'Hit', aliases: [], weakAliases: [], translit: ['Hit'],
      country: 'IQ', description: 'مدينة عراقية على الفرات.',
    };
    writeFileSync(join(archive, 'gazetteer', 'places.jsonl'), JSON.stringify(town) + '\n');
    writeFileSync(join(archive, 'articles', 'n1.txt'), 'وصلت التعزيزات إلى هيت صباح اليوم، وقال مسؤول إن هيت آمنة.\n');
    const meta = {
      id: 'n1', file: 'articles/n1.txt', outlet: 'نشرة الغرفة', outletEn: 'Newsroom', headline: 'تعزيزات إلى هيت',
      date: '2024-03-01', dateEstimated: false, dateNote: 'Filed date.', language: 'ar',
    };
    writeFileSync(join(archive, 'articles.jsonl'), JSON.stringify(meta) + '\n');
    const out = join(dir, 'archive-bundle.json');
    const r = await cli('build', '--corpus', archive, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1 entities, \d+ names, 1 articles, 2 mentions/);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as Bundle;
    expect(bundle.coverage.find((c) => c.entityId === 'place:hit')?.mentions).toBe(2);

    // A broken line names the archive's file and line.
    writeFileSync(join(archive, 'gazetteer', 'places.jsonl'), JSON.stringify(town) + '\n{"id": "place:x"\n');
    const broken = await cli('build', '--corpus', archive, '--out', out);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/archive\/gazetteer\/places\.jsonl:2/);
    expect((await cli('build', '--corpus', join(dir, 'nowhere'))).stderr).toMatch(/nowhere\/articles: folder is missing/);
  });
});
