import { browser } from 'wxt/browser';
import type { MessageType, Req, Res } from '../messages/protocol';

/** Typed wrapper over runtime.sendMessage: the one way contexts talk to the background. */
export async function sendToBackground<T extends MessageType>(type: T, payload: Req<T>): Promise<Res<T>> {
  return (await browser.runtime.sendMessage({ type, payload })) as Res<T>;
}

export async function sendToTab<T extends MessageType>(tabId: number, type: T, payload: Req<T>): Promise<Res<T>> {
  return (await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 })) as Res<T>;
}

export type Handler<T extends MessageType> = (payload: Req<T>, sender: Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1]) => Promise<Res<T>> | Res<T>;
