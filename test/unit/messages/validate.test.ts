import { describe, expect, it } from 'vitest';
import { parseEnvelope, senderAllowed } from '../../../lib/messages/validate';
import type { CaptureRequest } from '../../../lib/messages/protocol';

const policy = { extensionId: 'abc', extensionBaseUrl: 'chrome-extension://abc/' };
const page = {
  url: 'https://www.tuayang.go.th/o5.html?x=1',
  title: 'O5',
  text: 'ข้อความ',
  html: '<p>x</p>',
  viewport: { width: 1280, height: 720 },
  dpr: 1,
  httpStatus: 200,
  documentLinks: [],
};
const capture: CaptureRequest = {
  criteria: ['O5'],
  note: '',
  mode: 'viewport',
  elementTicks: { O5: ['phone'] },
  page,
  documents: [],
};

describe('message validation', () => {
  it('accepts a well-formed capture request', () => {
    expect(parseEnvelope({ type: 'capture/save', payload: capture })).not.toBeNull();
  });

  it('accepts a well-formed trail event', () => {
    expect(
      parseEnvelope({
        type: 'trail/event',
        payload: { url: 'https://x.go.th/ita', linkText: 'ITA', fromUrl: 'https://x.go.th/', via: 'click' },
      }),
    ).not.toBeNull();
  });

  it('accepts an executives request for one item code', () => {
    expect(parseEnvelope({ type: 'overlay/executives', payload: { item: 'O2' } })).not.toBeNull();
  });

  it.each([
    ['executives for a bad code', { type: 'overlay/executives', payload: { item: '*' } }],
    ['executives with extra keys', { type: 'overlay/executives', payload: { item: 'O2', all: true } }],
    ['unknown type', { type: 'evidence/delete-all', payload: {} }],
    ['no payload', { type: 'capture/save' }],
    ['not an object', 'capture/save'],
    ['no criteria', { type: 'capture/save', payload: { ...capture, criteria: [] } }],
    ['bad criterion code', { type: 'capture/save', payload: { ...capture, criteria: ['<img>'] } }],
    ['bad mode', { type: 'capture/save', payload: { ...capture, mode: 'everything' } }],
    [
      'javascript: page URL',
      { type: 'capture/save', payload: { ...capture, page: { ...page, url: 'javascript:alert(1)' } } },
    ],
    ['file: document URL', { type: 'capture/save', payload: { ...capture, documents: ['file:///etc/passwd'] } }],
    [
      'document URL with credentials',
      { type: 'capture/save', payload: { ...capture, documents: ['https://admin:pw@www.tuayang.go.th/a.pdf'] } },
    ],
    [
      'document listed twice',
      {
        type: 'capture/save',
        payload: { ...capture, documents: ['https://www.tuayang.go.th/a.pdf', 'https://www.tuayang.go.th/a.pdf'] },
      },
    ],
    [
      'more than 20 documents',
      {
        type: 'capture/save',
        payload: { ...capture, documents: Array.from({ length: 21 }, (_, i) => `https://www.tuayang.go.th/${i}.pdf`) },
      },
    ],
    ['absurd dpr', { type: 'capture/save', payload: { ...capture, page: { ...page, dpr: 1e9 } } }],
    ['ticks for a bad code', { type: 'capture/save', payload: { ...capture, elementTicks: { 'x y': ['a'] } } }],
    ['extra keys on an empty request', { type: 'overlay/config', payload: { steal: true } }],
    ['scroll to text', { type: 'page/scroll-to', payload: { y: 'top' } }],
    [
      'trail event from a data URL',
      { type: 'trail/event', payload: { url: 'data:text/html,x', linkText: '', fromUrl: '', via: 'load' } },
    ],
    [
      'trail event of unknown kind',
      { type: 'trail/event', payload: { url: 'https://x.go.th/', linkText: '', fromUrl: '', via: 'typed' } },
    ],
  ])('rejects a malformed message: %s', (_name, msg) => {
    expect(parseEnvelope(msg)).toBeNull();
  });

  it('accepts content messages only from our own content script in a top frame', () => {
    const tab = { id: 7, url: page.url };
    expect(senderAllowed('capture/save', { id: 'abc', url: page.url, tab, frameId: 0 }, policy)).toBe(true);
    expect(senderAllowed('capture/save', { id: 'other-extension', url: page.url, tab, frameId: 0 }, policy)).toBe(
      false,
    );
    expect(senderAllowed('capture/save', { id: 'abc', url: page.url, tab, frameId: 3 }, policy)).toBe(false);
    expect(senderAllowed('capture/save', { id: 'abc', url: page.url }, policy)).toBe(false);
  });

  it('accepts privileged messages only from extension pages', () => {
    expect(senderAllowed('settings/apply', { id: 'abc', url: 'chrome-extension://abc/options.html' }, policy)).toBe(
      true,
    );
    expect(
      senderAllowed(
        'settings/apply',
        { id: 'abc', url: 'https://www.tuayang.go.th/', tab: { id: 1 }, frameId: 0 },
        policy,
      ),
    ).toBe(false);
    expect(senderAllowed('settings/apply', { id: 'abc', url: 'chrome-extension://evil/options.html' }, policy)).toBe(
      false,
    );
  });

  it('never accepts background-only messages from anyone', () => {
    expect(senderAllowed('page/scroll-to', { id: 'abc', url: 'chrome-extension://abc/sidepanel.html' }, policy)).toBe(
      false,
    );
  });
});
