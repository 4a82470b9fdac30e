/**
 * Criteria are data: a set is keyed by framework, fiscal year (Buddhist Era) and agency type.
 * Format version 2 (docs/criteria-format.md); version 1 files are migrated on load (migrate.ts).
 */
export type Confidence = 'A' | 'B' | 'C';

export interface CriterionElement {
  /** Stable ASCII key, unique within the criterion, e.g. "phone". */
  key: string;
  th: string;
  en: string;
  /**
   * false: an example the wording gives ("เช่น … เป็นต้น"), or an element no source requires.
   * Examples are shown and pre-ticked, but a missing one never makes the item incomplete.
   */
  required: boolean;
  /** Checked for each person the page lists (O2: name, position, photo and contact of every executive). */
  perPerson?: boolean;
}

/** At least `min` of `elements` must be shown (O22: an invitation or an award notice). */
export interface AnyOfGroup {
  key: string;
  th: string;
  en: string;
  min: number;
  /** Keys of elements of the same criterion; they are not `required` one by one. */
  elements: string[];
}

export type PeriodRule =
  /** Current data (structure, executives, contact details): no year. */
  | { kind: 'current' }
  /** Data of fiscal year `fiscalYear + offset` (offset -1 = the previous year's report). */
  | { kind: 'fiscal-year'; offset: number }
  /** A date range in ISO (Gregorian) dates; `monthly` when each month must be published separately. */
  | { kind: 'range'; from: string; to: string; monthly?: boolean }
  /** The document's own period (a plan for 2561–2565) overlaps the fiscal year; `minYears` its shortest span. */
  | { kind: 'covers'; minYears?: number }
  /** A policy or rule still in force in the fiscal year, whenever it was made. */
  | { kind: 'in-force' }
  /**
   * The first half of the fiscal year (1 Oct – 31 Mar): every month present, in monthly, quarterly or
   * half-year tables, across one or several documents; `monthly` when only monthly tables count (O23).
   */
  | { kind: 'first-half'; monthly?: boolean };

/** Conditions that a tool can hint at (never decide). */
export type HintRule =
  /** The document is signed by the top executive (ลงนามโดยผู้บริหารสูงสุด). */
  | { kind: 'signed-by-top-executive' }
  /** The executive named is the current one, as listed in item `item`'s evidence (O34 ↔ O2). */
  | { kind: 'current-executive'; item: string };

export interface SourceCitation {
  /** The document, e.g. "บันทึกข้อความ เทศบาลเมืองสมุทรสงคราม ที่ สส ๕๒๐๐๑.๒๐/๑๑๕". */
  document: string;
  /** ISO date of the document (yyyy-mm-dd, Gregorian), when known. */
  date?: string;
  /** The criterion's wording as the source gives it. */
  quote: string;
  url?: string;
  /** How far the source goes, e.g. "merged from 2565 O10 + O18; elements not seen". */
  note?: string;
  /** True only when the document is the NACC's own assessment manual. */
  official?: boolean;
}

export interface Criterion {
  code: string; // "O1" … "O43"
  indicator: number; // 9 | 10
  subindicator: string; // "9.1"
  subgroupTh: string;
  nameTh: string;
  nameEn: string;
  elements: CriterionElement[];
  /** Any-of groups over `elements`; empty when the item has none. */
  anyOf: AnyOfGroup[];
  /** The conditions in words, shown to the reviewer. */
  conditions: string;
  /** The conditions a tool can hint at. */
  hintRules: HintRule[];
  periodRule: PeriodRule;
  /** Free-text period description, kept verbatim for display. */
  periodText: string;
  /** What to publish when there is nothing to report; null when the item has no such rule. */
  noneRule: string | null;
  /** Where the wording comes from; null when no source was found. */
  source: SourceCitation | null;
  confidence: Confidence;
  /** Codes in the previous year's set (`CriteriaSet.previousSetId`) this item continues; [] for a new item. */
  mapsFrom?: string[];
  /** A draft of the ITAS คำอธิบายเพิ่มเติม, e.g. "1. หน้าแรก → ข้อมูลหน่วยงาน → โครงสร้าง". */
  descriptionTemplate?: string;
}

export interface Subindicator {
  code: string; // "9.1"
  indicator: number;
  nameTh: string;
  nameEn: string;
}

export const CRITERIA_FORMAT_VERSION = 2;

export interface CriteriaSet {
  formatVersion: typeof CRITERIA_FORMAT_VERSION;
  /** `${framework}/${fiscalYear}/${agencyType}`, e.g. "nacc-ita-oit/2564/all". */
  id: string;
  framework: string;
  fiscalYear: number; // Buddhist Era
  agencyType: string;
  titleTh: string;
  titleEn: string;
  indicators: { number: number; nameTh: string; nameEn: string }[];
  subindicators: Subindicator[];
  items: Criterion[];
  /** The previous year's set that the items' `mapsFrom` codes refer to. */
  previousSetId?: string;
}
