import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { listen, route } from '../../../entrypoints/background/router';

const EXT = fakeBrowser.runtime.id;
const policy = { extensionId: EXT, extensionBaseUrl: `chrome-extension://${EXT}/` };
const contentSender = {
  id: EXT,
  url: 'https://town.go.th/ita',
  tab: { id: 7, url: 'https://town.go.th/ita' },
  frameId: 0,
} as Browser.runtime.MessageSender;
const pageSender: Browser.runtime.MessageSender = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
const trail = { url: 'https://town.go.th/ita', linkText: 'ITA', fromUrl: 'https://town.go.th/', via: 'click' };

/** Sends a message through the real listener and waits for its reply (undefined when refused). */
async function send(msg: unknown, sender: object): Promise<{ handled: boolean; reply: unknown }> {
  let reply: unknown;
  const results = await fakeBrowser.runtime.onMessage.trigger(msg, sender, (r: unknown) => (reply = r));
  const handled = results.some((r: unknown) => r === true);
  await vi.waitFor(() => expect(handled ? reply : 'none').toBeDefined());
  return { handled, reply };
}

describe('background router', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('runs the handler of a valid message from an allowed sender and replies with its result', async () => {
    const handler = vi.fn(async () => ({ ok: true as const }));
    listen({ 'trail/event': handler });
    const { handled, reply } = await send({ type: 'trail/event', payload: trail }, contentSender);
    expect(handled).toBe(true);
    expect(reply).toEqual({ ok: true });
    expect(handler).toHaveBeenCalledWith(trail, contentSender);
  });

  it('refuses unknown types, malformed payloads and wrong senders before any handler runs', async () => {
    const handler = vi.fn(() => ({ ok: true as const, registered: true }));
    const trailHandler = vi.fn(async () => ({ ok: true as const }));
    listen({ 'settings/apply': handler, 'trail/event': trailHandler });
    expect((await send({ type: 'evidence/delete-all', payload: {} }, pageSender)).handled).toBe(false);
    expect(
      (await send({ type: 'trail/event', payload: { ...trail, url: 'javascript:alert(1)' } }, contentSender)).handled,
    ).toBe(false);
    expect((await send({ type: 'settings/apply', payload: {} }, contentSender)).handled).toBe(false);
    expect((await send({ type: 'trail/event', payload: trail }, { ...contentSender, frameId: 3 })).handled).toBe(false);
    expect(
      (await send({ type: 'settings/apply', payload: {} }, { ...pageSender, id: 'another-extension' })).handled,
    ).toBe(false);
    expect(handler).not.toHaveBeenCalled();
    expect(trailHandler).not.toHaveBeenCalled();
    expect((await send({ type: 'settings/apply', payload: {} }, pageSender)).reply).toEqual({
      ok: true,
      registered: true,
    });
  });

  it('turns a throwing handler into a failed reply instead of leaving the sender waiting', async () => {
    listen({ 'trail/event': async () => Promise.reject(new Error('disk full')) });
    const { reply } = await send({ type: 'trail/event', payload: trail }, contentSender);
    expect(reply).toEqual({ ok: false, code: 'failed', detail: 'disk full' });
  });

  it('says why it refused', () => {
    const handlers = { 'trail/event': async () => ({ ok: true as const }) };
    expect(route(handlers, policy, 'not an object', contentSender)).toBe('malformed');
    expect(route(handlers, policy, { type: 'trail/event', payload: {} }, contentSender)).toBe('malformed');
    expect(route(handlers, policy, { type: 'capture/cancel', payload: {} }, contentSender)).toBe('unhandled');
    expect(route(handlers, policy, { type: 'trail/event', payload: trail }, pageSender)).toBe('sender');
  });
});
