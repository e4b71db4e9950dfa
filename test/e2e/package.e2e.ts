/**
 * The built package, as a store or a reviewer sees it (no browser needed, but it needs the builds,
 * so it runs with the end-to-end tests, after `npm run build` and `npm run lint:firefox`):
 * - the README's "Permissions and privacy" table and the manifests list the same permissions and
 *   host access, each with a reason;
 * - the extension pages' Content-Security-Policy is the strict one, in both manifests;
 * - no built script (vendor code included) evaluates strings as code or loads code from anywhere:
 *   no eval, no Function constructor, no importScripts or string timers, no import() of a URL,
 *   and no http(s) URL other than a reviewed list of strings that are never fetched.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fixtures/make-pages.ts';
import { EXTENSION_DIR } from './harness.ts';

const FIREFOX_DIR = join(EXTENSION_DIR, '..', 'firefox-mv2');

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; all_frames?: boolean }[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  sandbox?: unknown;
  background?: { service_worker?: string; scripts?: string[]; page?: string };
}

function manifest(dir: string): Manifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`no build in ${dir}: run \`npm run build\` and \`npm run lint:firefox\` first`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

const builds = [
  ['Chrome', EXTENSION_DIR],
  ['Firefox', FIREFOX_DIR],
] as const;

/** What a manifest asks for: permissions, host permissions, and content script matches. */
function accessOf(m: Manifest): string[] {
  const out = [
    ...(m.permissions ?? []),
    ...(m.optional_permissions ?? []),
    ...(m.host_permissions ?? []),
    ...(m.optional_host_permissions ?? []),
    ...(m.content_scripts ?? []).flatMap((c) => c.matches),
  ];
  // MV2 lists host permissions among the permissions: they are what has a scheme or a wildcard.
  return [...new Set(out)].sort();
}

/** The first column of the README's permissions table, as `code` items, with each row's reason. */
function readmeTable(): { items: string[]; browsers: string; why: string }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Permissions and privacy');
  expect(start, 'a "Permissions and privacy" section in README.md').toBeGreaterThan(0);
  const section = readme.slice(start + 1, readme.indexOf('\n## ', start + 1));
  const rows = section
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l))
    .slice(1) // the header
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
  return rows.map(([first, browsers, why]) => ({
    items: [...(first ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
    browsers: browsers ?? '',
    why: why ?? '',
  }));
}

describe('permissions: the README and the manifests agree', () => {
  const table = readmeTable();
  const documented = new Map(table.flatMap((row) => row.items.map((item) => [item, row] as const)));

  it.each(builds)('every permission and host access of the %s manifest is in the table, with a reason', (browser, dir) => {
    const m = manifest(dir);
    for (const access of accessOf(m)) {
      const row = documented.get(access);
      expect(row, `${access} (${browser}) in the README's table`).toBeDefined();
      expect(row!.browsers, `${access}: the table names ${browser}`).toContain(browser);
      expect(row!.why.length, `${access}: a reason`).toBeGreaterThan(40);
    }
    expect(m.host_permissions ?? [], 'no host permissions').toEqual([]);
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.externally_connectable, 'nothing outside the extension may message it').toBeUndefined();
    for (const c of m.content_scripts ?? []) expect(c.matches.every((p) => /^https?:\/\/\*\/\*$/.test(p))).toBe(true);
  });

  it('everything the table lists is asked for by the manifests it names', () => {
    const asked = Object.fromEntries(builds.map(([browser, dir]) => [browser, accessOf(manifest(dir))]));
    for (const row of table) {
      for (const item of row.items) {
        for (const [browser] of builds) {
          const named = row.browsers.includes(browser);
          expect(asked[browser]!.includes(item), `${item}: ${named ? 'in' : 'not in'} the ${browser} manifest, as the README says`).toBe(named);
        }
      }
    }
    expect(table.length).toBeGreaterThanOrEqual(3);
  });
});

describe('Content-Security-Policy of the extension pages', () => {
  function directives(policy: string): Map<string, string[]> {
    return new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name!, values]),
    );
  }

  it.each(builds)('is strict in the %s manifest: own scripts only, no eval, no plugins, no remote fetches', (_browser, dir) => {
    const m = manifest(dir);
    const csp = typeof m.content_security_policy === 'string' ? m.content_security_policy : m.content_security_policy?.extension_pages;
    expect(csp).toBeTruthy();
    const d = directives(csp!);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    // Nothing unsafe, nothing remote, no wildcard anywhere (data: only for images).
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|https?:|\*/);
    for (const [name, values] of d) if (name !== 'img-src') expect(values, name).not.toContain('data:');
  });
});

describe('no remote code and no eval in any built script', () => {
  function scripts(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return scripts(path);
      return /\.(m?js|html)$/.test(name) ? [path] : [];
    });
  }

  /** Strings in the bundles that look like URLs but are never fetched, each with its reason. */
  const ALLOWED_URLS = new Map([
    ['http://www.w3.org/1999/xhtml', 'XML namespace name (Preact, page/collect-text.ts)'],
    ['http://www.w3.org/2000/svg', 'XML namespace name (Preact)'],
    ['http://www.w3.org/1998/Math/MathML', 'XML namespace name (Preact)'],
    ['http://www.w3.org/ns/anno.jsonld', 'the JSON-LD @context name written into exported annotations (core/export/annotations.ts)'],
    ['https://developer.mozilla.org/en-US/docs/Web/API/Element/attachShadow#elements_you_can_attach_a_shadow_to', 'link in an error message of @webext-core/isolated-element'],
    ['http://*/*', "the content script's match pattern, kept in its bundle by WXT (defineContentScript)"],
    ['https://*/*', "the content script's match pattern, kept in its bundle by WXT (defineContentScript)"],
    ['http://bit.ly/2kdckMn', 'link in a Dexie error message (PrematureCommit)'],
    ['https://tinyurl.com/y2uuvskb', 'link in a Dexie error message (MissingAPI)'],
  ]);

  const FORBIDDEN: [string, RegExp][] = [
    ['eval(', /(^|[^.\w$])eval\s*\(/],
    ['new Function(', /new\s+Function\s*\(/],
    ['Function("…") called as a constructor', /(^|[^.\w$])Function\s*\(\s*["'`]/],
    ['importScripts(', /importScripts\s*\(/],
    ['a string timer', /set(Timeout|Interval)\s*\(\s*["'`]/],
    ['import() of a URL', /import\s*\(\s*["'`](https?:)?\/\//],
    ['a script element with a remote src', /<script[^>]+src\s*=\s*["']?(https?:)?\/\//i],
  ];

  it.each(builds)('in the %s build', (_browser, dir) => {
    const files = scripts(dir);
    expect(files.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const where = relative(dir, file);
      for (const [what, pattern] of FORBIDDEN) if (pattern.test(text)) problems.push(`${where}: ${what}`);
      for (const [url] of text.matchAll(/https?:\/\/[^\s"'`)<>\\]+/g)) {
        if (!ALLOWED_URLS.has(url)) problems.push(`${where}: ${url}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
