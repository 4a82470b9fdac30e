import type { Artifact } from '../evidence/types';

/** "O5" → "O05", so that folders sort in item order. */
export function padCode(code: string): string {
  const m = /^([A-Za-z]+)(\d+)$/.exec(code);
  return m ? `${m[1]}${m[2]!.padStart(2, '0')}` : safeSegment(code);
}

/** Keeps [A-Za-z0-9_-]; anything else becomes '_'. */
export function safeSegment(s: string): string {
  const out = s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
  return out || '_';
}

const METHOD_SLUG: Record<Artifact['method'], string> = {
  viewport: 'viewport',
  'fullpage-stitched': 'fullpage',
  'element-crop': 'element',
  'rendered-html2canvas': 'rendered',
  'document-bytes': 'document',
  'dom-snapshot': 'snapshot',
  text: 'text',
};

/** The document types the extension stores, by MIME; anything else is exported as .bin. */
const DOCUMENT_EXT: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
};

function baseMime(mime: string): string {
  return mime.split(';')[0]!.trim().toLowerCase();
}

/**
 * The exported file's extension comes from the method, never from the MIME alone: only the page
 * snapshot may become .html next to report.html (an artifact labelled text/html must not).
 */
export function extensionFor(method: Artifact['method'], mime: string): string {
  const m = baseMime(mime);
  switch (method) {
    case 'dom-snapshot':
      return 'html';
    case 'text':
      return 'txt';
    case 'document-bytes':
      return DOCUMENT_EXT[m] ?? 'bin';
    default:
      return m === 'image/png' ? 'png' : 'bin';
  }
}

/** Allocates unique ASCII-safe paths: evidence/O05/<evidenceId>-fullpage.png, -2, -3… on repeats. */
export class EvidencePathAllocator {
  private readonly used = new Set<string>();

  allocate(firstCode: string, evidenceId: string, artifact: Artifact): string {
    const part = artifact.part ? `-p${artifact.part}` : '';
    const base = `evidence/${padCode(firstCode)}/${safeSegment(evidenceId)}-${METHOD_SLUG[artifact.method] ?? 'file'}${part}`;
    const ext = extensionFor(artifact.method, artifact.mime);
    let path = `${base}.${ext}`;
    for (let n = 2; this.used.has(path); n++) path = `${base}-${n}.${ext}`;
    this.used.add(path);
    return path;
  }
}

/** Text-like files are deflated; everything else (PNG, PDF, woff2) is already compressed and stored. */
export function shouldDeflate(mime: string): boolean {
  const m = mime.split(';')[0]!.trim().toLowerCase();
  return m.startsWith('text/') || m === 'application/json' || m === 'image/svg+xml';
}
