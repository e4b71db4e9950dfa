/**
 * Every interface string exists in Arabic and English, and no UI component writes words of its
 * own: everything a reader reads comes from the locale files (public/_locales/*, through lib/i18n.ts)
 * or the data.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS, type EntityKind } from '../../core/types.ts';
import { categoryLabel, kindLabel, MESSAGES, t as tr, type UiKey } from '../../lib/i18n.ts';
import { CATEGORIES } from '../../lib/settings.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ARABIC_LETTER = /[\u0621-\u064a\u0671-\u06d3]/;
const LETTER = /\p{L}/u;

function localeFile(lang: string): Record<string, { message: string; description?: string }> {
  return JSON.parse(readFileSync(join(ROOT, 'public', '_locales', lang, 'messages.json'), 'utf8'));
}

const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface strings', () => {
  const ar = localeFile('ar');
  const en = localeFile('en');

  it('has every key in both languages, and nothing else', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ar).sort());
    expect(Object.keys(MESSAGES.ar).sort()).toEqual(Object.keys(ar).sort());
  });

  it.each(Object.keys(localeFile('ar')))('%s: a message in each language, with the same slots', (key) => {
    const a = ar[key]!.message;
    const e = en[key]!.message;
    expect(a.trim() || a).not.toBe('');
    expect(e.trim() || e).not.toBe('');
    // A plural form may spell its number out ('مصدر واحد', 'إشارتان'): only {n} may be left out.
    if (/_(zero|one|two|few|many|other)$/.test(key)) {
      expect(slots(a).filter((s) => s !== 'n')).toEqual(slots(e).filter((s) => s !== 'n'));
    } else {
      expect(slots(a)).toEqual(slots(e));
    }
    // Chrome reads $…$ as its own placeholders: the messages must not contain any.
    expect(a).not.toMatch(/\$/);
    expect(e).not.toMatch(/\$/);
    // Arabic messages are in Arabic; English ones in English (a language's own name may be quoted).
    if (LETTER.test(a.replace(/\{\w+\}/g, ''))) expect(a).toMatch(ARABIC_LETTER);
    if (key !== 'langAr') expect(e).not.toMatch(ARABIC_LETTER);
    expect(ar[key]!.description).toBeTruthy();
  });

  it('fills the slots', () => {
    expect(tr('articleCount', 'en', { n: 2, total: 5 })).toBe('Showing 2 of 5 sources');
    expect(tr('articleCount', 'ar', { n: 2, total: 5 })).toBe('المصادر المعروضة: 2 من 5');
    expect(tr('siteSwitch', 'ar', { host: 'a.example' })).toBe('إبراز الأسماء على a.example');
  });

  it('leaves a slot without a value as written', () => {
    expect(tr('siteSwitch', 'en')).toBe('Highlight names on {host}');
    expect(tr('coverageCount_other', 'en', { n: 2 })).toBe('Mentioned in 2 sources ({mentions})');
  });

  it('takes the card’s words and the kind labels from the locale files too', () => {
    expect(tr('loading', 'ar')).toBe(ar['loading']!.message);
    expect(tr('notFound', 'en')).toBe(en['notFound']!.message);
    expect(kindLabel('border-crossing', 'ar')).toBe(ar['kindBorderCrossing']!.message);
    expect(kindLabel('media-unit', 'en')).toBe(en['kindMediaUnit']!.message);
    expect(categoryLabel('place', 'en')).toBe(en['categoryPlace']!.message);
    // A kind this version does not know (newer data) shows as itself.
    expect(kindLabel('spaceport' as EntityKind, 'en')).toBe('spaceport');
  });

  it('names every kind and category in both languages', () => {
    for (const k of ENTITY_KINDS) {
      expect(kindLabel(k, 'ar')).toMatch(ARABIC_LETTER);
      expect(kindLabel(k, 'en')).not.toMatch(ARABIC_LETTER);
    }
    for (const c of CATEGORIES) {
      expect(categoryLabel(c, 'ar')).toMatch(ARABIC_LETTER);
      expect(categoryLabel(c, 'en')).not.toMatch(ARABIC_LETTER);
    }
  });

  it('gives the manifest its name and description from the locale files', () => {
    const keys: UiKey[] = ['extName', 'extDescription', 'actionTitle', 'sidepanelTitle', 'optionsTitle'];
    for (const k of keys) expect(ar[k]).toBeTruthy();
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toMatch(/name: '__MSG_extName__'/);
    expect(config).toMatch(/default_locale: 'ar'/);
  });
});

/** The interface's components: the three pages and the shared components. */
function uiFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.tsx')) out.push(p);
    }
  };
  for (const d of ['entrypoints/popup', 'entrypoints/sidepanel', 'entrypoints/options', 'entrypoints/welcome', 'components']) walk(join(ROOT, d));
  return out;
}

/** Attributes whose value the reader reads (or hears). */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-valuetext', 'label']);

function literalsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return `${relative(ROOT, file)}:${line + 1}`;
  };
  const isText = (s: string) => LETTER.test(s);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isText(node.text)) found.push(`${where(node)}: JSX text "${node.text.trim()}"`);
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const text = node.text;
      if (ARABIC_LETTER.test(text)) found.push(`${where(node)}: Arabic literal "${text}"`);
      const parent = node.parent;
      if (ts.isJsxAttribute(parent) && TEXT_ATTRIBUTES.has(parent.name.getText(source)) && isText(text)) {
        found.push(`${where(node)}: attribute ${parent.name.getText(source)}="${text}"`);
      }
      if (ts.isJsxExpression(parent) && isText(text)) {
        const owner = parent.parent;
        if (ts.isJsxElement(owner) || ts.isJsxFragment(owner)) found.push(`${where(node)}: JSX child "${text}"`);
        if (ts.isJsxAttribute(owner) && TEXT_ATTRIBUTES.has(owner.name.getText(source))) {
          found.push(`${where(node)}: attribute ${owner.name.getText(source)}={"${text}"}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no hard-coded interface text', () => {
  const files = uiFiles();

  it('looks at the popup, the side panel, the options page and the shared components', () => {
    const names = files.map((f) => relative(ROOT, f));
    expect(names).toEqual(
      expect.arrayContaining([
        'entrypoints/popup/App.tsx',
        'entrypoints/sidepanel/App.tsx',
        'entrypoints/options/App.tsx',
        'components/EntityCard.tsx',
        'components/EntitySearch.tsx',
        'components/ReaderView.tsx',
      ]),
    );
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s writes no words of its own', (_name, file) => {
    expect(literalsOf(file)).toEqual([]);
  });

  it('lib/i18n.ts keeps no table of words besides the locale files', () => {
    expect(literalsOf(join(ROOT, 'lib/i18n.ts')).filter((f) => f.includes('Arabic literal'))).toEqual([]);
  });

  it('catches hard-coded text (the check itself works)', () => {
    const probe = join(ROOT, 'components', 'Probe.tsx');
    const text = [
      `export const A = () => (`,
      `  <p title="Open it" aria-label={'Close'} data-x="fine" class="c">`,
      `    Hello <b>{'world'}</b> {t('ok', lang)} {' '} {'×'}`,
      `    <i>{x ? 'yes' : 'no'}</i> {"مرحبا"}`,
      `  </p>`,
      `);`,
      `const arabic = 'نص';`,
    ].join('\n');
    const found = literalsOf(probe, text).map((f) => f.replace(/^components\/Probe\.tsx:/, ''));
    expect(found).toEqual([
      '2: attribute title="Open it"',
      '2: attribute aria-label={"Close"}',
      '3: JSX text "Hello"',
      '3: JSX child "world"',
      '4: Arabic literal "مرحبا"',
      '4: JSX child "مرحبا"',
      '7: Arabic literal "نص"',
    ]);
  });
});
