import { describe, expect, it } from 'vitest';
import { getBuiltInSet } from '../../../lib/criteria/registry';
import type { Artifact, EvidenceRecord } from '../../../lib/evidence/types';
import { periodRuleFor, targetsFromEvidence } from '../../../lib/verify/targets-from-db';
import { periodLookupFrom } from '../../../lib/verify/inputs';

const enc = new TextEncoder();

function art(id: string, method: Artifact['method'], extra: Partial<Artifact> = {}): Artifact {
  return { id, method, mime: 'x', bytes: 1, sha256: 'a'.repeat(64), ...extra };
}

function record(
  id: string,
  criteria: string[],
  artifacts: Artifact[],
  url = `https://t.go.th/${id}.html`,
): EvidenceRecord {
  return {
    schemaVersion: 1,
    id,
    criteria,
    requestedUrl: url,
    url,
    title: id,
    httpStatus: 200,
    capturedAt: '2021-02-01T00:00:00.000Z',
    timeZone: 'Asia/Bangkok',
    userAgent: 'ua',
    extensionVersion: '0.1.0',
    viewport: { width: 1, height: 1 },
    devicePixelRatio: 1,
    note: '',
    artifacts,
    clickPath: [],
    reachedFromHome: false,
    elementTicks: {},
    updatedAt: '2021-02-01T00:00:00.000Z',
  };
}

const set = getBuiltInSet();

describe('targetsFromEvidence', () => {
  it('decodes the text artifact as UTF-8 for the drift check, reading it only when the target is checked', async () => {
    const blobs = new Map([['t1', enc.encode('ข้อมูลการติดต่อ โทร ๐ ๓๔๗๑')]]);
    const reads: string[] = [];
    const targets = await targetsFromEvidence(
      [record('e1', ['O5'], [art('s1', 'viewport'), art('t1', 'text')])],
      async (id) => (reads.push(id), blobs.get(id)),
      set,
    );
    expect(targets).toHaveLength(1);
    expect(reads).toEqual([]);
    expect(targets[0]).toMatchObject({ key: 'e1', url: 'https://t.go.th/e1.html', criterion: 'O5', evidenceId: 'e1' });
    expect(await targets[0]!.loadCapturedText!()).toBe('ข้อมูลการติดต่อ โทร ๐ ๓๔๗๑');
    expect(targets[0]?.document).toBeUndefined();
  });

  it('falls back to the DOM snapshot text, then to null', async () => {
    const blobs = new Map([
      ['h1', enc.encode('<html><head><title>x</title><script>var a=1</script></head><body><p>สวัสดี</p></body></html>')],
    ]);
    const [snap] = await targetsFromEvidence(
      [record('e1', ['O5'], [art('h1', 'dom-snapshot')])],
      async (id) => blobs.get(id),
      set,
    );
    const text = await snap!.loadCapturedText!();
    expect(text).toContain('สวัสดี');
    expect(text).not.toContain('var a');
    const [none] = await targetsFromEvidence([record('e2', ['O5'], [art('t9', 'text')])], async () => undefined, set);
    expect(await none!.loadCapturedText!()).toBeNull();
  });

  it('adds one document target per stored document, keyed evidenceId#artifactId, with its SHA-256 and source URL', async () => {
    const sha = 'b'.repeat(64);
    const r = record(
      'e3',
      ['O11'],
      [
        art('p1', 'document-bytes', { sourceUrl: 'https://t.go.th/docs/r.pdf', sha256: sha }),
        art('p2', 'document-bytes'), // no source URL: cannot be fetched again
      ],
    );
    const targets = await targetsFromEvidence([r], async () => undefined, set);
    expect(targets.map((t) => t.key)).toEqual(['e3', 'e3#p1']);
    expect(targets[1]).toMatchObject({
      url: 'https://t.go.th/docs/r.pdf',
      criterion: 'O11',
      evidenceId: 'e3',
      document: { sha256: sha, url: 'https://t.go.th/docs/r.pdf' },
    });
  });

  it('takes the period rule from the criteria set; with several criteria the first one asking for a year decides', async () => {
    const [single, several] = await targetsFromEvidence(
      [record('a', ['O11'], []), record('b', ['O5', 'O11', 'O1'], [])],
      async () => undefined,
      set,
    );
    expect(single?.periodRule).toEqual({ kind: 'first-half' });
    expect(several?.criterion).toBe('O5,O11,O1');
    expect(several?.periodRule).toEqual({ kind: 'first-half' });
    const [current] = await targetsFromEvidence([record('c', ['O5'], [])], async () => undefined, set);
    expect(current?.periodRule).toEqual({ kind: 'current' });
  });

  it('leaves the period rule out for unknown codes or without a set', async () => {
    const [unknown] = await targetsFromEvidence([record('a', ['X9'], [])], async () => undefined, set);
    expect(unknown && 'periodRule' in unknown).toBe(false);
    const [noSet] = await targetsFromEvidence([record('b', ['O11'], [])], async () => undefined, undefined);
    expect(noSet?.periodRule).toBeUndefined();
    expect(periodRuleFor([], periodLookupFrom(set))).toBeUndefined();
  });
});
