// A tiny static file server for the demo site and the e2e fixture sites (Node only, node:http).
//
// Charset convention: every `.html` file is sent as `text/html; charset=utf-8`, except
//   - files whose name ends in `.tis620.html` or that are named `tis620.html` → `charset=windows-874`;
//   - any path listed in `charsetOverrides` (key: URL path such as "/ita/tis620.html", value: charset).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

type OverrideHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface StaticServerOptions {
  root: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** URL path (decoded, leading slash) → charset for HTML files. */
  charsetOverrides?: Record<string, string>;
  /** Delay before every response, in milliseconds. */
  latencyMs?: number;
  onRequest?(req: IncomingMessage): void;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Replace the response for one URL path (query ignored); null removes the override. */
  setOverride(urlPath: string, handler: OverrideHandler | null): void;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};

const NOT_FOUND_HTML = `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>ไม่พบหน้าที่ต้องการ (404)</title></head>
<body><h1>ไม่พบหน้าที่ต้องการ</h1><p>Page not found (404).</p></body></html>
`;

/** Content-Type for a file path; `urlPath` is used for charset overrides. */
export function contentTypeFor(
  filePath: string,
  urlPath: string,
  charsetOverrides: Record<string, string> = {},
): string {
  const ext = path.extname(filePath).toLowerCase();
  const base = CONTENT_TYPES[ext] ?? 'application/octet-stream';
  if (ext !== '.html' && ext !== '.htm') return base;
  const override = charsetOverrides[urlPath];
  if (override) return `text/html; charset=${override}`;
  const name = path.basename(filePath).toLowerCase();
  if (name === 'tis620.html' || name.endsWith('.tis620.html')) return 'text/html; charset=windows-874';
  return base;
}

/** Decoded URL path without query/fragment, or null when it cannot be decoded. */
export function decodeUrlPath(rawUrl: string): string | null {
  const noQuery = rawUrl.split(/[?#]/, 1)[0] ?? '/';
  try {
    const decoded = decodeURIComponent(noQuery);
    if (decoded.includes('\0')) return null;
    return decoded.startsWith('/') ? decoded : `/${decoded}`;
  } catch {
    return null;
  }
}

/** Absolute file path under root for a decoded URL path, or null if it escapes root. */
export function resolveUnderRoot(root: string, urlPath: string): string | null {
  const absRoot = path.resolve(root);
  // Backslashes are separators on Windows; treat them as such everywhere so "..\\" cannot slip by.
  const rel = urlPath.replace(/\\/g, '/');
  const target = path.resolve(absRoot, `.${path.posix.normalize(`/${rel}`)}`);
  if (target !== absRoot && !target.startsWith(absRoot + path.sep)) return null;
  const segments = rel.split('/');
  if (segments.includes('..')) return null;
  return target;
}

async function findFile(target: string): Promise<string | null> {
  try {
    const s = await stat(target);
    if (s.isFile()) return target;
    if (s.isDirectory()) {
      const index = path.join(target, 'index.html');
      const si = await stat(index);
      return si.isFile() ? index : null;
    }
  } catch {
    /* not found */
  }
  return null;
}

function send(res: ServerResponse, status: number, type: string, body: Buffer, head: boolean): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': body.byteLength,
    'Cache-Control': 'no-store',
  });
  res.end(head ? undefined : body);
}

export async function startStaticServer(opts: StaticServerOptions): Promise<StaticServer> {
  const host = opts.host ?? '127.0.0.1';
  const overrides = new Map<string, OverrideHandler>();
  const charsetOverrides = opts.charsetOverrides ?? {};
  const notFound = Buffer.from(NOT_FOUND_HTML, 'utf8');

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    opts.onRequest?.(req);
    if (opts.latencyMs && opts.latencyMs > 0) {
      await new Promise((r) => setTimeout(r, opts.latencyMs));
    }
    const head = req.method === 'HEAD';
    const urlPath = decodeUrlPath(req.url ?? '/');
    if (urlPath === null) {
      send(res, 400, 'text/plain; charset=utf-8', Buffer.from('Bad request'), head);
      return;
    }
    const override = overrides.get(urlPath);
    if (override) {
      override(req, res);
      return;
    }
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'text/plain; charset=utf-8', Buffer.from('Method not allowed'), false);
      return;
    }
    const target = resolveUnderRoot(opts.root, urlPath);
    const file = target === null ? null : await findFile(target);
    if (file === null) {
      send(res, target === null ? 403 : 404, 'text/html; charset=utf-8', notFound, head);
      return;
    }
    // A directory URL without a trailing slash would break relative links: redirect like real servers.
    if (file !== target && !urlPath.endsWith('/')) {
      const query = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?')) : '';
      res.writeHead(301, { Location: `${encodePath(urlPath)}/${query}`, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    const body = await readFile(file);
    send(res, 200, contentTypeFor(file, urlPath, charsetOverrides), body, head);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', Buffer.from('Server error'), false);
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/`,
    port,
    setOverride(urlPath, handler) {
      const normalised = decodeUrlPath(urlPath) ?? urlPath;
      if (handler) overrides.set(normalised, handler);
      else overrides.delete(normalised);
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      });
    },
  };
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}
