import type { CriteriaSet, Criterion } from '../../../lib/criteria/types';
import type { ClickStep, EvidenceRecord, ItemRecord, TaskRecord } from '../../../lib/evidence/types';

export function criterion(code: string, keys: string[], extra: Partial<Criterion> = {}): Criterion {
  return {
    code,
    indicator: 9,
    subindicator: '9.1',
    subgroupTh: 'ข้อมูลพื้นฐาน',
    nameTh: `ชื่อ ${code}`,
    nameEn: `Name ${code}`,
    elements: keys.map((key) => ({ key, th: key, en: key, required: true })),
    anyOf: [],
    conditions: '',
    hintRules: [],
    periodRule: { kind: 'current' },
    periodText: '',
    noneRule: null,
    source: null,
    confidence: 'A',
    ...extra,
  };
}

let counter = 0;

export function evidence(
  criteria: string[],
  ticks: Record<string, string[]> = {},
  extra: Partial<EvidenceRecord> = {},
): EvidenceRecord {
  counter++;
  const id = extra.id ?? `ev-${String(counter).padStart(5, '0')}`;
  return {
    schemaVersion: 1,
    id,
    criteria,
    requestedUrl: `https://www.example.go.th/page/${id}`,
    url: `https://www.example.go.th/page/${id}`,
    title: `Page ${id}`,
    httpStatus: 200,
    capturedAt: `2021-03-01T00:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    timeZone: 'Asia/Bangkok',
    userAgent: 'test',
    extensionVersion: '0.1.0',
    viewport: { width: 1280, height: 800 },
    devicePixelRatio: 1,
    note: '',
    artifacts: [],
    clickPath: [],
    reachedFromHome: false,
    elementTicks: ticks,
    updatedAt: '2021-03-01T00:00:00.000Z',
    ...extra,
  };
}

export function item(code: string, extra: Partial<ItemRecord> = {}): ItemRecord {
  return {
    code,
    unit: '',
    dueDate: null,
    assignee: '',
    notes: '',
    statusOverride: null,
    submitUrls: null,
    explanation: null,
    updatedAt: '2021-03-01T00:00:00.000Z',
    ...extra,
  };
}

export function task(id: string, end: string, extra: Partial<TaskRecord> = {}): TaskRecord {
  return { id, title: `Task ${id}`, start: null, end, people: '', done: false, ...extra };
}

export function path(...texts: string[]): ClickStep[] {
  return texts.map((linkText, i) => ({ url: `https://www.example.go.th/${i}`, linkText: i === 0 ? '' : linkText }));
}

export function criteriaSet(items: Criterion[]): CriteriaSet {
  return {
    formatVersion: 2,
    id: 'test/2564/all',
    framework: 'test',
    fiscalYear: 2564,
    agencyType: 'all',
    titleTh: 'ชุดทดสอบ',
    titleEn: 'Test set',
    indicators: [
      { number: 9, nameTh: 'การเปิดเผยข้อมูล', nameEn: 'Open data' },
      { number: 10, nameTh: 'การป้องกันการทุจริต', nameEn: 'Corruption prevention' },
    ],
    subindicators: [
      { code: '9.1', indicator: 9, nameTh: 'ข้อมูลพื้นฐาน', nameEn: 'Basic information' },
      { code: '9.2', indicator: 9, nameTh: 'การบริหารงาน', nameEn: 'Administration' },
      { code: '10.1', indicator: 10, nameTh: 'การดำเนินการ', nameEn: 'Actions' },
    ],
    items,
  };
}
