import { describe, expect, it } from 'vitest';
import { documentFetchDecision, isPrivateHost } from '../../../lib/net/address-policy';

describe('isPrivateHost', () => {
  it('flags loopback, private, link-local, CGNAT and unspecified IPv4', () => {
    for (const h of [
      '127.0.0.1',
      '127.0.0.2',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '100.127.1.1',
      '0.0.0.0',
    ]) {
      expect(isPrivateHost(h), h).toBe(true);
    }
  });

  it('lets public IPv4 through, including the neighbours of private ranges', () => {
    for (const h of [
      '8.8.8.8',
      '172.15.0.1',
      '172.32.0.1',
      '100.63.0.1',
      '100.128.0.1',
      '192.169.0.1',
      '164.115.1.1',
    ]) {
      expect(isPrivateHost(h), h).toBe(false);
    }
  });

  it('flags IPv6 loopback, unique-local, link-local and mapped private IPv4', () => {
    for (const h of [
      '[::1]',
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'febf::1',
      '::ffff:127.0.0.1',
      '::ffff:c0a8:101',
    ]) {
      expect(isPrivateHost(h), h).toBe(true);
    }
    for (const h of ['2001:4860:4860::8888', '[2404:6800::1]', '::ffff:8.8.8.8'])
      expect(isPrivateHost(h), h).toBe(false);
  });

  it('flags local names', () => {
    for (const h of ['localhost', 'LOCALHOST', 'printer.local', 'a.localhost', 'localhost.'])
      expect(isPrivateHost(h), h).toBe(true);
    expect(isPrivateHost('www.tessaban.go.th')).toBe(false);
  });
});

describe('documentFetchDecision', () => {
  const ctx = { tabUrl: 'https://www.tessaban.go.th/ita/o11.html', homeUrl: 'https://www.tessaban.go.th/' };

  it('fetches same-site documents with cookies and other sites without', () => {
    expect(documentFetchDecision('https://www.tessaban.go.th/files/a.pdf', ctx)).toEqual({
      ok: true,
      credentials: 'include',
    });
    expect(documentFetchDecision('https://drive.example.com/a.pdf', ctx)).toEqual({ ok: true, credentials: 'omit' });
    // Another subdomain is another host: no cookies.
    expect(documentFetchDecision('https://files.tessaban.go.th/a.pdf', ctx)).toEqual({ ok: true, credentials: 'omit' });
  });

  it('refuses non-http schemes, URLs with credentials and malformed URLs', () => {
    expect(documentFetchDecision('file:///etc/passwd', ctx)).toEqual({ ok: false, reason: 'not-http' });
    expect(documentFetchDecision('ftp://x.example/a.pdf', ctx)).toEqual({ ok: false, reason: 'not-http' });
    expect(documentFetchDecision('https://user:pw@www.tessaban.go.th/a.pdf', ctx)).toEqual({
      ok: false,
      reason: 'credentials-in-url',
    });
    expect(documentFetchDecision('not a url', ctx)).toEqual({ ok: false, reason: 'invalid-url' });
  });

  it("refuses private addresses unless they are the tab's or the configured site's own host", () => {
    expect(documentFetchDecision('http://192.168.1.1/admin.pdf', ctx)).toEqual({
      ok: false,
      reason: 'private-address',
    });
    expect(documentFetchDecision('http://127.0.0.2:8080/secret.pdf', ctx)).toEqual({
      ok: false,
      reason: 'private-address',
    });
    expect(documentFetchDecision('http://[::1]/a.pdf', ctx)).toEqual({ ok: false, reason: 'private-address' });
    expect(documentFetchDecision('http://2130706433/a.pdf', ctx)).toEqual({ ok: false, reason: 'private-address' });
    const local = { tabUrl: 'http://127.0.0.1:4173/ita/o11.html', homeUrl: 'http://127.0.0.1:4173/' };
    expect(documentFetchDecision('http://127.0.0.1:4173/docs/report.pdf', local)).toEqual({
      ok: true,
      credentials: 'include',
    });
    expect(documentFetchDecision('http://127.0.0.2:4173/docs/report.pdf', local)).toEqual({
      ok: false,
      reason: 'private-address',
    });
    const intranet = { tabUrl: null, homeUrl: 'http://intranet.local/' };
    expect(documentFetchDecision('http://intranet.local/a.pdf', intranet)).toEqual({
      ok: true,
      credentials: 'include',
    });
  });
});
