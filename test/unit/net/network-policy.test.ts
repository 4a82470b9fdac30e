import { describe, expect, it } from 'vitest';
import { classifyHost, classifyIp } from '../../../lib/net/ip-address';
import { hostsOf, refuseAddress, refuseUrl, type NetworkPolicy } from '../../../lib/net/network-policy';

const strict: NetworkPolicy = { allowPrivate: false, allowHosts: [] };
const open: NetworkPolicy = { allowPrivate: true, allowHosts: [] };

describe('address classes', () => {
  it.each([
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:a9fe:a9fe::1', 'link-local'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['ff02::1', 'reserved'],
    ['8.8.8.8', 'public'],
    ['172.15.0.1', 'public'],
    ['172.32.0.1', 'public'],
    ['164.115.1.1', 'public'],
    ['2404:6800::1', 'public'],
    ['::ffff:8.8.8.8', 'public'],
  ])('%s is %s', (ip, cls) => {
    expect(classifyIp(ip)).toBe(cls);
  });

  it('judges names that only ever mean a local or metadata host by name, and leaves others to DNS', () => {
    expect(classifyHost('localhost')).toBe('loopback');
    expect(classifyHost('a.localhost.')).toBe('loopback');
    expect(classifyHost('metadata.google.internal')).toBe('metadata');
    expect(classifyHost('METADATA')).toBe('metadata');
    expect(classifyHost('printer.local')).toBe('private');
    expect(classifyHost('[fe80::1]')).toBe('link-local');
    expect(classifyHost('www.tessaban.go.th')).toBe('public');
    expect(classifyIp('www.tessaban.go.th')).toBeNull();
  });
});

describe('refuseUrl / refuseAddress', () => {
  it('always refuses link-local, unspecified, metadata and non-http(s), even with private allowed or as the site host', () => {
    const own: NetworkPolicy = { allowPrivate: true, allowHosts: ['169.254.169.254', 'metadata.google.internal'] };
    for (const url of [
      'http://169.254.169.254/latest/',
      'http://[fe80::1]/',
      'http://0.0.0.0/',
      'http://metadata.google.internal/',
      'http://[::ffff:169.254.169.254]/',
    ]) {
      expect(refuseUrl(url, own), url).not.toBeNull();
    }
    expect(refuseUrl('file:///etc/passwd', own)).toEqual({ reason: 'not-http', host: '', address: null });
    expect(refuseUrl('javascript:alert(1)', own)?.reason).toBe('not-http');
    expect(refuseUrl('not a url', own)?.reason).toBe('invalid-url');
    expect(refuseAddress('site.example', '169.254.1.1', own)).toEqual({
      reason: 'link-local',
      host: 'site.example',
      address: '169.254.1.1',
    });
  });

  it('refuses private, loopback and unique-local by default; allows them with allowPrivate or for the main website host', () => {
    expect(refuseUrl('http://10.0.0.1/', strict)).toEqual({ reason: 'private', host: '10.0.0.1', address: null });
    expect(refuseUrl('http://127.0.0.1:8080/', strict)?.reason).toBe('loopback');
    expect(refuseUrl('http://[fd00::5]/', strict)?.reason).toBe('unique-local');
    expect(refuseUrl('http://10.0.0.1/', open)).toBeNull();
    const site: NetworkPolicy = { allowPrivate: false, allowHosts: hostsOf(['http://intranet.city.go.th/']) };
    expect(refuseAddress('intranet.city.go.th', '10.9.9.9', site)).toBeNull();
    expect(refuseAddress('other.city.go.th', '10.9.9.9', site)?.reason).toBe('private');
    expect(refuseUrl('https://www.tessaban.go.th/ita', strict)).toBeNull();
    expect(refuseAddress('www.tessaban.go.th', '164.115.1.1', strict)).toBeNull();
    expect(refuseAddress('x.example', 'not-an-ip', open)?.reason).toBe('reserved');
  });
});
