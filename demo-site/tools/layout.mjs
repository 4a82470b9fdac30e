// Shared page frame of the demo site: masthead, top menu, breadcrumb, footer.
export const SITE = {
  nameTh: 'เทศบาลเมืองตัวอย่าง',
  nameEn: 'Tua-Yang Town Municipality',
  address: 'สำนักงานเทศบาลเมืองตัวอย่าง เลขที่ 99 หมู่ที่ 3 ถนนเทศบาลสามัคคี ตำบลตัวอย่าง อำเภอเมืองตัวอย่าง จังหวัดตัวอย่าง 70000',
  phone: '0 3470 0000',
  fax: '0 3470 0001',
  email: 'saraban@tuayang.example.org',
};

const MENU = [
  ['หน้าแรก', 'index.html'],
  ['ข้อมูลหน่วยงาน', 'about.html'],
  ['ข่าวประชาสัมพันธ์', 'news.html?cat=1'],
  ['ITA / การเปิดเผยข้อมูลสาธารณะ (OIT)', 'ita/index.html'],
  ['ร้องเรียนการทุจริต', 'ita/o30.html'],
  ['ติดต่อเรา', 'ita/o5.html'],
];

export const EMBLEM = `<svg width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="ตราเทศบาล">
<circle cx="32" cy="32" r="30" fill="#fff" stroke="#d4a017" stroke-width="4"/>
<path d="M14 44 L32 14 L50 44 Z" fill="#1b6b3a"/><path d="M22 44 L32 27 L42 44 Z" fill="#58a96f"/>
<rect x="12" y="44" width="40" height="5" fill="#0b5394"/></svg>`;

/** Prefix from a page path back to the site root, e.g. "ita/o5.html" → "../". */
export function rootPrefix(pagePath) {
  return '../'.repeat(pagePath.split('/').length - 1);
}

/** @param {{ path: string, title: string, body: string, crumbs?: [string, string?][], active?: string }} page */
export function renderPage(page) {
  const r = rootPrefix(page.path);
  const menu = MENU.map(([text, href]) => {
    const cls = page.active === href ? ' class="active"' : '';
    return `<li><a href="${r}${href.replace(/&/g, '&amp;')}"${cls}>${text}</a></li>`;
  }).join('\n      ');
  const crumbs = page.crumbs
    ? `<p class="breadcrumb">${[['หน้าแรก', 'index.html'], ...page.crumbs]
        .map(([t, h]) => (h ? `<a href="${r}${h}">${t}</a>` : `<span>${t}</span>`))
        .join(' › ')}</p>\n`
    : '';
  return `<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} | ${SITE.nameTh}</title>
<link rel="stylesheet" href="${r}assets/style.css">
</head>
<body>
<div class="topbar"><div class="wrap"><span>${SITE.nameEn}</span><span>โทรศัพท์ ${SITE.phone} · ${SITE.email}</span></div></div>
<header class="masthead">
  <div class="wrap">
    ${EMBLEM}
    <div class="site-name">${SITE.nameTh}<small>อำเภอเมืองตัวอย่าง จังหวัดตัวอย่าง · เว็บไซต์สาธิต (ข้อมูลสมมติ)</small></div>
  </div>
</header>
<nav class="menu" aria-label="เมนูหลัก">
  <ul>
      ${menu}
  </ul>
</nav>
<div class="wrap">
${crumbs}<main>
${page.body.trim()}
</main>
</div>
<footer class="site">
  <div class="wrap">
    <div><strong>${SITE.nameTh}</strong><br>${SITE.address}</div>
    <div>โทรศัพท์ ${SITE.phone} · โทรสาร ${SITE.fax}<br>e-mail: <a href="mailto:${SITE.email}">${SITE.email}</a></div>
  </div>
  <div class="wrap"><small>© ๒๕๖๔ ${SITE.nameTh} — เว็บไซต์สาธิตสำหรับซอฟต์แวร์ ITA Evidence ข้อมูลทั้งหมดเป็นข้อมูลสมมติ</small></div>
</footer>
</body>
</html>
`;
}

/** Small helpers for tables. */
export const table = (head, rows, numCols = []) => `<table>
<thead><tr>${head.map((h, i) => `<th${numCols.includes(i) ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((row) => `<tr>${row.map((c, i) => `<td${numCols.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`;

export const baht = (n) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
export const thaiDigits = (s) => String(s).replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
