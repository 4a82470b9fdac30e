/** Text detectors for Thai municipal pages. Input text is normalised (Arabic digits, single spaces). */
import { findYearSpans } from '../criteria/period-text';

export interface Finding {
  kind: FindingKind;
  match: string;
}

export type FindingKind =
  | 'phone'
  | 'fax'
  | 'email'
  | 'map'
  | 'address'
  | 'person'
  | 'year'
  | 'fiscal-year'
  | 'first-half'
  | 'none-statement'
  | 'placeholder'
  | 'signature';

const THAI_DIGIT_ZERO = 0x0e50;

/** Thai digits → Arabic (same length, so indexes survive) and whitespace runs → one space. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - THAI_DIGIT_ZERO))
    .replace(/[\s\u00A0\u200B]+/g, ' ');
}

const PHONE = /(?<![\d])(?:\+66|\(?0)(?:[ \-.()]{0,2}\d){8,9}(?![\d])/g;
const PHONE_LABEL = /(โทรศัพท์|โทร\.?|tel\.?|phone|มือถือ|mobile)/i;
const FAX_LABEL = /(โทรสาร|แฟกซ์|แฟ็กซ์|fax)/i;

function isThaiPhone(raw: string): boolean {
  let digits = raw.replace(/\D/g, '');
  if (raw.startsWith('+66')) digits = '0' + digits.slice(2);
  if (digits.length === 9) return /^0[2-7]/.test(digits);
  if (digits.length === 10) return /^0[689]/.test(digits);
  return false;
}

/** Numbers labelled โทรสาร/Fax are fax; others phone; "โทรศัพท์/โทรสาร 0…" is both. */
export function findPhonesAndFaxes(text: string): Finding[] {
  const out: Finding[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(PHONE)) {
    const raw = m[0].replace(/^\(|[ \-.(]+$/g, '');
    const start = m.index;
    if (!isThaiPhone(raw)) continue;
    const label = text.slice(Math.max(prevEnd, start - 30), start);
    prevEnd = start + m[0].length;
    const fax = FAX_LABEL.test(label);
    const phone = PHONE_LABEL.test(label.replace(new RegExp(FAX_LABEL.source, 'gi'), ''));
    if (fax) out.push({ kind: 'fax', match: raw });
    if (phone || !fax) out.push({ kind: 'phone', match: raw });
  }
  return out;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export function findEmails(text: string): Finding[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ kind: 'email' as const, match: m[0] }));
}

const MAP_WORDS = /(แผนที่|google ?maps?|maps\.google|goo\.gl\/maps|maps\.app\.goo\.gl)/i;

export function findMap(text: string, hasMap: boolean): Finding[] {
  const m = MAP_WORDS.exec(text);
  if (m) return [{ kind: 'map', match: m[0] }];
  return hasMap ? [{ kind: 'map', match: 'map element' }] : [];
}

/** Road, village and district words, Thai and English ("Moo 3, Phetkasem Rd., Mueang District"). */
const ADDRESS_TOKEN =
  /(หมู่ที่|หมู่|ม\.\s?\d|ถนน|ถ\.|ซอย|ตำบล|ต\.|แขวง|อำเภอ|อ\.|เขต|จังหวัด|จ\.|\b(?:road|rd\.?|street|st\.|soi|moo|sub-?district|tambon|district|amphoe|province|changwat)\b)/gi;
/** A label that says what follows is the address. */
const ADDRESS_LABEL = /(ที่อยู่|ที่ตั้ง|สถานที่ตั้ง|\b(?:mailing\s+)?address\b|\blocation\b)/i;
const POSTCODE = /(?<!\d)[1-9]\d{4}(?!\d)/g;

/**
 * A postcode preceded (within 200 chars) by a road, village or district word, Thai or English, and
 * either a second such word or an address label ("ที่อยู่", "Mailing Address").
 */
export function findAddresses(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(POSTCODE)) {
    const windowStart = Math.max(0, m.index - 200);
    const before = text.slice(windowStart, m.index);
    const tokens = [...before.matchAll(ADDRESS_TOKEN)];
    if (tokens.length === 0) continue;
    const distinct = new Set(
      tokens.map((t) =>
        t[0]
          .toLowerCase()
          .replace(/\s?\d$/, '')
          .replace(/\.$/, ''),
      ),
    );
    const label = ADDRESS_LABEL.exec(before);
    if (distinct.size < 2 && !label) continue;
    const startAt = label && label.index < tokens[0]!.index ? label.index : tokens[0]!.index;
    out.push({ kind: 'address', match: text.slice(windowStart + startAt, m.index + m[0].length).trim() });
  }
  return out;
}

const POSITION =
  /(รองนายก[\u0E00-\u0E7F.]*|นายก(?:เทศมนตรี[\u0E00-\u0E7F]*|องค์การบริหารส่วน[\u0E00-\u0E7F]+|อบต\.?|อบจ\.?)|รองปลัด[\u0E00-\u0E7F.]*|ปลัด(?:เทศบาล|องค์การบริหารส่วน[\u0E00-\u0E7F]+|อบต\.?|อบจ\.?)|(?:ผู้อำนวยการ|ผอ\.)\s?(?:กอง|สำนัก)[\u0E00-\u0E7F]*|หัวหน้าสำนักปลัด[\u0E00-\u0E7F]*)/g;
const PERSON =
  /(?:นางสาว|นาง|นาย|น\.ส\.|ว่าที่ ?ร(?:้อย)?\.? ?ต(?:รี)?\.?|ดร\.)\s?[\u0E01-\u0E4E]{2,}\s[\u0E01-\u0E4E]{2,}/g;

/** A titled name (นาย/นาง/นางสาว …) within 80 characters of an executive position. */
export function findPeople(text: string): Finding[] {
  const positions = [...text.matchAll(POSITION)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
  if (positions.length === 0) return [];
  // Blank the positions out first: "นายกเทศมนตรี" would otherwise read as title "นาย" + a name.
  let masked = text;
  for (const p of positions) masked = masked.slice(0, p.start) + ' '.repeat(p.end - p.start) + masked.slice(p.end);
  const out: Finding[] = [];
  for (const m of masked.matchAll(PERSON)) {
    const end = m.index + m[0].length;
    const gap = (p: { start: number; end: number }): number =>
      p.start >= end ? p.start - end : Math.abs(m.index - p.end);
    const near = positions
      .filter((p) => gap(p) <= 80)
      // Closest wins; on a tie, the position after the name (the usual name-then-title layout).
      .sort((a, b) => gap(a) - gap(b) || b.start - a.start)[0];
    if (near) out.push({ kind: 'person', match: `${m[0].trim()} — ${near.text}` });
  }
  return out;
}

/**
 * Buddhist Era years: 4-digit 25xx, or 2 digits after พ.ศ./ปีงบประมาณ; both ends of a range
 * ("2561-2565"). lib/criteria/period-text reads the same text as spans for the period rules.
 */
export function findYears(text: string): { year: number; match: string }[] {
  return findYearSpans(text).flatMap((s) =>
    s.from === s.to
      ? [{ year: s.from, match: s.match }]
      : [
          { year: s.from, match: s.match },
          { year: s.to, match: s.match },
        ],
  );
}

const SIGN_WORDS = /(ลงชื่อ|ลงนาม|(?:ประกาศ|สั่ง|ให้ไว้)\s?ณ\s?วันที่)/g;
const TOP_EXECUTIVE =
  /(นายกเทศมนตรี|นายกองค์การบริหารส่วน|นายก\s?(?:อบต|อบจ)|ผู้ว่าราชการ|ผู้อำนวยการ|อธิการบดี|เลขาธิการ|อธิบดี|ปลัดกระทรวง|\b(?:mayor|director|president)\b)/i;

/** A signature block: "ลงชื่อ" or "ประกาศ ณ วันที่" followed within 300 characters by a top-executive title. */
export function findSignature(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(SIGN_WORDS)) {
    const after = text.slice(m.index, m.index + 300);
    const title = TOP_EXECUTIVE.exec(after);
    if (title) out.push({ kind: 'signature', match: after.slice(0, title.index + title[0].length) });
  }
  return out;
}

const MONTH_OCT = '(?:ต\\.\\s?ค\\.|ตุลาคม)';
const MONTH_MAR = '(?:มี\\.\\s?ค\\.|มีนาคม)';

/** The first half of fiscal year `fy` (BE): ต.ค. fy-1 … มี.ค. fy, in any common spelling. */
export function findFirstHalf(text: string, fy: number): Finding[] {
  const y = (year: number): string => `(?:${year}|${String(year).slice(2)})`;
  const re = new RegExp(
    `${MONTH_OCT}\\s?(?:พ\\.ศ\\.\\s?)?${y(fy - 1)}(?!\\d).{0,40}?${MONTH_MAR}\\s?(?:พ\\.ศ\\.\\s?)?${y(fy)}(?!\\d)`,
    'g',
  );
  return [...text.matchAll(re)].map((m) => ({ kind: 'first-half' as const, match: m[0] }));
}

const NONE_STATEMENT = /ไม่มี(?:การ)?[\u0E01-\u0E4E]{2,40}/g;

export function findNoneStatements(text: string): Finding[] {
  return [...text.matchAll(NONE_STATEMENT)].map((m) => ({ kind: 'none-statement' as const, match: m[0] }));
}

const PLACEHOLDER =
  /(กำลังปรับปรุง(?:ข้อมูล)?|อยู่ระหว่าง(?:การ)?ปรับปรุง(?:ข้อมูล)?|อยู่ระหว่างดำเนินการ|ยังไม่มีข้อมูล|coming soon|under construction)/gi;

export function findPlaceholders(text: string): Finding[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ kind: 'placeholder' as const, match: m[0] }));
}

const TOP_TITLE = /^(?:นายก(?:เทศมนตรี|องค์การบริหารส่วน|\s?อบต|\s?อบจ)|ผู้อำนวยการ(?!กอง|สำนัก))/;

/** Names of the top executives (นายก…, not รองนายก or heads of divisions) listed on an executives page. */
export function findTopExecutives(text: string): string[] {
  const names: string[] = [];
  for (const f of findPeople(text)) {
    const [name, title] = f.match.split(' — ');
    if (name && title && TOP_TITLE.test(title) && !names.includes(name)) names.push(name);
  }
  return names;
}
