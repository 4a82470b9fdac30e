import { browser, type Browser } from 'wxt/browser';
import { parseEnvelope, senderAllowed } from '../../lib/messages/validate';
import type { MessageType, Req, Res } from '../../lib/messages/protocol';

type Sender = Browser.runtime.MessageSender;
export type Handlers = { [T in MessageType]?: (payload: Req<T>, sender: Sender) => Promise<Res<T>> | Res<T> };

/**
 * The background's single entry for messages: unknown types, malformed payloads and senders
 * that may not ask for a message are refused before any handler runs.
 */
export function listen(handlers: Handlers): void {
  const policy = { extensionId: browser.runtime.id, extensionBaseUrl: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((msg: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    const env = parseEnvelope(msg);
    if (!env) {
      console.warn('[ita-evidence] refused malformed message', (msg as { type?: unknown })?.type);
      return false;
    }
    const handler = handlers[env.type] as ((p: unknown, s: Sender) => unknown) | undefined;
    if (!handler || !senderAllowed(env.type, sender, policy)) {
      console.warn('[ita-evidence] refused message from untrusted sender', env.type);
      return false;
    }
    Promise.resolve()
      .then(() => handler(env.payload, sender))
      .then(sendResponse, (e: unknown) => sendResponse({ ok: false, code: 'failed', detail: e instanceof Error ? e.message : String(e) }));
    return true;
  });
}
