/**
 * The card's one node in the page: a custom element with an open shadow root holding the card's
 * styles and a container for the UI. What WXT's createShadowRootUi made for the card, without its
 * auto-mounting, anchor selectors and element-name checks, which the card does not use and which
 * were a twentieth of the content script's size (issue 14: ≤ 60 KB gzipped).
 */
import { browser, type PublicPath } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface CardHostOptions {
  /** The host element's tag name (a valid custom element name). */
  name: string;
  zIndex: number;
  /** Where the host goes (appended as its last child) each time it is mounted. */
  anchor: () => Element;
  /** Called with the container after each mount; what it returns is `mounted`. */
  onMount: (container: HTMLElement) => HTMLElement;
  /** Called before the host is taken off the page. */
  onRemove: (mounted: HTMLElement | undefined) => void;
}

export interface CardHost {
  shadow: ShadowRoot;
  shadowHost: HTMLElement;
  uiContainer: HTMLElement;
  readonly mounted: HTMLElement | undefined;
  mount(): void;
  remove(): void;
}

/**
 * The content script's own sheet (cssInjectionMode 'ui': the manifest does not inject it into the
 * page), from the extension's files; empty, with a warning, when it cannot be read.
 */
async function loadCss(): Promise<string> {
  // Built from the content script's CSS imports (WXT's generated path list does not name it).
  const url = browser.runtime.getURL('/content-scripts/content.css' as PublicPath);
  try {
    return await (await fetch(url)).text();
  } catch (error) {
    console.warn('[khabar] the card styles could not be read', error);
    return '';
  }
}

export async function createCardHost(ctx: ContentScriptContext, options: CardHostOptions): Promise<CardHost> {
  // The page's styles stop at the host: `all: initial`; the sheet's :root rules are the host's.
  // (WXT also moved @font-face and @property rules into a <style> in the page; the card's sheet
  // has none, and the host is to be the only node the extension adds.)
  const css = `:host{all:initial !important;}\n${(await loadCss()).replaceAll(':root', ':host')}`;
  const shadowHost = document.createElement(options.name);
  const shadow = shadowHost.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const uiContainer = document.createElement('div');
  shadow.append(style, uiContainer);
  // Keys typed while focus is in the card (its close button) are not the page's business.
  for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (e) => e.stopPropagation());
  let mounted: HTMLElement | undefined;
  const mount = () => {
    options.anchor().append(shadowHost);
    // 0×0 and in the flow at the end of its parent: it shifts nothing in the page's layout.
    Object.assign(shadowHost.style, { zIndex: String(options.zIndex), overflow: 'visible', position: 'relative', width: '0', height: '0', display: 'block' });
    Object.assign(uiContainer.style, { position: 'absolute', top: '0', left: '0' });
    mounted = options.onMount(uiContainer);
  };
  const remove = () => {
    options.onRemove(mounted);
    shadowHost.remove();
    uiContainer.replaceChildren();
    mounted = undefined;
  };
  ctx.onInvalidated(remove);
  return {
    shadow,
    shadowHost,
    uiContainer,
    get mounted() {
      return mounted;
    },
    mount,
    remove,
  };
}

/**
 * Whether `node` is one of the extension's hosts (the card's, the save notice's: elements named
 * `hostName`) or inside one's shadow root: the scanner leaves them alone, so the notice's headline
 * is never highlighted or counted as the page's names.
 */
export function isInExtensionHost(node: Node, hostName: string): boolean {
  const name = hostName.toUpperCase();
  if (node.nodeName === name) return true;
  const root = node.getRootNode?.() as Partial<ShadowRoot> | undefined;
  return root?.nodeType === Node.DOCUMENT_FRAGMENT_NODE && root.host?.nodeName === name;
}
