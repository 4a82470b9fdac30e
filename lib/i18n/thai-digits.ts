/** Thai digits (๐–๙, U+0E50–U+0E59) ⇄ Arabic digits. */
const THAI_ZERO = 0x0e50;

export function toArabicDigits(s: string): string {
  return s.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

export function toThaiDigits(s: string | number): string {
  return String(s).replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

/** Parses an integer written in Thai or Arabic digits (optional sign, thousands commas); null otherwise. */
export function parseLocaleInt(s: string): number | null {
  const t = toArabicDigits(s).trim();
  if (!/^[+-]?(\d+|\d{1,3}(,\d{3})+)$/.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}
