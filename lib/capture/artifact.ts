/** Wraps captured bytes into an Artifact record plus the blob row that stores them. */
import type { Artifact, BlobRow } from '../evidence/types';
import { sha256Hex } from '../util/hash';

/** What the capture knows of an artifact; the id, size and hash come from the bytes. */
export type ArtifactMeta = Omit<Artifact, 'id' | 'bytes' | 'sha256'>;

export async function makeArtifact(
  bytes: Uint8Array,
  meta: ArtifactMeta,
  newId: () => string = () => crypto.randomUUID(),
): Promise<{ artifact: Artifact; blob: BlobRow }> {
  const id = newId();
  const artifact: Artifact = {
    id,
    method: meta.method,
    mime: meta.mime,
    bytes: bytes.byteLength,
    sha256: await sha256Hex(bytes),
  };
  // Copy only the optional fields that are set, so records stay free of `undefined` keys.
  const optional = ['width', 'height', 'part', 'parts', 'tiles', 'sourceUrl', 'fileName'] as const;
  for (const key of optional) {
    if (meta[key] !== undefined) (artifact as unknown as Record<string, unknown>)[key] = meta[key];
  }
  return { artifact, blob: { id, data: bytes } };
}
