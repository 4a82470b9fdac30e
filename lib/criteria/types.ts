/** Criteria are data: a set is keyed by framework, fiscal year (Buddhist Era) and agency type. */
export type Confidence = 'A' | 'B' | 'C';

export interface RequiredElement {
  /** Stable ASCII key, unique within the criterion, e.g. "phone". */
  key: string;
  th: string;
  en: string;
}

export type PeriodRule =
  | { kind: 'current' }
  /** Items of fiscal year `fiscalYear + offset` (offset -1 = the previous year's report). */
  | { kind: 'fiscal-year'; offset: 0 | -1 }
  /** A date range in ISO (Gregorian) dates, e.g. the first half of the fiscal year. */
  | { kind: 'range'; from: string; to: string; monthly?: boolean };

export interface Criterion {
  code: string; // "O1" … "O43"
  indicator: number; // 9 | 10
  subindicator: string; // "9.1"
  subgroupTh: string;
  nameTh: string;
  nameEn: string;
  elements: RequiredElement[];
  conditions: string;
  periodRule: PeriodRule;
  /** The CSV's free-text period description, kept verbatim for display. */
  periodText: string;
  /** What to publish when there is nothing to report; null when the item has no such rule. */
  noneRule: string | null;
  confidence: Confidence;
}

export interface Subindicator {
  code: string; // "9.1"
  indicator: number;
  nameTh: string;
  nameEn: string;
}

export interface CriteriaSet {
  formatVersion: 1;
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
}
