/** Chooses what an export contains (all, or a subset) and derives each item's manifest entry. */
import { itemExplanation } from '../checklist/explanation';
import { estimateScore } from '../checklist/score';
import { deriveStatus, itasRow } from '../checklist/status';
import { elementLabel } from '../criteria/elements';
import { submitUrls } from '../checklist/submit-urls';
import { sortedItems } from '../criteria/registry';
import type { CriteriaSet, Criterion } from '../criteria/types';
import type { EvidenceRecord, ItemRecord, ItemStatus } from '../evidence/types';
import type { BundleSubset, ManifestItem } from './manifest';

interface SelectedItem {
  item: Omit<ManifestItem, 'evidenceIds'>;
  criterion: Criterion | null;
  covered: string[];
}

export interface Selection {
  items: SelectedItem[];
  evidence: EvidenceRecord[];
  score: { score: number; complete: number; total: number };
}

function toManifestItem(
  code: string,
  criterion: Criterion | null,
  record: ItemRecord | undefined,
  evidence: EvidenceRecord[],
  urlCap: number,
): SelectedItem {
  const info = criterion
    ? deriveStatus(criterion, evidence, record)
    : {
        status: record?.statusOverride?.status ?? 'unreviewed',
        derived: 'unreviewed' as ItemStatus,
        covered: [],
        missing: [],
      };
  const urls = submitUrls(record, evidence, urlCap).urls;
  const itas = itasRow(
    info.status,
    urls.length,
    criterion ? info.missing.map((k) => elementLabel(criterion, k, 'th')) : [],
  );
  return {
    criterion,
    covered: info.covered,
    item: {
      code,
      nameTh: criterion?.nameTh ?? '',
      nameEn: criterion?.nameEn ?? '',
      status: info.status,
      derivedStatus: info.derived,
      answer: itas.answer,
      answerNote: itas.note,
      unit: record?.unit ?? '',
      dueDate: record?.dueDate ?? null,
      assignee: record?.assignee ?? '',
      notes: record?.notes ?? '',
      statusOverride: record?.statusOverride ?? null,
      submitUrls: record?.submitUrls ?? null,
      explanation: record?.explanation ?? null,
      urls,
      explanationText: itemExplanation(record, evidence, 'th'),
      updatedAt: record?.updatedAt ?? null,
    },
  };
}

export function selectForExport(input: {
  set: CriteriaSet;
  evidence: EvidenceRecord[];
  items: ItemRecord[];
  urlCap: number;
  subset?: BundleSubset;
}): Selection {
  const { set, subset } = input;
  const byCode = new Map<string, EvidenceRecord[]>();
  for (const ev of input.evidence) for (const c of ev.criteria) byCode.set(c, [...(byCode.get(c) ?? []), ev]);
  const records = new Map(input.items.map((i) => [i.code, i]));
  const known = new Set(set.items.map((c) => c.code));
  const since = subset?.changedSince;
  const changed = (at: string | null | undefined) => since === undefined || (!!at && at > since);

  const all: SelectedItem[] = [
    ...sortedItems(set).map((c) =>
      toManifestItem(c.code, c, records.get(c.code), byCode.get(c.code) ?? [], input.urlCap),
    ),
    ...input.items
      .filter((r) => !known.has(r.code))
      .map((r) => toManifestItem(r.code, null, r, byCode.get(r.code) ?? [], input.urlCap)),
  ];
  const items = all.filter(({ item }) => {
    if (subset?.units && !subset.units.includes(item.unit)) return false;
    if (subset?.codes && !subset.codes.includes(item.code)) return false;
    if (since !== undefined)
      return changed(item.updatedAt) || (byCode.get(item.code) ?? []).some((e) => changed(e.updatedAt));
    return true;
  });
  const codes = new Set(items.map((s) => s.item.code));
  const evidence = subset
    ? input.evidence.filter((e) => e.criteria.some((c) => codes.has(c)) && changed(e.updatedAt))
    : input.evidence;
  const sorted = [...evidence].sort((a, b) =>
    a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : a.id < b.id ? -1 : 1,
  );
  return { items, evidence: sorted, score: estimateScore(items.filter((s) => s.criterion).map((s) => s.item.status)) };
}
