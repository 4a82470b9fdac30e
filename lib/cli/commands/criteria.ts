/** `ita-evidence criteria`: list or search a criteria set (built in or from a JSON file), or show one item. */
import { readFile } from 'node:fs/promises';
import type { CliCommand, CliIo, CliLang } from '../types';
import type { CriteriaSet, Criterion } from '../../criteria/types';
import { formatArgError, parseArgs, resolveLang } from '../args';
import { builtInSets, criteriaIndex, DEFAULT_SET_ID, getBuiltInSet } from '../../criteria/registry';
import { searchCriteria } from '../../criteria/search';
import { parseCriteriaSetJson } from '../../criteria/parse-json';
import { formatCriteriaError } from '../../criteria/errors';
import { describeItem } from '../../criteria/describe';
import { confidenceSummary, isUnconfirmedSet } from '../../criteria/provenance';
import { padEndDisplay, displayWidth } from '../text-width';

const USAGE = 'ita-evidence criteria [--sets | --set ID | --file PATH] [--json] [--lang th|en] [CODE | query]';

const T = {
  th: {
    header: ['ข้อ', 'ชื่อ (ไทย)', 'ชื่อ (อังกฤษ)', 'องค์ประกอบ', 'ความมั่นใจ'],
    indicator: (n: number, th: string, en: string) => `ตัวชี้วัดที่ ${n} ${th} (${en})`,
    unknownSet: (id: string, known: string) => `ไม่พบชุดเกณฑ์ "${id}" (ที่มี: ${known})`,
    readFail: (p: string, m: string) => `อ่านไฟล์ ${p} ไม่ได้: ${m}`,
    invalid: (p: string, n: number) => `ไฟล์ชุดเกณฑ์ ${p} ไม่ถูกต้อง (${n} ข้อผิดพลาด)`,
    noMatch: (q: string) => `ไม่พบข้อที่ตรงกับ "${q}"`,
    total: (n: number) => `ทั้งหมด ${n} ข้อ`,
    setsHeader: ['ชุดเกณฑ์', 'ปีงบประมาณ', 'ข้อ', 'ความมั่นใจ A/B/C', 'ชื่อ'],
    unconfirmed: 'ชุดเกณฑ์นี้ยังไม่ได้ตรวจกับคู่มือการประเมินของสำนักงาน ป.ป.ช. แหล่งที่มาของแต่ละข้อดูได้ด้วย --json',
  },
  en: {
    header: ['Code', 'Thai name', 'English name', 'Elements', 'Confidence'],
    indicator: (n: number, th: string, en: string) => `Indicator ${n} ${en} (${th})`,
    unknownSet: (id: string, known: string) => `unknown criteria set "${id}" (available: ${known})`,
    readFail: (p: string, m: string) => `cannot read ${p}: ${m}`,
    invalid: (p: string, n: number) => `criteria file ${p} is invalid (${n} ${n === 1 ? 'error' : 'errors'})`,
    noMatch: (q: string) => `no items match "${q}"`,
    total: (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`,
    setsHeader: ['Set', 'Fiscal year', 'Items', 'Confidence A/B/C', 'Title'],
    unconfirmed: "This set has not been checked against an official NACC manual; each item's source is in --json",
  },
};

async function loadSet(
  setId: string | undefined,
  file: string | undefined,
  io: CliIo,
  lang: CliLang,
): Promise<CriteriaSet | null> {
  const t = T[lang];
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      io.stderr(t.readFail(file, e instanceof Error ? e.message : String(e)));
      return null;
    }
    const r = parseCriteriaSetJson(text);
    if (r.ok) return r.set;
    io.stderr(t.invalid(file, r.errors.length));
    for (const err of r.errors) io.stderr(`  ${formatCriteriaError(err, lang)}`);
    return null;
  }
  const id = setId ?? DEFAULT_SET_ID;
  const set = getBuiltInSet(id);
  if (!set)
    io.stderr(
      t.unknownSet(
        id,
        builtInSets()
          .map((s) => s.id)
          .join(', '),
      ),
    );
  return set ?? null;
}

function row(cells: string[], widths: number[]): string {
  return cells
    .map((c, i) => (i === cells.length - 1 ? c : padEndDisplay(c, widths[i]!)))
    .join('  ')
    .trimEnd();
}

function renderTable(set: CriteriaSet, items: Criterion[], grouped: boolean, lang: CliLang): string[] {
  const t = T[lang];
  const cells = (it: Criterion) => [it.code, it.nameTh, it.nameEn, String(it.elements.length), it.confidence];
  const all = [t.header, ...items.map(cells)];
  const widths = t.header.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i]!))));
  const out = [row(t.header, widths)];
  if (!grouped) {
    out.push(...items.map((it) => row(cells(it), widths)));
  } else {
    for (const ind of criteriaIndex(set).groups) {
      out.push('', t.indicator(ind.number, ind.nameTh, ind.nameEn));
      for (const g of ind.subindicators) {
        out.push(`${g.subindicator.code} ${lang === 'th' ? g.subindicator.nameTh : g.subindicator.nameEn}`);
        out.push(...g.items.map((it) => row(cells(it), widths)));
      }
    }
  }
  out.push('', t.total(items.length));
  return out;
}

function listSets(json: boolean, io: CliIo, lang: CliLang): number {
  const sets = builtInSets();
  if (json) {
    io.stdout(
      JSON.stringify(
        sets.map((s) => ({
          id: s.id,
          framework: s.framework,
          fiscalYear: s.fiscalYear,
          agencyType: s.agencyType,
          titleTh: s.titleTh,
          titleEn: s.titleEn,
          itemCount: s.items.length,
          confidence: confidenceSummary(s),
          confirmedByManual: !isUnconfirmedSet(s),
          previousSetId: s.previousSetId ?? null,
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  const t = T[lang];
  const rows = sets.map((s) => {
    const c = confidenceSummary(s);
    return [
      s.id,
      String(s.fiscalYear),
      String(s.items.length),
      `${c.A}/${c.B}/${c.C}`,
      lang === 'th' ? s.titleTh : s.titleEn,
    ];
  });
  const widths = t.setsHeader.map((_, i) => Math.max(...[t.setsHeader, ...rows].map((r) => displayWidth(r[i]!))));
  io.stdout([row(t.setsHeader, widths), ...rows.map((r) => row(r, widths))].join('\n'));
  return 0;
}

/** The item whose code the query is ("O4", "o4"), if any: then the whole definition is shown. */
function itemByCode(set: CriteriaSet, query: string): Criterion | undefined {
  const q = query.trim().toUpperCase();
  return set.items.find((it) => it.code === q);
}

export const criteriaCommand: CliCommand = {
  name: 'criteria',
  summaryTh: 'แสดงรายการเกณฑ์ (ข้อ O1–O43) ค้นหาเกณฑ์ หรือแสดงรายละเอียดของข้อ',
  summaryEn: 'List or search the criteria catalogue (items O1–O43), or show one item in full',
  usage: USAGE,
  async run(args, io) {
    const a = parseArgs(args, { flags: ['json', 'sets'], options: ['set', 'file'] });
    const lang = resolveLang(a.options.get('lang'), io.env);
    if (a.errors.length > 0) {
      for (const e of a.errors) io.stderr(formatArgError(e, lang));
      io.stderr(USAGE);
      return 2;
    }
    if (a.flags.has('sets')) return listSets(a.flags.has('json'), io, lang);
    const set = await loadSet(a.options.get('set'), a.options.get('file'), io, lang);
    if (!set) return 1;
    const query = a.positionals.join(' ').trim();
    const one = itemByCode(set, query);
    if (one) {
      if (a.flags.has('json'))
        io.stdout(JSON.stringify({ set: set.id, fiscalYear: set.fiscalYear, item: one }, null, 2));
      else io.stdout(describeItem(one, set.fiscalYear, lang).join('\n'));
      return 0;
    }
    const items = searchCriteria(set, query);
    if (a.flags.has('json')) {
      // Whole definitions, sources included: what an editor or another tool needs.
      io.stdout(
        JSON.stringify(
          {
            id: set.id,
            fiscalYear: set.fiscalYear,
            titleTh: set.titleTh,
            titleEn: set.titleEn,
            previousSetId: set.previousSetId ?? null,
            confirmedByManual: !isUnconfirmedSet(set),
            items,
          },
          null,
          2,
        ),
      );
      return 0;
    }
    if (query !== '' && items.length === 0) {
      io.stderr(T[lang].noMatch(query));
      return 1;
    }
    io.stdout(lang === 'th' ? set.titleTh : set.titleEn);
    if (isUnconfirmedSet(set)) io.stdout(T[lang].unconfirmed);
    io.stdout(renderTable(set, items, query === '', lang).join('\n'));
    return 0;
  },
};
