import { beforeAll, describe, expect, it } from 'vitest';
import { checkBundle } from '../../../lib/bundle/check';
import { exportBytes, freshDb, seed, unzip, zip } from './helpers';

let files: Record<string, Uint8Array>;
beforeAll(async () => {
  const db = freshDb();
  await seed(db);
  files = unzip(await exportBytes(db));
});

describe('tampering with any one file', () => {
  it('the untouched sample is valid', async () => {
    expect((await checkBundle(zip(files))).errors).toEqual([]);
  });

  it('covers every file of the sample', () => {
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(12);
  });

  for (const mode of ['flip', 'append'] as const) {
    it(`fails and names the file (${mode} a byte)`, async () => {
      for (const name of Object.keys(files)) {
        const data = files[name]!.slice();
        let changed: Uint8Array;
        if (mode === 'flip') {
          // Flip the lowest bit of a byte in the middle: keeps text text where possible.
          const at = Math.floor(data.length / 2);
          data[at] = data[at]! ^ 1;
          changed = data;
        } else {
          changed = new Uint8Array([...data, 0x0a]);
        }
        const report = await checkBundle(zip({ ...files, [name]: changed }));
        expect(report.ok, name).toBe(false);
        expect(
          report.errors.map((e) => e.file),
          name,
        ).toContain(name);
      }
    });
  }
});
