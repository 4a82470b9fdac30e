import { describe, expect, it } from 'vitest';
import { sameSite, siteKey } from '../../../lib/util/url';

describe('sameSite', () => {
  const HOME = 'https://www.tuayang.go.th/index.php?lang=th';

  it('ignores the scheme and a leading www.', () => {
    expect(sameSite('http://www.tuayang.go.th/ita.php', HOME)).toBe(true);
    expect(sameSite('https://tuayang.go.th/', HOME)).toBe(true);
    expect(sameSite('http://TUAYANG.go.th/x#y', 'https://tuayang.go.th')).toBe(true);
  });

  it('ignores the port, as match patterns do', () => {
    expect(sameSite('http://127.0.0.1:43123/ita/', 'http://127.0.0.1')).toBe(true);
  });

  it('reads a match-pattern origin with a * scheme', () => {
    expect(sameSite('http://tuayang.go.th/', '*://www.tuayang.go.th')).toBe(true);
  });

  it('keeps other hosts, look-alikes and sub-domains apart', () => {
    expect(sameSite('https://tuayang.go.th.evil.example/', HOME)).toBe(false);
    expect(sameSite('https://eservice.tuayang.go.th/', HOME)).toBe(false);
    expect(sameSite('https://wwwtuayang.go.th/', HOME)).toBe(false);
    expect(sameSite('ftp://www.tuayang.go.th/', HOME)).toBe(false);
    expect(sameSite('not a url', HOME)).toBe(false);
    expect(sameSite('not a url', 'not a url')).toBe(false);
  });

  it('gives the key it compares', () => {
    expect(siteKey('https://www.Tuayang.go.th:8443/a')).toBe('tuayang.go.th');
    expect(siteKey('file:///etc/passwd')).toBeNull();
  });
});
