export type StorageLevel = 'ok' | 'warn' | 'critical';

export interface StorageHealth {
  usage: number;
  quota: number;
  /** Share of the quota used, one decimal; 0 when the quota is unknown. */
  percent: number;
  level: StorageLevel;
  /** Whether the browser granted persistent storage (navigator.storage.persist()). */
  persisted: boolean;
}

export const WARN_PERCENT = 80;
export const CRITICAL_PERCENT = 95;

function nonNegative(n: number | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
}

/** Reads a `navigator.storage.estimate()` result; the caller does the browser calls. */
export function storageHealth(estimate: { usage?: number; quota?: number }, persisted: boolean): StorageHealth {
  const usage = nonNegative(estimate.usage);
  const quota = nonNegative(estimate.quota);
  const ratio = quota > 0 ? (usage / quota) * 100 : 0;
  const level: StorageLevel = ratio >= CRITICAL_PERCENT ? 'critical' : ratio >= WARN_PERCENT ? 'warn' : 'ok';
  return { usage, quota, percent: Math.round(ratio * 10) / 10, level, persisted };
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** "12.3 MB" (1024-based). The same in both languages: Thai users read these units as written. */
export function formatBytes(n: number, _lang: 'th' | 'en' = 'th'): string {
  let value = nonNegative(n);
  let unit = 0;
  while (value >= 1023.95 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(Math.round(value)) : (Math.round(value * 10) / 10).toFixed(1);
  return `${text} ${UNITS[unit]}`;
}

export const STORAGE_HEALTH_MESSAGES: Record<StorageLevel | 'notPersisted', { th: string; en: string }> = {
  ok: { th: 'ใช้พื้นที่ {used} จาก {quota}', en: '{used} of {quota} used' },
  warn: {
    th: 'พื้นที่เก็บข้อมูลใกล้เต็ม ({percent}%): ควรส่งออกชุดข้อมูล',
    en: 'Storage nearly full ({percent}%): export a bundle',
  },
  critical: {
    th: 'พื้นที่เก็บข้อมูลเกือบเต็ม ({percent}%): ส่งออกและลบหลักฐานเก่า',
    en: 'Storage almost full ({percent}%): export and remove old evidence',
  },
  notPersisted: {
    th: 'เบราว์เซอร์อาจลบข้อมูลได้เมื่อพื้นที่ดิสก์เหลือน้อย: ควรส่งออกชุดข้อมูลเป็นระยะ',
    en: 'The browser may clear this data when disk space runs low: export a bundle regularly',
  },
};
