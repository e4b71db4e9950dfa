/**
 * The notice after "Save this page" from the context menu (tab message `saveNotice`, top frame
 * only): rendered in a host element of the extension's own (card-host.ts: an open shadow root,
 * the page's styles stop at it), made when a notice shows and taken off the page when it goes.
 * Nothing else in the page's DOM changes, and the focus stays where the reader has it. The state
 * is components/save-notice-state.ts; this module carries out its effects (render, timers).
 */
import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SaveNotice } from '../../components/SaveNotice.tsx';
import { HIDDEN, noticeTransition, type NoticeEvent, type NoticeState } from '../../components/save-notice-state.ts';
import { HOST_ELEMENT_NAME, SAVE_NOTICE_MS, SAVE_NOTICE_RELEASE_MS } from '../../lib/constants.ts';
import { sendRequest } from '../../lib/messages.ts';
import { asTabMessage } from '../../lib/messages/tab-messages.ts';
import { createCardHost, type CardHost } from './card-host.ts';
import { adoptShadowStyles } from './shadow-styles.ts';

export class SaveNotices {
  private state: NoticeState = HIDDEN;
  private host: Promise<CardHost> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ctx: ContentScriptContext) {}

  dispatch(event: NoticeEvent): void {
    const { state, effects } = noticeTransition(this.state, event);
    this.state = state;
    for (const effect of effects) {
      switch (effect.type) {
        case 'render':
          void this.render();
          break;
        case 'unmount':
          void this.host?.then((host) => host.remove());
          break;
        case 'startTimer':
          clearTimeout(this.timer);
          this.timer = setTimeout(() => this.dispatch({ type: 'expire', id: effect.id }), effect.ms === 'show' ? SAVE_NOTICE_MS : SAVE_NOTICE_RELEASE_MS);
          break;
        case 'stopTimer':
          clearTimeout(this.timer);
          this.timer = undefined;
          break;
      }
    }
  }

  private hostUi(): Promise<CardHost> {
    return (this.host ??= createCardHost(this.ctx, {
      name: HOST_ELEMENT_NAME,
      zIndex: 2147483647,
      anchor: () => document.documentElement,
      onMount: (container) => container,
      onRemove: (container) => {
        if (container) render(null, container);
      },
    }).then((host) => {
      adoptShadowStyles(host.shadow);
      return host;
    }));
  }

  private async render(): Promise<void> {
    const host = await this.hostUi();
    const state = this.state;
    if (state.kind !== 'shown') return;
    if (!host.shadowHost.isConnected) host.mount();
    render(
      h(SaveNotice, {
        notice: state.notice,
        onOpenLibrary: () => void sendRequest({ type: 'openLibrary' }).catch((e: unknown) => console.warn('[khabar] could not open the library', e)),
        onClose: () => this.dispatch({ type: 'close' }),
        onHold: () => this.dispatch({ type: 'hold' }),
        onRelease: () => this.dispatch({ type: 'release' }),
      }),
      host.mounted ?? host.uiContainer,
    );
  }

  /** Listen for the background's `saveNotice` (top frame); returns the unsubscribe. */
  listen(): () => void {
    const listener = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void): boolean => {
      if (window !== window.top) return false;
      const m = asTabMessage(message, 'saveNotice');
      if (!m) return false;
      try {
        this.dispatch({ type: 'show', notice: { outcome: m.outcome, text: m.text, lang: m.lang } });
        sendResponse({ ok: true });
      } catch (error) {
        console.warn('[khabar] the save notice failed', error);
        sendResponse({ ok: false });
      }
      return false;
    };
    browser.runtime.onMessage.addListener(listener as never);
    return () => {
      browser.runtime.onMessage.removeListener(listener as never);
      clearTimeout(this.timer);
      void this.host?.then((host) => host.remove());
    };
  }
}
