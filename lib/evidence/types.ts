/** How an artifact was made. Kept in every record and manifest: it is what the artifact proves. */
type ArtifactMethod =
  | 'viewport'
  | 'fullpage-stitched'
  | 'element-crop'
  | 'rendered-html2canvas'
  | 'document-bytes'
  | 'dom-snapshot'
  | 'text';

export interface Artifact {
  /** Key of the bytes in the `blobs` table; unique across the database. */
  id: string;
  method: ArtifactMethod;
  mime: string;
  bytes: number;
  sha256: string; // lowercase hex
  width?: number;
  height?: number;
  /** Full-page captures taller than the canvas limit are split: part is 1-based. */
  part?: number;
  parts?: number;
  tiles?: number;
  /** For documents: where the bytes were fetched from, and the file name offered. */
  sourceUrl?: string;
  fileName?: string;
}

export interface ClickStep {
  url: string;
  /** The text of the link clicked to reach `url`; "" for the first page. */
  linkText: string;
}

export interface EvidenceRecord {
  schemaVersion: 1;
  id: string;
  /** One page may serve several criteria. Codes as in the criteria set ("O5"). */
  criteria: string[];
  /** The URL exactly as in the tab, query string included. */
  requestedUrl: string;
  /** The final URL after redirects (equal to requestedUrl where unknown). */
  url: string;
  title: string;
  httpStatus: number | null;
  capturedAt: string; // UTC ISO 8601
  timeZone: string; // IANA, e.g. "Asia/Bangkok"
  userAgent: string;
  extensionVersion: string;
  viewport: { width: number; height: number };
  devicePixelRatio: number;
  note: string;
  artifacts: Artifact[];
  /** Path from the home page to this page; empty when unknown. */
  clickPath: ClickStep[];
  /** True when clickPath starts at the configured home page. */
  reachedFromHome: boolean;
  /** Per criterion code, the keys of the required elements the reviewer ticked. */
  elementTicks: Record<string, string[]>;
  updatedAt: string;
}

export interface BlobRow {
  id: string;
  data: Uint8Array;
}

/** How the reviewer captured the page. */
export type CaptureMode = 'viewport' | 'fullpage' | 'element';

export type ItemStatus = 'unreviewed' | 'needs-review' | 'complete' | 'incomplete' | 'missing';

export interface ItemRecord {
  code: string;
  unit: string;
  dueDate: string | null; // ISO date yyyy-mm-dd (Gregorian; shown in BE)
  assignee: string;
  notes: string;
  statusOverride: { status: ItemStatus; reason: string } | null;
  /** Ordered URLs to submit; null means "derive from evidence". */
  submitUrls: string[] | null;
  /** คำอธิบายเพิ่มเติม; null means "draft from click-paths". */
  explanation: string | null;
  updatedAt: string;
}

export interface TaskRecord {
  id: string;
  title: string;
  start: string | null; // ISO date
  end: string; // ISO date: the deadline
  people: string;
  done: boolean;
}
