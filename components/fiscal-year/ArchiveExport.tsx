import { useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { bundleMessage } from '../../lib/bundle';
import type { ArchiveRow } from '../../lib/storage/db';
import { archivedEvidence } from '../../lib/storage/archive-repo';
import { extensionVersion } from '../../lib/platform/adapter';
import { getDb } from '../db';
import { errorText } from '../error-text';
import { downloadBlob } from '../bundle/download';
import { loadReportFonts } from '../bundle/fonts';
import { runExport } from '../bundle/run-export';
import { useBundleT } from '../bundle/useBundleT';
import { useYearsT } from '../criteria-editor/useYearsT';

type PublicPath = Parameters<typeof browser.runtime.getURL>[0];

/** Exports a closed year as a bundle, from its archive: that year's records, set and agency details. */
export function ArchiveExport({ archive }: { archive: ArchiveRow }) {
  const { y, settings } = useYearsT();
  const { b, t, lang } = useBundleT();
  const [state, setState] = useState<{ running: boolean; done: number; total: number; text: string; error: boolean }>({
    running: false,
    done: 0,
    total: 0,
    text: '',
    error: false,
  });
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    const ac = new AbortController();
    abort.current = ac;
    setState({ running: true, done: 0, total: 0, text: '', error: false });
    try {
      const db = getDb();
      const out = await runExport({
        db,
        set: archive.criteriaSet,
        subset: undefined,
        signal: ac.signal,
        extensionVersion: extensionVersion(),
        settings: {
          ...settings,
          fiscalYear: archive.fiscalYear,
          agencyName: archive.agency.name,
          homeUrl: archive.agency.homeUrl,
          units: archive.agency.units,
          urlCap: archive.agency.urlCap,
        },
        archived: {
          evidence: await archivedEvidence(db, archive.fiscalYear),
          items: archive.items,
          verify: archive.verify,
        },
        loadFonts: () =>
          loadReportFonts(
            (u) => fetch(u),
            (p) => browser.runtime.getURL(p as PublicPath),
          ),
        save: (blob, name) => downloadBlob(blob, name),
        onProgress: (done, total) => setState((s) => ({ ...s, done, total })),
      });
      if (out.ok)
        setState({
          running: false,
          done: 0,
          total: 0,
          text: b('exportDone', { file: out.fileName, files: out.files }),
          error: false,
        });
      else if (out.kind === 'bundle')
        setState({ running: false, done: 0, total: 0, text: bundleMessage(out.error, lang), error: true });
      else if (out.kind === 'fonts')
        setState({ running: false, done: 0, total: 0, text: b('fontsFailed', { detail: out.detail }), error: true });
      else
        setState({
          running: false,
          done: 0,
          total: 0,
          text: b('exportFailed', { detail: errorText(out.error, t) }),
          error: true,
        });
    } catch (e) {
      setState({
        running: false,
        done: 0,
        total: 0,
        text: b('exportFailed', { detail: errorText(e, t) }),
        error: true,
      });
    } finally {
      abort.current = null;
    }
  };

  return (
    <span className="archive-export">
      <button type="button" disabled={state.running} onClick={() => void start()}>
        {y('exportArchive', { year: archive.fiscalYear })}
      </button>
      {state.running && (
        <>
          {' '}
          <progress
            aria-label={y('exportArchive', { year: archive.fiscalYear })}
            max={Math.max(state.total, 1)}
            value={state.done}
          />{' '}
          <button type="button" onClick={() => abort.current?.abort()}>
            {b('cancel')}
          </button>
        </>
      )}
      <span role="status" className={state.text ? (state.error ? 'status error' : 'status ok') : undefined}>
        {state.text}
      </span>
    </span>
  );
}
