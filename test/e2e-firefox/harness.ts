/**
 * Real Firefox with the built extension (.output/firefox-mv2, `npm run build:firefox`): Debian's
 * firefox-esr driven by puppeteer-core over WebDriver BiDi (no browser download; Playwright cannot
 * drive stock Firefox). The fixture pages and their server are the Chromium harness's
 * (test/e2e/harness.ts, test/e2e/fixtures/make-pages.ts).
 *
 * Firefox's quirks, each handled once here:
 * - the add-on is installed as a temporary add-on (browser.installExtension) after launch;
 * - its moz-extension:// origin is random unless the pref extensions.webextensions.uuids pins it;
 * - extension pages open only with --remote-allow-system-access, and goto() on them may never
 *   settle: the navigation is fired and the page polled until the document is there;
 * - the page API is `browser.*` (the `chrome.*` alias is not promised in every context).
 *
 * Nothing may leave the machine, and Firefox's own background traffic would hide the extension's:
 * every proxy setting points at a local recorder that answers 502 and writes down what reached it,
 * so a request from anywhere (page, extension page, background script, the browser itself) to
 * anything but the fixture server shows up in `leakedRequests`. Page-level requests are also
 * recorded through BiDi's network events (`requests`).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Reply, Request, ResponseOf } from '../../lib/messages.ts';
import { serveFixtures, waitFor, type FixtureServer, type PageError } from '../e2e/harness.ts';
import { makePages, ROOT, type PageMap } from '../e2e/fixtures/make-pages.ts';

/** The WebExtension API in extension pages (code passed to page.evaluate runs there). */
declare const browser: { runtime: { sendMessage(m: unknown): Promise<unknown> }; tabs: { query(q: object): Promise<{ id?: number }[]> } };

export const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
/** The Firefox build (`npm run build:firefox`), in WXT_OUT_DIR when that is set (as wxt.config.ts does). */
export const FIREFOX_EXTENSION_DIR = resolve(ROOT, process.env['WXT_OUT_DIR'] ?? '.output', 'firefox-mv2');
/** The add-on id (wxt.config.ts, browser_specific_settings.gecko.id). */
const ADDON_ID = 'khabar-lens@khabar-lens';
/** Pinned moz-extension:// host, so extension pages have a known origin. */
export const EXTENSION_UUID = '5c7e2b1a-4f3d-4e8a-9b6c-0d1e2f3a4b5c';

export interface SeenRequest {
  url: string;
  method: string;
}

export class FirefoxHarness {
  readonly pageErrors: PageError[] = [];
  /** Requests BiDi reported for the browser's tabs (pages and extension pages). */
  readonly requests: SeenRequest[] = [];
  private extPage: Page | undefined;
  private readonly tabIds = new WeakMap<Page, number>();

  private constructor(
    readonly browser: Browser,
    readonly server: FixtureServer,
    /** Every request that tried to leave the machine (it reached the recording proxy instead). */
    readonly leakedRequests: SeenRequest[],
    private readonly proxy: Server,
    private readonly profileDir: string,
  ) {}

  static async launch(options: { extensionDir?: string; pages?: PageMap; executablePath?: string } = {}): Promise<FirefoxHarness> {
    const extensionDir = resolve(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
    if (!existsSync(join(extensionDir, 'manifest.json'))) {
      throw new Error(`no Firefox build in ${extensionDir}: run \`npm run build:firefox\` first`);
    }
    const executablePath = options.executablePath ?? FIREFOX;
    if (!existsSync(executablePath)) throw new Error(`no Firefox at ${executablePath}: bash scripts/ensure-firefox.sh`);
    const server = await serveFixtures(options.pages ?? makePages());
    const leaked: SeenRequest[] = [];
    const proxy = createServer((req, res) => {
      leaked.push({ url: req.url ?? '', method: req.method ?? '' });
      res.writeHead(502).end();
    });
    // HTTPS goes through CONNECT: record the host and refuse.
    proxy.on('connect', (req, socket) => {
      leaked.push({ url: `https://${req.url ?? ''}`, method: 'CONNECT' });
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
    const proxyPort = (proxy.address() as { port: number }).port;
    const profileDir = mkdtempSync(join(tmpdir(), 'khabar-ff-'));
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        protocol: 'webDriverBiDi',
        executablePath,
        headless: true,
        userDataDir: profileDir,
        // Lets the remote agent open moz-extension:// pages.
        args: ['--remote-allow-system-access'],
        // MOZ_REMOTE_SETTINGS_DEVTOOLS: a release build honours services.settings.server (below) only with it.
        env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
        defaultViewport: { width: 1280, height: 900 },
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
          // The Arabic interface, as the Chromium suite runs with --lang=ar.
          'intl.locale.requested': 'ar',
          'intl.accept_languages': 'ar',
          // Firefox's own Remote Settings sync (blocklists and the like) would reach the recorder
          // on every run and hide the extension's traffic: pointed nowhere, as Firefox's own test
          // harnesses do.
          'services.settings.server': 'data:,#remote-settings-dummy/v1',
          // Captive-portal and connectivity probes (detectportal.firefox.com): the browser's, not ours.
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          // Everything bound elsewhere than the fixture server meets the recorder.
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': proxyPort,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': proxyPort,
          'network.proxy.share_proxy_settings': true,
          'network.proxy.no_proxies_on': '',
          'network.proxy.allow_hijacking_localhost': false,
        },
      });
    } catch (e) {
      await server.close();
      proxy.close();
      rmSync(profileDir, { recursive: true, force: true });
      throw e;
    }
    const harness = new FirefoxHarness(browser, server, leaked, proxy, profileDir);
    try {
      const id = await browser.installExtension(extensionDir);
      if (id !== ADDON_ID) throw new Error(`installed add-on ${id}, expected ${ADDON_ID}`);
      // Requests from every tab, as BiDi sees them.
      const bidi = (browser as unknown as { connection: BidiConnection }).connection;
      await bidi.send('session.subscribe', { events: ['network.beforeRequestSent'] });
      bidi.on('network.beforeRequestSent', (e: { request: { url: string; method: string } }) => {
        harness.requests.push({ url: e.request.url, method: e.request.method });
      });
    } catch (e) {
      await harness.close();
      throw e;
    }
    browser.on('targetcreated', (t) => {
      // A worker's target (the library page's import worker) has no page: BiDi rejects page().
      t.page().then((p) => p && harness.watch(p), () => undefined);
    });
    return harness;
  }

  private watch(page: Page): void {
    page.on('pageerror', (e) => this.pageErrors.push({ pageUrl: page.url(), message: e instanceof Error ? e.message : String(e) }));
  }

  get extensionOrigin(): string {
    return `moz-extension://${EXTENSION_UUID}`;
  }

  url(path: string): string {
    return `${this.server.origin}${path}`;
  }

  /** Open a fixture page in a new tab and wait for its load event. */
  async open(path: string): Promise<Page> {
    const page = await this.browser.newPage();
    this.watch(page);
    await page.goto(this.url(path), { waitUntil: 'load' });
    return page;
  }

  /**
   * Open an extension page (`popup.html?tab=…`, `sidepanel.html`, …) in a new tab. goto() on a
   * moz-extension:// URL may never settle: fire it, then poll until the document has loaded.
   */
  async openExtensionPage(path: string): Promise<Page> {
    const page = await this.browser.newPage();
    this.watch(page);
    const url = `${this.extensionOrigin}/${path}`;
    void page.goto(url).catch(() => undefined);
    await waitFor(
      () => page.evaluate((u) => (location.href === u && document.readyState === 'complete' ? true : undefined), url),
      { what: `${url} to load` },
    );
    return page;
  }

  /** A page of the extension's origin, which may message the background. */
  async extensionPage(): Promise<Page> {
    if (!this.extPage || this.extPage.isClosed()) this.extPage = await this.openExtensionPage('manifest.json');
    return this.extPage;
  }

  /** Send a request as an extension page does; rejects with the background's error. */
  async send<R extends Request>(request: R): Promise<ResponseOf<R['type']>> {
    const page = await this.extensionPage();
    const reply = (await page.evaluate((r) => browser.runtime.sendMessage(r), request as unknown)) as Reply<ResponseOf<R['type']>>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }

  async waitForReady(timeout = 60_000): Promise<ResponseOf<'getStatus'>> {
    return waitFor(async () => {
      const status = await this.send({ type: 'getStatus' });
      if (status.state === 'error') throw new Error(`import failed: ${status.error}`);
      return status.state === 'ready' ? status : undefined;
    }, { timeout, what: 'the bundle import' });
  }

  /**
   * The WebExtension tab id of `page`: brought to the front, it is the active tab, which an
   * extension page may ask for without the "tabs" permission.
   */
  async tabId(page: Page): Promise<number> {
    const known = this.tabIds.get(page);
    if (known !== undefined) return known;
    await page.bringToFront();
    const ext = await this.extensionPage();
    const ids = await waitFor(async () => {
      const found = await ext.evaluate(async () => (await browser.tabs.query({ active: true })).map((t) => t.id));
      return found.length === 1 ? found : undefined;
    }, { what: `the tab id of ${page.url()}` });
    if (typeof ids[0] !== 'number') throw new Error(`cannot tell the tab id of ${page.url()}`);
    this.tabIds.set(page, ids[0]);
    return ids[0];
  }

  /** BiDi-seen requests to anywhere but the fixture server and the extension itself. */
  foreignRequests(): SeenRequest[] {
    const local = [`${this.server.origin}/`, `${this.extensionOrigin}/`];
    return this.requests.filter((r) => !local.some((o) => r.url.startsWith(o)) && !/^(data|blob|about):/.test(r.url));
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
    await this.server.close();
    this.proxy.closeAllConnections();
    await new Promise<void>((ok) => this.proxy.close(() => ok()));
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

interface BidiConnection {
  send(method: string, params: object): Promise<unknown>;
  on(event: string, handler: (e: never) => void): void;
}
