/**
 * Real Chromium with the built extension, for the end-to-end tests and the demo: Debian's
 * chromium driven by playwright-core (no browser download), fixture pages served from 127.0.0.1,
 * every request the browser makes recorded (pages, frames and the extension's service worker) so
 * tests can prove nothing leaves the machine, page errors collected, and typed access to the
 * background through an extension page, the way the popup talks to it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import type { Reply, Request, ResponseOf } from '../../lib/messages.ts';
import { RUN_COMMAND_HOOK } from '../../lib/commands.ts';
import { makePages, ROOT, type PageMap } from './fixtures/make-pages.ts';

/** The extension API inside the browser (code passed to page.evaluate / worker.evaluate runs there). */
declare const chrome: typeof Browser;

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** The Chrome build (`npm run build`), in WXT_OUT_DIR when that is set (as wxt.config.ts does). */
export const EXTENSION_DIR = resolve(ROOT, process.env['WXT_OUT_DIR'] ?? '.output', 'chrome-mv3');

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Made by the extension's service worker rather than a page. */
  fromServiceWorker: boolean;
}

export interface PageError {
  pageUrl: string;
  message: string;
}

export interface ConsoleEntry {
  pageUrl: string;
  type: string;
  text: string;
}

export interface FixtureServer {
  origin: string;
  /** Paths requested from the server, in order. */
  served: string[];
  /** Text replaced in every body served from now on (e.g. a placeholder for another origin). */
  substitutions: Map<string, string>;
  close(): Promise<void>;
}

/**
 * Serve `pages` on `host` (default 127.0.0.1) at a free port; anything else is 404. Each page may
 * bring its own response headers; `substitutions` are applied to bodies as they are served.
 */
export async function serveFixtures(pages: PageMap, host = '127.0.0.1'): Promise<FixtureServer> {
  const served: string[] = [];
  const substitutions = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    served.push(path);
    const page = pages.get(path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let body = page.body;
    for (const [from, to] of substitutions) if (body.includes(from)) body = body.replaceAll(from, to);
    res.writeHead(200, { ...page.headers, 'content-type': page.type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, host, ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  return {
    origin: `http://${host}:${address.port}`,
    served,
    substitutions,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export interface LaunchOptions {
  /** Default: headless (Chromium's new headless mode, which runs extensions). */
  headless?: boolean;
  extensionDir?: string;
  pages?: PageMap;
  /**
   * Also serve `pages` from a second origin, http://127.0.0.2:PORT (another host, so another
   * site: cross-origin iframes run in their own process). Bodies may name each other's origin
   * through `otherOriginToken`, replaced when served.
   */
  otherOrigin?: { token: string };
}

export class Harness {
  readonly pageErrors: PageError[] = [];
  readonly console: ConsoleEntry[] = [];
  private extPage: Page | undefined;
  private readonly tabIds = new WeakMap<Page, number>();

  private constructor(
    /** Every request the browser made, from launch on. */
    readonly requests: RecordedRequest[],
    readonly context: BrowserContext,
    readonly server: FixtureServer,
    readonly extensionId: string,
    private readonly userDataDir: string,
    /** The second fixture server (LaunchOptions.otherOrigin), if any. */
    readonly otherServer?: FixtureServer,
  ) {}

  static async launch(options: LaunchOptions = {}): Promise<Harness> {
    const extensionDir = resolve(options.extensionDir ?? EXTENSION_DIR);
    if (!existsSync(join(extensionDir, 'manifest.json'))) {
      throw new Error(`no built extension in ${extensionDir}: run \`npm run build\` first`);
    }
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
    const pages = options.pages ?? makePages();
    const server = await serveFixtures(pages);
    let otherServer: FixtureServer | undefined;
    if (options.otherOrigin) {
      try {
        otherServer = await serveFixtures(pages, '127.0.0.2');
      } catch (e) {
        await server.close();
        throw e;
      }
      server.substitutions.set(options.otherOrigin.token, otherServer.origin);
      otherServer.substitutions.set(options.otherOrigin.token, server.origin);
    }
    const closeServers = async () => {
      await server.close();
      await otherServer?.close();
    };
    const userDataDir = mkdtempSync(join(tmpdir(), 'khabar-e2e-'));
    const headless = options.headless ?? true;
    const args = [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-gpu',
      '--lang=ar',
    ];
    // Playwright's own headless mode is the old one, without extensions: ask for the new one.
    if (headless) args.unshift('--headless=new');
    let context: BrowserContext;
    try {
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: false,
        args,
        viewport: { width: 1280, height: 900 },
        locale: 'ar',
      });
    } catch (e) {
      await closeServers();
      rmSync(userDataDir, { recursive: true, force: true });
      throw e;
    }
    const requests: RecordedRequest[] = [];
    context.on('request', (r) => {
      requests.push({ url: r.url(), method: r.method(), resourceType: r.resourceType(), fromServiceWorker: r.serviceWorker() !== null });
    });
    let worker: Worker;
    try {
      worker = context.serviceWorkers().find(isExtensionWorker) ?? (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 30_000 }));
    } catch (e) {
      await context.close().catch(() => {});
      await closeServers();
      rmSync(userDataDir, { recursive: true, force: true });
      throw new Error(`the extension's service worker did not start (is ${extensionDir} a complete build? is a build running?): ${String(e)}`);
    }
    const extensionId = new URL(worker.url()).host;
    const harness = new Harness(requests, context, server, extensionId, userDataDir, otherServer);
    const watch = (page: Page) => {
      page.on('pageerror', (e) => harness.pageErrors.push({ pageUrl: page.url(), message: e.message }));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') harness.console.push({ pageUrl: page.url(), type: m.type(), text: m.text() });
      });
      page.on('websocket', (ws) => harness.requests.push({ url: ws.url(), method: 'GET', resourceType: 'websocket', fromServiceWorker: false }));
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    return harness;
  }

  get extensionOrigin(): string {
    return `chrome-extension://${this.extensionId}`;
  }

  url(path: string): string {
    return `${this.server.origin}${path}`;
  }

  /** A path on the second fixture server (LaunchOptions.otherOrigin). */
  otherUrl(path: string): string {
    if (!this.otherServer) throw new Error('launched without a second origin');
    return `${this.otherServer.origin}${path}`;
  }

  /** The extension's service worker as it runs now (it may have been stopped and restarted). */
  async serviceWorker(): Promise<Worker> {
    const current = this.context.serviceWorkers().find(isExtensionWorker);
    if (current) return current;
    // Waking it: any extension event does; opening an extension page is the simplest.
    await this.extensionPage();
    return this.context.serviceWorkers().find(isExtensionWorker) ?? this.context.waitForEvent('serviceworker', { predicate: isExtensionWorker });
  }

  /** Stop the extension's service worker, as the browser does when it idles (CDP). */
  async stopServiceWorker(): Promise<void> {
    const cdp = await this.context.newCDPSession(await this.extensionPage());
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  }

  /**
   * Stop the extension's service worker (as the browser does when it idles) and wait until a
   * fresh one answers: whatever it kept only in memory is gone.
   */
  async restartServiceWorker(): Promise<void> {
    const before = await this.serviceWorker();
    await before.evaluate(() => {
      (self as unknown as { harnessMarker: boolean }).harnessMarker = true;
    });
    await this.stopServiceWorker();
    await waitFor(
      async () => {
        await this.send({ type: 'getStatus' });
        const sw = await this.serviceWorker();
        return (await sw.evaluate(() => (self as unknown as { harnessMarker?: boolean }).harnessMarker)) ? undefined : true;
      },
      { what: 'a fresh service worker' },
    );
  }

  /** A page of the extension's origin (its manifest), which may message the background. */
  async extensionPage(): Promise<Page> {
    if (!this.extPage || this.extPage.isClosed()) {
      this.extPage = await this.context.newPage();
      await this.extPage.goto(`${this.extensionOrigin}/manifest.json`);
    }
    return this.extPage;
  }

  /** Send a request as an extension page does; rejects with the background's error. */
  async send<R extends Request>(request: R): Promise<ResponseOf<R['type']>> {
    const page = await this.extensionPage();
    const reply = (await page.evaluate((r) => chrome.runtime.sendMessage(r), request as unknown)) as Reply<ResponseOf<R['type']>>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }

  /**
   * Run a keyboard command (lib/commands.ts) for a tab as the browser does when its shortcut is
   * pressed: through the background's own command handler (no test can press a browser shortcut).
   * Resolves with the handler's result (`{ ok: false, … }` when the page did nothing).
   */
  async command(name: string, page?: Page): Promise<{ ok: boolean; paused?: boolean; error?: string }> {
    const tabId = page ? await this.tabId(page) : undefined;
    const sw = await this.serviceWorker();
    return sw.evaluate(
      ([hook, n, id]) => (self as unknown as Record<string, (name: string, tabId?: number) => Promise<{ ok: boolean }>>)[hook]!(n, id),
      [RUN_COMMAND_HOOK, name, tabId] as const,
    );
  }

  /** Send a raw message (for validation tests): the background's reply envelope as is. */
  async sendRaw(message: unknown): Promise<unknown> {
    const page = await this.extensionPage();
    return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  }

  /**
   * Makes the stored data look like an older bundle's failed import, so that the next getStatus
   * (or worker start) imports the packaged bundle again: what an update does.
   */
  async markImportStale(): Promise<void> {
    const page = await this.extensionPage();
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open('khabar-lens');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      await new Promise<void>((ok, ko) => {
        const tx = db.transaction('meta', 'readwrite');
        tx.objectStore('meta').put({ key: 'import', state: 'error', progress: 0, target: 'an-older-bundle', done: {}, error: 'test', updatedAt: 0 });
        tx.oncomplete = () => ok();
        tx.onerror = () => ko(tx.error);
      });
      db.close();
    });
  }

  async waitForReady(timeout = 60_000): Promise<ResponseOf<'getStatus'>> {
    return waitFor(async () => {
      const status = await this.send({ type: 'getStatus' });
      if (status.state === 'error') throw new Error(`import failed: ${status.error}`);
      return status.state === 'ready' ? status : undefined;
    }, { timeout, what: 'the bundle import' });
  }

  /** Open a fixture page in a new tab and wait for its load event. */
  async open(path: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.url(path), { waitUntil: 'load' });
    return page;
  }

  /** The extension API's tab id of `page` (via the window CDP reports, and the active tab in it). */
  async tabId(page: Page): Promise<number> {
    const known = this.tabIds.get(page);
    if (known !== undefined) return known;
    const cdp = await this.context.newCDPSession(page);
    const { targetInfo } = (await cdp.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
    const { windowId } = (await cdp.send('Browser.getWindowForTarget', { targetId: targetInfo.targetId })) as { windowId: number };
    await cdp.detach();
    await page.bringToFront();
    const sw = await this.serviceWorker();
    const ids = await sw.evaluate(async (w) => (await chrome.tabs.query({ windowId: w, active: true })).map((t) => t.id), windowId);
    if (ids.length !== 1 || typeof ids[0] !== 'number') throw new Error(`cannot tell the tab id of ${page.url()}`);
    this.tabIds.set(page, ids[0]);
    return ids[0];
  }

  /** The toolbar badge text for `page`'s tab. */
  async badgeText(page: Page): Promise<string> {
    const tabId = await this.tabId(page);
    const sw = await this.serviceWorker();
    return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /**
   * Requests to anywhere but the fixture servers and the browser itself. Any chrome-extension://
   * URL counts as local: besides the extension's id, web-accessible resources may be served
   * under a per-session id (use_dynamic_url), and neither leaves the browser.
   */
  foreignRequests(): RecordedRequest[] {
    const local = [this.server, this.otherServer].flatMap((s) => (s ? [`${s.origin}/`] : []));
    return this.requests.filter(
      (r) => !local.some((origin) => r.url.startsWith(origin)) && !/^(chrome-extension|data|blob|about):/.test(r.url),
    );
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
    await this.server.close();
    await this.otherServer?.close();
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

function isExtensionWorker(w: Worker): boolean {
  return w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
}

/** Poll `probe` until it returns something other than undefined. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  { timeout = 15_000, interval = 100, what = 'a condition' }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
      if (e instanceof Error && /import failed/.test(e.message)) throw e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}
