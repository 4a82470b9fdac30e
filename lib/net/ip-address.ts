/**
 * IP literals and the address classes the network policy tells apart. Hand-written: the
 * classification is a short table of CIDR ranges, and the parsing must accept exactly what WHATWG
 * URL hosts and DNS answers contain (dotted IPv4, IPv6 with an embedded IPv4 tail).
 */

export type AddressClass =
  'public' | 'loopback' | 'private' | 'unique-local' | 'link-local' | 'unspecified' | 'metadata' | 'reserved';

/** Cloud instance-metadata endpoints that are not already link-local. */
const METADATA_ADDRESSES = new Set(['100.100.100.200', '168.63.129.16', 'fd00:ec2:0:0:0:0:0:254']);

/** Host names of instance-metadata services (cloud VMs answer them with credentials). */
const METADATA_HOSTS = [
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.com',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
  'metadata.platformequinix.com',
  'metadata.packet.net',
];

function parseIpv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4) return null;
  const nums = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return nums.every((n) => n >= 0 && n <= 255) ? nums : null;
}

/** Expands an IPv6 literal (no brackets, no zone) to 8 groups; null when it is not one. */
function parseIpv6(host: string): number[] | null {
  if (!host.includes(':')) return null;
  let h = host.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (v4) {
    const q = parseIpv4(v4[1]!);
    if (!q) return null;
    h = h.slice(0, -v4[1]!.length) + `${((q[0]! << 8) | q[1]!).toString(16)}:${((q[2]! << 8) | q[3]!).toString(16)}`;
  }
  const halves = h.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s ? s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)) : []);
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const known = head.length + rest.length;
  if ([...head, ...rest].some(Number.isNaN) || known > 8 || (halves.length === 1 && known !== 8)) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest];
}

function classifyIpv4([a, b, c, d]: number[]): AddressClass {
  if (METADATA_ADDRESSES.has(`${a}.${b}.${c}.${d}`)) return 'metadata';
  if (a === 0) return 'unspecified'; // 0.0.0.0/8 ("this network"): connects to the machine itself
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b! >= 64 && b! <= 127) return 'private'; // carrier-grade NAT
  if (a === 192 && b === 0 && c === 0) return 'private'; // IETF protocol assignments
  if (a === 198 && (b === 18 || b === 19)) return 'private'; // benchmarking networks
  if (a! >= 224) return 'reserved'; // multicast, 240/4 and broadcast: never a web server
  return 'public';
}

function classifyIpv6(g: number[]): AddressClass {
  const key = g.map((x) => x.toString(16)).join(':');
  if (METADATA_ADDRESSES.has(key)) return 'metadata';
  const embedded = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255];
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  // IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96: judge the IPv4 inside.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0))
    return classifyIpv4(embedded(g[6]!, g[7]!));
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return classifyIpv4(embedded(g[6]!, g[7]!));
  if (g[0] === 0x2002) return classifyIpv4(embedded(g[1]!, g[2]!)); // 6to4 carries an IPv4 address
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0]! & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g[0]! & 0xffc0) === 0xfec0) return 'unique-local'; // deprecated site-local
  if ((g[0]! & 0xff00) === 0xff00) return 'reserved'; // multicast
  return 'public';
}

/** The class of an IP literal (IPv4 dotted, IPv6 with or without brackets); null for a host name. */
export function classifyIp(address: string): AddressClass | null {
  const a = address.replace(/^\[|\]$/g, '');
  const v4 = parseIpv4(a);
  if (v4) return classifyIpv4(v4);
  const v6 = parseIpv6(a);
  return v6 ? classifyIpv6(v6) : null;
}

/**
 * The class of a URL host: an IP literal by its range; names that only ever mean this machine or
 * its network (localhost, *.local, *.internal) by name; metadata names always. Other names are
 * 'public' here and are judged again by the addresses they resolve to.
 */
export function classifyHost(hostname: string): AddressClass {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (!host) return 'unspecified';
  const ip = classifyIp(host);
  if (ip) return ip;
  if (METADATA_HOSTS.includes(host)) return 'metadata';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.home.arpa')) return 'private';
  return 'public';
}

/** Never reachable, whatever the options: they reach the machine itself or its cloud credentials. */
export const ALWAYS_REFUSED: ReadonlySet<AddressClass> = new Set(['link-local', 'unspecified', 'metadata', 'reserved']);
/** Refused unless private addresses are allowed (or the host is the configured main website). */
export const PRIVATE_CLASSES: ReadonlySet<AddressClass> = new Set(['loopback', 'private', 'unique-local']);
