/** manifest.json of the checklist bundle, format version 2. Documented in docs/bundle-format.md. */
import type { Artifact, EvidenceRecord, ItemRecord, ItemStatus } from '../evidence/types';

export const BUNDLE_FORMAT = 'ita-evidence-bundle';
export const BUNDLE_FORMAT_VERSION = 2;
export const MANIFEST_FILE = 'manifest.json';
export const CRITERIA_FILE = 'criteria.json';

export interface ManifestArtifact extends Artifact {
  /** Where the bytes are in the zip. Several artifacts may share one path (same bytes). */
  path: string;
}

export interface ManifestEvidence extends Omit<EvidenceRecord, 'artifacts'> {
  artifacts: ManifestArtifact[];
}

import type { ItasAnswer } from '../checklist/status';

/** The stored item fields (ItemRecord) plus what the exporter derived from them. */
export interface ManifestItem {
  code: string;
  nameTh: string;
  nameEn: string;
  /** Shown status: the override when there is one, else derived from the evidence. */
  status: ItemStatus;
  derivedStatus: ItemStatus;
  /** The ITAS answer: มี whenever there are URLs to submit (lib/checklist/status itasRow). */
  answer: ItasAnswer;
  /** Why the answer needs a look before submitting (incomplete, needs review, no URL); absent in older bundles. */
  answerNote?: string;
  unit: string;
  dueDate: string | null;
  assignee: string;
  notes: string;
  statusOverride: ItemRecord['statusOverride'];
  submitUrls: string[] | null;
  explanation: string | null;
  /** URLs to submit (item list, else derived from evidence), capped at the agency's URL cap. */
  urls: string[];
  /** คำอธิบายเพิ่มเติม to submit (item text, else a draft from the click-paths). */
  explanationText: string;
  evidenceIds: string[];
  /** null when the item had no stored record (nothing set by hand). */
  updatedAt: string | null;
}

/** The latest re-verification of a page or stored document (lib/verify), as the extension stored it. */
export interface ManifestVerification {
  key: string;
  evidenceId: string;
  checkedAt: string;
  /** A VerifyResult: url, ok, status, finalUrl, redirects, problems, similarity, linkPath, details. */
  result: Record<string, unknown>;
}

export type FileRole = 'report' | 'checklist-csv' | 'itas-csv' | 'font' | 'criteria';

export interface ManifestFile {
  path: string;
  role: FileRole;
  mime: string;
  bytes: number;
  sha256: string;
}

export interface BundleSubset {
  units?: string[];
  codes?: string[];
  changedSince?: string;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  exportedAt: string;
  extensionVersion: string;
  agency: { name: string; homeUrl: string; fiscalYear: number; units: string[] };
  criteriaSet: {
    id: string;
    titleTh: string;
    titleEn: string;
    fiscalYear: number;
    itemCount: number;
    path: string;
    sha256: string;
  };
  subset: BundleSubset | null;
  summary: { score: number; complete: number; total: number; evidenceCount: number; artifactCount: number };
  items: ManifestItem[];
  evidence: ManifestEvidence[];
  files: ManifestFile[];
  /** Optional (added in 0.1): link re-verification results of the exported evidence. */
  verification?: ManifestVerification[];
}

const ARTIFACT_OPTIONAL = ['width', 'height', 'part', 'parts', 'tiles', 'sourceUrl', 'fileName'] as const;

function toArtifact(a: ManifestArtifact): Artifact {
  if (typeof a !== 'object' || a === null) return a; // left for validateEvidence to report
  const out: Artifact = { id: a.id, method: a.method, mime: a.mime, bytes: a.bytes, sha256: a.sha256 };
  const extra = out as unknown as Record<string, unknown>;
  for (const k of ARTIFACT_OPTIONAL) if (a[k] !== undefined) extra[k] = a[k];
  return out;
}

/**
 * The DB record of a manifest evidence entry: the known EvidenceRecord fields only (no zip paths,
 * nothing else a bundle might carry), so that an import cannot plant unknown fields in the database.
 */
export function toEvidenceRecord(e: ManifestEvidence): EvidenceRecord {
  return {
    schemaVersion: e.schemaVersion,
    id: e.id,
    criteria: e.criteria,
    requestedUrl: e.requestedUrl,
    url: e.url,
    title: e.title,
    httpStatus: e.httpStatus,
    capturedAt: e.capturedAt,
    timeZone: e.timeZone,
    userAgent: e.userAgent,
    extensionVersion: e.extensionVersion,
    viewport: e.viewport && { width: e.viewport.width, height: e.viewport.height },
    devicePixelRatio: e.devicePixelRatio,
    note: e.note,
    artifacts: Array.isArray(e.artifacts) ? e.artifacts.map(toArtifact) : e.artifacts,
    clickPath: Array.isArray(e.clickPath)
      ? e.clickPath.map((s) => (s && typeof s === 'object' ? { url: s.url, linkText: s.linkText } : s))
      : e.clickPath,
    reachedFromHome: e.reachedFromHome,
    elementTicks: e.elementTicks,
    updatedAt: e.updatedAt,
  };
}

/** The DB row of a manifest item, or null when the exporter had none. */
export function toItemRecord(i: ManifestItem): ItemRecord | null {
  if (i.updatedAt === null) return null;
  return {
    code: i.code,
    unit: i.unit,
    dueDate: i.dueDate,
    assignee: i.assignee,
    notes: i.notes,
    statusOverride: i.statusOverride,
    submitUrls: i.submitUrls,
    explanation: i.explanation,
    updatedAt: i.updatedAt,
  };
}
