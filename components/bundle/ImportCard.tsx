import { useRef, useState } from 'react';
import {
  bundleMessage,
  unresolved,
  type BundleError,
  type MergePlan,
  type MergeResult,
  type ParsedBundle,
  type Resolutions,
} from '../../lib/bundle';
import { getDb } from '../db';
import { errorText } from '../error-text';
import { ConflictTable } from './ConflictTable';
import { summaryLines } from './conflict-text';
import { finishImport, resolveAll, startImport, type ImportStep } from './import-flow';
import { useBundleT } from './useBundleT';

type State =
  | { phase: 'idle' }
  | { phase: 'reading'; file: string }
  | { phase: 'invalid'; file: string; errors: BundleError[] }
  | {
      phase: 'conflicts';
      file: string;
      bundle: ParsedBundle;
      plan: MergePlan;
      resolutions: Resolutions;
      applying: boolean;
    }
  | { phase: 'done'; file: string; result: MergeResult }
  | { phase: 'failed'; file: string; detail: string }
  | { phase: 'cancelled' };

function fromStep(file: string, s: ImportStep): State {
  if (s.kind === 'done') return { phase: 'done', file, result: s.result };
  if (s.kind === 'invalid') return { phase: 'invalid', file, errors: s.errors };
  return { phase: 'conflicts', file, bundle: s.bundle, plan: s.plan, resolutions: {}, applying: false };
}

export function ImportCard() {
  const { b, t, lang } = useBundleT();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const busy = state.phase === 'reading' || (state.phase === 'conflicts' && state.applying);

  const onFile = async (f: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!f) return;
    setState({ phase: 'reading', file: f.name });
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      setState(fromStep(f.name, await startImport(getDb(), bytes)));
    } catch (e) {
      setState({ phase: 'failed', file: f.name, detail: errorText(e, t) });
    }
  };

  const apply = async () => {
    if (state.phase !== 'conflicts') return;
    const { file, bundle, plan, resolutions } = state;
    setState({ ...state, applying: true });
    try {
      setState(fromStep(file, await finishImport(getDb(), bundle, plan, resolutions)));
    } catch (e) {
      setState({ phase: 'failed', file, detail: errorText(e, t) });
    }
  };

  return (
    <section className="card" aria-labelledby="bundle-import-title">
      <h2 id="bundle-import-title">{b('importTitle')}</h2>
      <p className="muted">{b('importIntro')}</p>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        aria-label={b('importFile')}
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy} onClick={() => input.current?.click()}>
          {b('importBundle')}
        </button>
      </div>
      {state.phase === 'conflicts' && (
        <div>
          <p>{b('conflictsIntro', { file: state.file, count: state.plan.conflicts.length })}</p>
          <div className="toolbar">
            <button type="button" onClick={() => setState({ ...state, resolutions: resolveAll(state.plan, 'mine') })}>
              {b('keepMine')}
            </button>
            <button type="button" onClick={() => setState({ ...state, resolutions: resolveAll(state.plan, 'theirs') })}>
              {b('useTheirs')}
            </button>
          </div>
          <ConflictTable
            bundle={state.bundle}
            plan={state.plan}
            resolutions={state.resolutions}
            onChange={(r) => setState({ ...state, resolutions: r })}
          />
          <div className="toolbar">
            <button
              type="button"
              className="primary"
              disabled={state.applying || unresolved(state.plan, state.resolutions).length > 0}
              onClick={() => void apply()}
            >
              {b('applyImport')}
            </button>
            <button type="button" disabled={state.applying} onClick={() => setState({ phase: 'cancelled' })}>
              {b('cancelImport')}
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite">
        {state.phase === 'reading' && <p>{b('reading', { file: state.file })}</p>}
        {state.phase === 'cancelled' && <p>{b('importCancelled')}</p>}
        {state.phase === 'failed' && (
          <p className="status error">{b('importFailed', { detail: `${state.file}: ${state.detail}` })}</p>
        )}
        {state.phase === 'done' && (
          <div className="status ok">
            <p>{b('importDone', { file: state.file })}</p>
            <ul>
              {summaryLines(state.result, lang).map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {state.phase === 'invalid' && (
        <div role="alert" className="status error">
          <p>{b('importInvalid', { file: state.file, count: state.errors.length })}</p>
          <ul className="problems">
            {state.errors.map((e, i) => (
              <li key={i}>{bundleMessage(e, lang)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
