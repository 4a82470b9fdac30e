import type { CaptureMode } from '../evidence/types';
import type { ItaDb } from './db';
import { runMigrations, type MigrationStep } from '../util/migrate';

export type UiLanguage = 'auto' | 'th' | 'en';

export interface Settings {
  version: 2;
  agencyName: string;
  /** The agency's main website (home page) URL; '' until set up. */
  homeUrl: string;
  fiscalYear: number; // Buddhist Era
  criteriaSetId: string;
  units: string[];
  language: UiLanguage;
  lastCaptureMode: CaptureMode;
  /** How many URLs ITAS takes per item. */
  urlCap: number;
  /** Who signs report.html; empty names print blank lines to sign on. */
  reportSigners: ReportSigners;
  /** Print report.html's numbers and dates in Thai digits. */
  reportThaiDigits: boolean;
}

interface ReportSigner {
  name: string;
  position: string;
}

/** ผู้จัดทำ, ผู้ตรวจสอบ, ผู้รับรอง. */
export interface ReportSigners {
  preparer: ReportSigner;
  reviewer: ReportSigner;
  certifier: ReportSigner;
}

const NO_SIGNER: ReportSigner = { name: '', position: '' };

export const DEFAULT_UNITS = [
  'สำนักปลัด',
  'กองคลัง',
  'กองช่าง',
  'กองการศึกษา',
  'กองสาธารณสุขและสิ่งแวดล้อม',
  'กองวิชาการและแผนงาน',
];

export const DEFAULT_SETTINGS: Settings = {
  version: 2,
  agencyName: '',
  homeUrl: '',
  fiscalYear: 2564,
  criteriaSetId: 'nacc-ita-oit/2564/all',
  units: DEFAULT_UNITS,
  language: 'auto',
  lastCaptureMode: 'viewport',
  urlCap: 5,
  reportSigners: { preparer: NO_SIGNER, reviewer: NO_SIGNER, certifier: NO_SIGNER },
  reportThaiDigits: false,
};

type AnyRecord = Record<string, unknown>;

/**
 * Each entry upgrades settings from version `from` to `from + 1`. Never edit a released step:
 * add one. v1 (the first release) had no language, capture mode or URL cap.
 */
const MIGRATIONS: MigrationStep<AnyRecord>[] = [
  { from: 1, up: (s) => ({ ...s, version: 2, language: 'auto', lastCaptureMode: 'viewport', urlCap: 5 }) },
];

export const SETTINGS_VERSION = 2;

export function migrateSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_SETTINGS };
  const s = { ...(raw as AnyRecord) };
  const v = Number.isInteger(s.version) && (s.version as number) >= 1 ? (s.version as number) : 1;
  if (v > SETTINGS_VERSION) throw new Error(`Settings version ${v} is newer than this extension supports`);
  return sanitizeSettings(runMigrations(s, v, SETTINGS_VERSION, MIGRATIONS));
}

/** Keeps known fields with valid types; anything else falls back to the default. */
export function sanitizeSettings(s: AnyRecord): Settings {
  const d = DEFAULT_SETTINGS;
  const str = (v: unknown, def: string) => (typeof v === 'string' ? v.slice(0, 500) : def);
  const units = Array.isArray(s.units)
    ? s.units.filter((u): u is string => typeof u === 'string' && u.trim() !== '').map((u) => u.trim())
    : d.units;
  return {
    version: 2,
    agencyName: str(s.agencyName, d.agencyName).trim(),
    homeUrl: str(s.homeUrl, d.homeUrl).trim(),
    fiscalYear:
      Number.isInteger(s.fiscalYear) && (s.fiscalYear as number) > 2500 && (s.fiscalYear as number) < 2700
        ? (s.fiscalYear as number)
        : d.fiscalYear,
    criteriaSetId: str(s.criteriaSetId, d.criteriaSetId) || d.criteriaSetId,
    units: [...new Set(units)],
    language: s.language === 'th' || s.language === 'en' || s.language === 'auto' ? s.language : d.language,
    lastCaptureMode:
      s.lastCaptureMode === 'fullpage' || s.lastCaptureMode === 'element' || s.lastCaptureMode === 'viewport'
        ? s.lastCaptureMode
        : d.lastCaptureMode,
    urlCap:
      Number.isInteger(s.urlCap) && (s.urlCap as number) >= 1 && (s.urlCap as number) <= 20
        ? (s.urlCap as number)
        : d.urlCap,
    // Added after v2 with defaults for older settings, so no version step is needed.
    reportSigners: sanitizeSigners(s.reportSigners, str),
    reportThaiDigits: s.reportThaiDigits === true,
  };
}

function sanitizeSigners(v: unknown, str: (v: unknown, def: string) => string): ReportSigners {
  const o = v && typeof v === 'object' ? (v as AnyRecord) : {};
  const one = (x: unknown): ReportSigner => {
    const r = x && typeof x === 'object' ? (x as AnyRecord) : {};
    return { name: str(r.name, '').trim().slice(0, 200), position: str(r.position, '').trim().slice(0, 200) };
  };
  return { preparer: one(o.preparer), reviewer: one(o.reviewer), certifier: one(o.certifier) };
}

export async function loadSettings(db: ItaDb): Promise<Settings> {
  const row = await db.meta.get('settings');
  return migrateSettings(row?.value);
}

export async function saveSettings(db: ItaDb, patch: Partial<Omit<Settings, 'version'>>): Promise<Settings> {
  return db.transaction('rw', db.meta, async () => {
    const next = sanitizeSettings({ ...(await loadSettings(db)), ...patch });
    await db.meta.put({ key: 'settings', value: next });
    return next;
  });
}

/**
 * The home page URL normalised to an origin match pattern, e.g. "https://example.go.th/*": the
 * least permission the overlay needs. Kept scheme-specific so that grants made before
 * `sitePatterns` existed still count.
 */
export function originPattern(homeUrl: string): string | null {
  try {
    const u = new URL(homeUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

const IP_OR_LOCAL = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[.*\]|[^.]+)$/;

/**
 * Every match pattern of the main website, to request at setup: http and https (`*` scheme) of
 * the host and of its www/non-www twin, e.g. ["*://www.x.go.th/*", "*://x.go.th/*"].
 */
export function sitePatterns(homeUrl: string): string[] {
  if (!originPattern(homeUrl)) return [];
  const host = new URL(homeUrl).hostname;
  const twin = host.startsWith('www.') ? host.slice(4) : `www.${host}`;
  const hosts = IP_OR_LOCAL.test(host) || IP_OR_LOCAL.test(twin) ? [host] : [host, twin];
  return hosts.map((h) => `*://${h}/*`);
}

export function isConfigured(s: Settings): boolean {
  return s.agencyName !== '' && originPattern(s.homeUrl) !== null;
}
