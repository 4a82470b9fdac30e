import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeArtifact } from '../../../lib/capture/artifact';

describe('makeArtifact', () => {
  it('hashes the bytes with SHA-256 and records their size', async () => {
    const bytes = new TextEncoder().encode('ข้อมูลการติดต่อ เทศบาลเมืองตัวอย่าง');
    const { artifact, blob } = await makeArtifact(bytes, { method: 'dom-snapshot', mime: 'text/html' }, () => 'a1');
    expect(artifact.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(artifact).toEqual({
      id: 'a1',
      method: 'dom-snapshot',
      mime: 'text/html',
      bytes: bytes.byteLength,
      sha256: artifact.sha256,
    });
    expect(blob).toEqual({ id: 'a1', data: bytes });
  });

  it('keeps the optional facts that are given', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const { artifact } = await makeArtifact(bytes, {
      method: 'fullpage-stitched',
      mime: 'image/png',
      width: 1280,
      height: 16384,
      part: 1,
      parts: 2,
      tiles: 19,
    });
    expect(artifact).toMatchObject({ width: 1280, height: 16384, part: 1, parts: 2, tiles: 19, bytes: 3 });
    expect(artifact.id).toMatch(/^[0-9a-f-]{36}$/);
    expect('sourceUrl' in artifact).toBe(false);
  });
});
