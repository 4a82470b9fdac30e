import type { BlobRow, EvidenceRecord } from '../../../lib/evidence/types';
import { sha256Hex } from '../../../lib/util/hash';

let n = 0;

/** A valid evidence record with one screenshot artifact and its bytes. */
export async function makeRecord(
  over: Partial<EvidenceRecord> = {},
  bytes = new Uint8Array([1, 2, 3, ++n]),
): Promise<{ record: EvidenceRecord; blobs: BlobRow[] }> {
  const id = over.id ?? `ev-${++n}`;
  const blobId = `${id}-shot`;
  const record: EvidenceRecord = {
    schemaVersion: 1,
    id,
    criteria: ['O5'],
    requestedUrl: 'https://www.tuayang.go.th/index.php?_mod=ZmlsZXM&type=MzI',
    url: 'https://www.tuayang.go.th/index.php?_mod=ZmlsZXM&type=MzI',
    title: 'ข้อมูลการติดต่อ',
    httpStatus: 200,
    capturedAt: new Date(Date.UTC(2021, 1, 3, 4, 5, n % 60)).toISOString(),
    timeZone: 'Asia/Bangkok',
    userAgent: 'test',
    extensionVersion: '0.1.0',
    viewport: { width: 1280, height: 720 },
    devicePixelRatio: 1,
    note: '',
    artifacts: [
      {
        id: blobId,
        method: 'viewport',
        mime: 'image/png',
        bytes: bytes.byteLength,
        sha256: await sha256Hex(bytes),
        width: 1280,
        height: 720,
      },
    ],
    clickPath: [],
    reachedFromHome: false,
    elementTicks: {},
    updatedAt: new Date(0).toISOString(),
    ...over,
  };
  return { record, blobs: [{ id: blobId, data: bytes }] };
}
