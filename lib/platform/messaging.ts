import { browser } from 'wxt/browser';
import type { MessageType, Req, Res } from '../messages/protocol';

/** Typed wrapper over runtime.sendMessage: the one way contexts talk to the background. */
export async function sendToBackground<T extends MessageType>(type: T, payload: Req<T>): Promise<Res<T>> {
  return browser.runtime.sendMessage<unknown, Res<T>>({ type, payload });
}

export async function sendToTab<T extends MessageType>(tabId: number, type: T, payload: Req<T>): Promise<Res<T>> {
  return browser.tabs.sendMessage<unknown, Res<T>>(tabId, { type, payload }, { frameId: 0 });
}
