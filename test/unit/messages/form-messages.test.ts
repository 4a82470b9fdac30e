import { describe, expect, it } from 'vitest';
import { parseEnvelope, senderAllowed } from '../../../lib/messages/validate';

const token = 'abcdefghijklmnopqrstuvwxyzABCDEF';
const save = { token, criteria: ['O5'], note: '', mode: 'viewport', elementTicks: { O5: ['phone'] }, documents: [] };
const policy = { extensionId: 'ext', extensionBaseUrl: 'chrome-extension://ext/' };
const frame = { id: 'ext', url: 'chrome-extension://0f6c2b8a-dynamic/overlay-form.html', tab: { id: 7 }, frameId: 3 };

describe('form frame messages', () => {
  it('accept a well-formed Save with a token', () => {
    expect(parseEnvelope({ type: 'form/save', payload: save })).not.toBeNull();
    expect(
      parseEnvelope({ type: 'form/draft', payload: { token, draft: { criteria: ['O1'], note: 'x' } } }),
    ).not.toBeNull();
    expect(parseEnvelope({ type: 'form/draft', payload: { token, draft: null } })).not.toBeNull();
  });

  it.each([
    ['no token', { ...save, token: undefined }],
    ['a short token', { ...save, token: 'abc' }],
    ['a token with markup', { ...save, token: '<img src=x onerror=alert(1)>aaaaaaaaaaaa' }],
    ['no criteria', { ...save, criteria: [] }],
    ['a bad mode', { ...save, mode: 'everything' }],
    ['a file: document', { ...save, documents: ['file:///etc/passwd'] }],
  ])('refuse a Save with %s', (_name, payload) => {
    expect(parseEnvelope({ type: 'form/save', payload })).toBeNull();
  });

  it('refuse an unknown layout and a draft with bad codes', () => {
    expect(parseEnvelope({ type: 'form/layout', payload: { token, mode: 'fullscreen', height: 10 } })).toBeNull();
    expect(
      parseEnvelope({ type: 'form/draft', payload: { token, draft: { criteria: ['<b>'], note: '' } } }),
    ).toBeNull();
  });

  it('come only from our form page framed in a tab (dynamic extension URL included)', () => {
    expect(senderAllowed('form/save', frame, policy)).toBe(true);
    expect(senderAllowed('form/save', { ...frame, url: 'moz-extension://uuid/overlay-form.html' }, policy)).toBe(true);
    expect(senderAllowed('form/save', { ...frame, frameId: 0 }, policy)).toBe(false);
    expect(senderAllowed('form/save', { ...frame, tab: undefined }, policy)).toBe(false);
    expect(senderAllowed('form/save', { ...frame, url: 'https://evil.example/overlay-form.html' }, policy)).toBe(false);
    expect(senderAllowed('form/save', { ...frame, url: 'chrome-extension://ext/sidepanel.html' }, policy)).toBe(false);
    expect(senderAllowed('form/save', { ...frame, id: 'other-extension' }, policy)).toBe(false);
  });

  it('the form frame cannot pose as the content script, nor the content script as the frame', () => {
    expect(senderAllowed('overlay/open-form', { ...frame, frameId: 0 }, policy)).toBe(false);
    expect(
      senderAllowed('form/hello', { id: 'ext', url: 'https://www.tuayang.go.th/', tab: { id: 7 }, frameId: 0 }, policy),
    ).toBe(false);
  });
});
