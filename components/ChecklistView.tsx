import { useCallback, useMemo } from 'react';
import type { EvidenceRecord } from '../lib/evidence/types';
import { useUi } from './i18n';
import type { ChecklistData } from './useChecklistData';
import { CriterionItem } from './CriterionItem';
import { translateWorkflow } from '../lib/i18n/ui-workflow';

const EMPTY: EvidenceRecord[] = [];

/** The 43 items grouped by indicator and sub-indicator, each with its status, count and thumbnails. */
export function ChecklistView({
  data,
  visibleCodes,
  onOpen,
  onSelect,
}: {
  data: ChecklistData;
  visibleCodes?: Set<string>;
  onOpen(r: EvidenceRecord, opener: HTMLElement): void;
  onSelect(code: string): void;
}) {
  const { t, lang } = useUi();
  const rows = useMemo(() => new Map(data.dashboard.rows.map((r) => [r.code, r])), [data.dashboard.rows]);
  const open = useCallback(onOpen, [onOpen]);
  return (
    <div>
      {data.index.groups.map((g) => (
        <section
          key={g.number}
          aria-label={`${t('indicator', { n: g.number })} ${lang === 'th' ? g.nameTh : g.nameEn}`}
        >
          <h2>
            {t('indicator', { n: g.number })} {lang === 'th' ? g.nameTh : g.nameEn}
          </h2>
          {g.subindicators.map((s) => {
            // Filtered-out items stay mounted but hidden, so a filter change does not reload their thumbnails.
            const shown = (code: string) => !visibleCodes || visibleCodes.has(code);
            const items = s.items;
            return (
              <section key={s.subindicator.code} hidden={!items.some((c) => shown(c.code))}>
                <h3>
                  {s.subindicator.code} {lang === 'th' ? s.subindicator.nameTh : s.subindicator.nameEn}
                </h3>
                <ul className="items">
                  {items.map((c) => (
                    <CriterionItem
                      key={c.code}
                      hidden={!shown(c.code)}
                      criterion={c}
                      row={rows.get(c.code)}
                      evidence={data.byCode.get(c.code) ?? EMPTY}
                      onOpen={open}
                      onSelect={onSelect}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
        </section>
      ))}
      <ProvenanceNote data={data} lang={lang} />
    </div>
  );
}

/** Where the item names come from, said once for the whole set instead of a badge on most rows. */
function ProvenanceNote({ data, lang }: { data: ChecklistData; lang: 'th' | 'en' }) {
  const summarised = data.set.items.filter((c) => c.confidence === 'B').length;
  const unchecked = data.set.items.filter((c) => c.confidence === 'C').map((c) => c.code);
  if (!summarised && !unchecked.length) return null;
  return (
    <p className="footnote" role="note">
      {summarised > 0 && translateWorkflow(lang, 'provenanceB', { count: summarised })}
      {unchecked.length > 0 && (
        <>
          {summarised > 0 && ' '}
          {translateWorkflow(lang, 'provenanceC', { codes: unchecked.join(', ') })}
        </>
      )}
    </p>
  );
}
