import { browser, type Browser } from 'wxt/browser';
import { isMessageType, isPayloadOf, senderAllowed, type SenderPolicy } from '../../lib/messages/validate';
import type { MessageType, Req, Res } from '../../lib/messages/protocol';
import { isPlainObject } from '../../lib/util/guards';

type Sender = Browser.runtime.MessageSender;
export type Handler<T extends MessageType> = (payload: Req<T>, sender: Sender) => Promise<Res<T>> | Res<T>;
export type Handlers = { [T in MessageType]?: Handler<T> };

export type Refusal = 'malformed' | 'sender' | 'unhandled';

/**
 * Routes one message: unknown types, malformed payloads and senders that may not ask for a message are
 * refused before any handler runs. The handler's reply, or a refusal, comes back as a promise.
 */
export function route(
  handlers: Handlers,
  policy: SenderPolicy,
  msg: unknown,
  sender: Sender,
): Promise<unknown> | Refusal {
  if (!isPlainObject(msg) || !isMessageType(msg.type)) return 'malformed';
  return routeTyped(handlers, policy, msg.type, msg.payload, sender);
}

function routeTyped<T extends MessageType>(
  handlers: Handlers,
  policy: SenderPolicy,
  type: T,
  payload: unknown,
  sender: Sender,
): Promise<Res<T>> | Refusal {
  if (!isPayloadOf(type, payload)) return 'malformed';
  const handler: Handlers[T] = handlers[type];
  if (!handler) return 'unhandled';
  if (!senderAllowed(type, sender, policy)) return 'sender';
  return Promise.resolve().then(() => handler(payload, sender));
}

/** The background's single entry for messages (see `route`). */
export function listen(handlers: Handlers): void {
  const policy = { extensionId: browser.runtime.id, extensionBaseUrl: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((msg: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    const reply = route(handlers, policy, msg, sender);
    if (typeof reply === 'string') {
      console.warn(`[ita-evidence] refused message (${reply})`, isPlainObject(msg) ? msg.type : undefined);
      return false;
    }
    reply.then(sendResponse, (e: unknown) =>
      sendResponse({ ok: false, code: 'failed', detail: e instanceof Error ? e.message : String(e) }),
    );
    return true;
  });
}
