import type { Lang } from '../../lib/i18n/language';
import { verdictLabel, type Verdict } from './verdict';

/** The re-verify verdict of a checklist item: shown only once its evidence was checked. */
export function VerdictBadge({ verdict, lang }: { verdict: Verdict | null; lang: Lang }) {
  if (!verdict) return null;
  return <span className={`badge verify ${verdict.ok ? 'complete' : 'missing'}`}>{verdictLabel(verdict, lang)}</span>;
}
