import { describe, expect, it } from 'vitest';
import { findTopExecutives } from '../../../lib/capture/thai-patterns';
import { executiveNamesFromEvidence } from '../../../lib/capture/executives';
import { evidence } from '../checklist/fixtures';
import type { Artifact } from '../../../lib/evidence/types';

const O2_PAGE = 'นายสมมติ ทดสอบดี นายกเทศมนตรีตำบลทดสอบ\nนางสาวตัวอย่าง ใจงาม รองนายกเทศมนตรี\nนายทดลอง มั่นคง ปลัดเทศบาล';

describe('top executives for the current-executive hint (O34 ↔ O2)', () => {
  it('finds the นายก, not deputies or the clerk', () => {
    expect(findTopExecutives(O2_PAGE)).toEqual(['นายสมมติ ทดสอบดี']);
    expect(findTopExecutives('นายกองค์การบริหารส่วนตำบลบางตัวอย่าง นายใจดี มีสุข')).toEqual(['นายใจดี มีสุข']);
  });

  it('reads the text artifacts of the O2 evidence, once per name', async () => {
    const text = (id: string): Artifact => ({
      id,
      method: 'text',
      mime: 'text/plain;charset=utf-8',
      sha256: 'a'.repeat(64),
      bytes: 1,
    });
    const blobs = new Map([
      ['t1', new TextEncoder().encode(O2_PAGE)],
      ['t2', new TextEncoder().encode(O2_PAGE)],
    ]);
    const records = [
      evidence(['O2'], {}, { artifacts: [text('t1')] }),
      evidence(['O2'], {}, { artifacts: [text('t2')] }),
      evidence(['O2'], {}, { artifacts: [text('gone')] }),
    ];
    expect(await executiveNamesFromEvidence(records, async (id) => blobs.get(id))).toEqual(['นายสมมติ ทดสอบดี']);
    expect(await executiveNamesFromEvidence([], async () => undefined)).toEqual([]);
  });
});
