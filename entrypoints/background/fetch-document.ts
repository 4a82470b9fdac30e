import { DOCUMENT_SIZE_CAP } from '../../lib/capture/documents';
import { CaptureError } from '../../lib/capture/pipeline';
import { documentFetchDecision, type FetchContext } from '../../lib/net/address-policy';
import { readCapped } from '../../lib/net/read-capped';

const tooLarge = (bytes: number) => new CaptureError('document-too-large', (bytes / 1024 / 1024).toFixed(1));

/** Reads a response body, giving up as soon as it passes the document size cap. */
export async function readCappedDocument(res: Response, cap = DOCUMENT_SIZE_CAP): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > cap) throw tooLarge(declared);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  return readCapped(res.body, cap, tooLarge);
}

/**
 * Fetches a ticked document under the fetch policy (lib/net/address-policy): the page chose the
 * URL, so no private addresses, and cookies only for the site itself. A redirect is followed and
 * its end judged again; leaving the site drops the cookies. Failures keep their detail for the
 * console only.
 */
export async function fetchUnderPolicy(
  url: string,
  ctx: FetchContext,
  signal: AbortSignal,
): Promise<{ res: Response; url: string }> {
  const first = documentFetchDecision(url, ctx);
  if (!first.ok) throw new Error(`document refused (${first.reason}): ${url}`);
  let res = await fetch(url, { credentials: first.credentials, cache: 'no-store', redirect: 'follow', signal });
  let final = res.url || url;
  const landed = documentFetchDecision(final, ctx);
  if (!landed.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`document redirect refused (${landed.reason}): ${url} -> ${final}`);
  }
  if (first.credentials === 'include' && landed.credentials === 'omit') {
    await res.body?.cancel().catch(() => undefined);
    res = await fetch(final, { credentials: 'omit', cache: 'no-store', redirect: 'follow', signal });
    final = res.url || final;
    const again = documentFetchDecision(final, ctx);
    if (!again.ok) throw new Error(`document redirect refused (${again.reason}): ${url} -> ${final}`);
  }
  if (!res.ok) throw new Error(`document HTTP ${res.status}: ${final}`);
  return { res, url: final };
}
