/* eslint-disable @typescript-eslint/no-explicit-any -- the test walks and mutates parsed JSON freely */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_CAPS, MANIFEST_FIELDS, validateManifest } from '../../../lib/bundle/manifest-validate';
import { VERIFY_CAPS } from '../../../lib/bundle/verification-check';
import {
  MAX_ARTIFACTS,
  MAX_CLICK_STEPS,
  MAX_CRITERIA,
  MAX_FILE_NAME,
  MAX_LINK_TEXT,
  MAX_NOTE,
  MAX_SHORT,
  MAX_TICK_CODES,
  MAX_TICK_KEY,
  MAX_TICKS,
  MAX_TITLE,
  MAX_VIEWPORT,
} from '../../../lib/evidence/validate';
import { PROBLEM_CODES } from '../../../lib/verify/problems';
import { exportBytes, freshDb, manifestOf, seed, unzip } from './helpers';

/**
 * schemas/bundle-manifest.schema.json is what other tools read; lib/bundle/manifest-validate.ts is
 * what the product enforces. These tests keep them saying the same: the same closed objects, the
 * same caps, and the same verdict on manifests at and just over each cap.
 */
const schema = JSON.parse(readFileSync('schemas/bundle-manifest.schema.json', 'utf8'));
const defs = schema.definitions;
const nonNull = (s: any) => s.oneOf?.find((x: any) => x.type !== 'null') ?? s;

describe('the manifest schema states the closed objects the reader enforces', () => {
  const objects: [keyof typeof MANIFEST_FIELDS, any][] = [
    ['top', schema],
    ['agency', schema.properties.agency],
    ['criteriaSet', schema.properties.criteriaSet],
    ['subset', nonNull(schema.properties.subset)],
    ['summary', schema.properties.summary],
    ['item', defs.item],
    ['override', nonNull(defs.item.properties.statusOverride)],
    ['file', defs.file],
    ['verification', schema.properties.verification.items],
    ['evidence', defs.evidence],
    ['artifact', defs.artifact],
    ['viewport', defs.evidence.properties.viewport],
    ['step', defs.evidence.properties.clickPath.items],
  ];
  it.each(objects)('%s: additionalProperties false, the same fields', (name, o) => {
    expect(o.additionalProperties).toBe(false);
    expect(Object.keys(o.properties).sort()).toEqual([...MANIFEST_FIELDS[name]].sort());
  });

  it('every object in the schema is closed, except the re-verify result, whose unknown fields are dropped', () => {
    const open: string[] = [];
    const walk = (s: any, at: string) => {
      if (!s || typeof s !== 'object' || /\.allOf$/.test(at)) return; // if/then rules add no fields
      if (s.properties && s.additionalProperties !== false && !at.startsWith('definitions.verifyResult')) open.push(at);
      for (const [k, v] of Object.entries(s)) walk(v, `${at}.${k}`.replace(/^\./, ''));
    };
    walk(schema, '');
    expect(open).toEqual([]);
  });
});

describe('the manifest schema states the reader caps', () => {
  it('list caps', () => {
    const p = schema.properties;
    expect(p.items.maxItems).toBe(MANIFEST_CAPS.items);
    expect(p.evidence.maxItems).toBe(MANIFEST_CAPS.evidence);
    expect(p.files.maxItems).toBe(MANIFEST_CAPS.files);
    expect(p.verification.maxItems).toBe(MANIFEST_CAPS.verification);
    expect(p.agency.properties.units.maxItems).toBe(MANIFEST_CAPS.units);
    expect(defs.item.properties.urls.maxItems).toBe(MANIFEST_CAPS.urls);
    expect(nonNull(defs.item.properties.submitUrls).maxItems).toBe(MANIFEST_CAPS.urls);
    expect(defs.item.properties.evidenceIds.maxItems).toBe(MANIFEST_CAPS.evidence);
    const ev = defs.evidence.properties;
    expect(ev.criteria.maxItems).toBe(MAX_CRITERIA);
    expect(ev.artifacts.maxItems).toBe(MAX_ARTIFACTS);
    expect(ev.clickPath.maxItems).toBe(MAX_CLICK_STEPS);
    expect(ev.elementTicks.maxProperties).toBe(MAX_TICK_CODES);
    expect(ev.elementTicks.additionalProperties.maxItems).toBe(MAX_TICKS);
    const vr = defs.verifyResult.properties;
    expect(vr.redirects.maxItems).toBe(VERIFY_CAPS.redirects);
    expect(vr.problems.maxItems).toBe(VERIFY_CAPS.problems);
    expect(nonNull(vr.linkPath).maxItems).toBe(VERIFY_CAPS.linkPath);
  });

  it('text caps, number ranges and the URL rule', () => {
    const ev = defs.evidence.properties;
    expect(ev.title.maxLength).toBe(MAX_TITLE);
    expect(ev.note.maxLength).toBe(MAX_NOTE);
    expect(ev.id.maxLength).toBe(MAX_SHORT);
    expect(ev.userAgent.maxLength).toBe(MAX_SHORT);
    expect(ev.clickPath.items.properties.linkText.maxLength).toBe(MAX_LINK_TEXT);
    expect(ev.elementTicks.additionalProperties.items.maxLength).toBe(MAX_TICK_KEY);
    expect(ev.viewport.properties.width.maximum).toBe(MAX_VIEWPORT);
    expect(defs.artifact.properties.fileName.maxLength).toBe(MAX_FILE_NAME);
    expect(defs.item.properties.notes.maxLength).toBe(MANIFEST_CAPS.longText);
    expect(defs.item.properties.unit.maxLength).toBe(MANIFEST_CAPS.shortText);
    expect(schema.properties.agency.properties.name.maxLength).toBe(MANIFEST_CAPS.shortText);
    expect(defs.httpUrl.maxLength).toBe(VERIFY_CAPS.url);
    expect(defs.verifyResult.properties.problems.items.enum).toEqual([...PROBLEM_CODES]);
    for (const ref of [ev.url, ev.requestedUrl, defs.artifact.properties.sourceUrl, ev.clickPath.items.properties.url])
      expect(ref).toEqual({ $ref: '#/definitions/httpUrl' });
  });
});

describe('schema and reader agree on manifests at and over the caps', () => {
  let base: Record<string, any>;
  let validate: (data: unknown) => unknown;
  beforeAll(async () => {
    const db = freshDb();
    await seed(db);
    base = manifestOf(unzip(await exportBytes(db)));
    validate = new Ajv({ allErrors: true }).compile(schema);
  });
  const verdicts = (mutate: (m: any) => void) => {
    const m = structuredClone(base);
    mutate(m);
    return { schema: validate(m) === true, reader: validateManifest(m).length === 0 };
  };
  const url = (i: number) => `https://example.go.th/p/${i}`;

  const accepted: [string, (m: any) => void][] = [
    ['the export itself', () => undefined],
    ['a note at its cap', (m) => (m.evidence[0].note = 'ก'.repeat(MAX_NOTE))],
    ['a title at its cap', (m) => (m.evidence[0].title = 'x'.repeat(MAX_TITLE))],
    [
      'a click path at its cap',
      (m) =>
        (m.evidence[0].clickPath = Array.from({ length: MAX_CLICK_STEPS }, (_, i) => ({ url: url(i), linkText: 'a' }))),
    ],
    ['units at their cap', (m) => (m.agency.units = Array.from({ length: MANIFEST_CAPS.units }, (_, i) => `u${i}`))],
    ['submit URLs at their cap', (m) => (m.items[0].submitUrls = Array.from({ length: MANIFEST_CAPS.urls }, url))],
    ['an upper-case scheme', (m) => (m.evidence[0].url = 'HTTPS://example.go.th/')],
  ];
  it.each(accepted)('both accept %s', (_name, mutate) => {
    expect(verdicts(mutate)).toEqual({ schema: true, reader: true });
  });

  const refused: [string, (m: any) => void][] = [
    ['a note one over its cap', (m) => (m.evidence[0].note = 'ก'.repeat(MAX_NOTE + 1))],
    ['a title one over its cap', (m) => (m.evidence[0].title = 'x'.repeat(MAX_TITLE + 1))],
    [
      'a click path one over its cap',
      (m) =>
        (m.evidence[0].clickPath = Array.from({ length: MAX_CLICK_STEPS + 1 }, (_, i) => ({
          url: url(i),
          linkText: 'a',
        }))),
    ],
    [
      'units one over their cap',
      (m) => (m.agency.units = Array.from({ length: MANIFEST_CAPS.units + 1 }, (_, i) => `u${i}`)),
    ],
    [
      'submit URLs one over their cap',
      (m) => (m.items[0].submitUrls = Array.from({ length: MANIFEST_CAPS.urls + 1 }, url)),
    ],
    ['a javascript: submit URL', (m) => (m.items[0].submitUrls = ['javascript:alert(1)'])],
    ['a data: item URL', (m) => (m.items[0].urls = ['data:text/html,<script>alert(1)</script>'])],
    ['an ftp evidence URL', (m) => (m.evidence[0].requestedUrl = 'ftp://example.go.th/')],
    ['a javascript: click-path step', (m) => (m.evidence[0].clickPath = [{ url: 'javascript:void 0', linkText: '' }])],
    ['a file: artifact source', (m) => (m.evidence[0].artifacts[0].sourceUrl = 'file:///etc/passwd')],
    ['an unknown top-level field', (m) => (m.extra = 1)],
    ['an unknown item field', (m) => (m.items[0].statusOverrideX = null)],
    [
      'an unknown field in a status override',
      (m) => (m.items[0].statusOverride = { status: 'complete', reason: '', x: 1 }),
    ],
    ['an unknown evidence field', (m) => (m.evidence[0].owner = 'x')],
    ['an unknown artifact field', (m) => (m.evidence[0].artifacts[0].script = 'x')],
    ['an unknown viewport field', (m) => (m.evidence[0].viewport.depth = 1)],
    ['an unknown file field', (m) => (m.files[0].exec = true)],
    [
      'element ticks over their cap',
      (m) =>
        (m.evidence[0].elementTicks = Object.fromEntries(
          Array.from({ length: MAX_TICK_CODES + 1 }, (_, i) => [`O${i}`, []]),
        )),
    ],
    ['an HTTP status of 1000', (m) => (m.evidence[0].httpStatus = 1000)],
    ['a time that is not a time', (m) => (m.evidence[0].capturedAt = 'zzzz')],
  ];
  it.each(refused)('both refuse %s', (_name, mutate) => {
    expect(verdicts(mutate)).toEqual({ schema: false, reader: false });
  });
});
