import { ArrowLeftRight, GitCompareArrows } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { DiffSideInput } from '../../../shared/contract/methods/compose.js';
import type { MethodOutput } from '../../../shared/contract/index.js';
import type { DiffRow } from '../../../shared/model/diff.js';
import { ApiCallError, call } from '../../api/client.js';
import { Segmented } from '../../components/segmented.js';
import { useAppStore } from '../../state/store.js';

type DiffResult = MethodOutput<'captures.diff'>;
type SideKind = 'capture' | 'replay';
type Part = 'request' | 'response';

interface SideDraft {
  kind: SideKind;
  id: string;
  part: Part;
}

function draftOf(side: DiffSideInput | undefined, fallbackPart: Part): SideDraft {
  if (!side) return { kind: 'capture', id: '', part: fallbackPart };
  if ('capture' in side) return { kind: 'capture', id: String(side.capture), part: side.part ?? 'request' };
  return { kind: 'replay', id: String(side.replay), part: side.part ?? 'response' };
}

function sideOf(draft: SideDraft): DiffSideInput | null {
  const id = Number(draft.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return draft.kind === 'capture' ? { capture: id, part: draft.part } : { replay: id, part: draft.part };
}

function SidePicker({
  label,
  draft,
  onChange,
}: {
  label: string;
  draft: SideDraft;
  onChange: (draft: SideDraft) => void;
}) {
  return (
    <fieldset className="diff-side-picker">
      <legend>{label}</legend>
      <Segmented<SideKind>
        label={`${label}: capture or replay`}
        value={draft.kind}
        onChange={(kind) => onChange({ ...draft, kind })}
        options={[
          { value: 'capture', label: 'Capture' },
          { value: 'replay', label: 'Replay' },
        ]}
      />
      <input
        className="diff-id mono"
        aria-label={`${label} id`}
        inputMode="numeric"
        placeholder="#"
        value={draft.id}
        onChange={(event) => onChange({ ...draft, id: event.target.value.replace(/[^\d]/gu, '') })}
      />
      <Segmented<Part>
        label={`${label}: request or response`}
        value={draft.part}
        onChange={(part) => onChange({ ...draft, part })}
        options={[
          { value: 'request', label: 'Request' },
          { value: 'response', label: 'Response' },
        ]}
      />
    </fieldset>
  );
}

/** Long runs of unchanged lines fold away, keeping a little context around changes. */
function foldRows(
  rows: DiffRow[],
  context = 3,
): ({ row: DiffRow; index: number } | { folded: number; from: number })[] {
  const out: ({ row: DiffRow; index: number } | { folded: number; from: number })[] = [];
  let index = 0;
  while (index < rows.length) {
    if (rows[index]!.status !== 'same') {
      out.push({ row: rows[index]!, index });
      index++;
      continue;
    }
    let end = index;
    while (end < rows.length && rows[end]!.status === 'same') end++;
    const run = end - index;
    const keepStart = index === 0 ? 0 : context;
    const keepEnd = end === rows.length ? 0 : context;
    if (run > keepStart + keepEnd + 2) {
      for (let i = index; i < index + keepStart; i++) out.push({ row: rows[i]!, index: i });
      out.push({ folded: run - keepStart - keepEnd, from: index + keepStart });
      for (let i = end - keepEnd; i < end; i++) out.push({ row: rows[i]!, index: i });
    } else for (let i = index; i < end; i++) out.push({ row: rows[i]!, index: i });
    index = end;
  }
  return out;
}

function RowCells({ row }: { row: DiffRow }) {
  const pad = { paddingLeft: `${8 + row.indent * 14}px` };
  return (
    <>
      <div className={`diff-cell diff-left diff-${row.status}`} style={pad}>
        {row.left ?? ''}
      </div>
      <div className={`diff-cell diff-right diff-${row.status}`} style={pad}>
        {row.right ?? ''}
      </div>
    </>
  );
}

function BodyRows({ rows }: { rows: DiffRow[] }) {
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const items = foldRows(rows);
  return (
    <div className="diff-grid" role="table" aria-label="Body, side by side">
      {items.map((item) =>
        'folded' in item ? (
          expanded.has(item.from) ? (
            rows
              .slice(item.from, item.from + item.folded)
              .map((row, offset) => <RowCells key={`${item.from}-${offset}`} row={row} />)
          ) : (
            <button
              key={`fold-${item.from}`}
              type="button"
              className="diff-fold"
              onClick={() => setExpanded(new Set([...expanded, item.from]))}
            >
              ⋯ {item.folded} unchanged line{item.folded === 1 ? '' : 's'}
            </button>
          )
        ) : (
          <RowCells key={item.index} row={item.row} />
        ),
      )}
    </div>
  );
}

function DiffOutput({ result }: { result: DiffResult }) {
  const { diff } = result;
  const body = diff.body;
  const bodyChanges = body.kind === 'text' || body.kind === 'binary' ? null : body.changes.length;
  return (
    <div className="diff-output">
      <div className={`diff-verdict ${diff.equal ? 'diff-verdict-equal' : ''}`} role="status">
        {diff.equal
          ? 'No differences'
          : [
              !diff.startLine.equal ? 'start line differs' : null,
              diff.headers.changes
                ? `${diff.headers.changes} header difference${diff.headers.changes === 1 ? '' : 's'}`
                : null,
              !body.equal
                ? bodyChanges !== null
                  ? `${bodyChanges}${body.truncated ? '+' : ''} body difference${bodyChanges === 1 ? '' : 's'}`
                  : 'the body differs'
                : null,
            ]
              .filter(Boolean)
              .join(' · ')}
      </div>
      <div className="diff-columns-head">
        <span>{result.a.label}</span>
        <span>{result.b.label}</span>
      </div>
      <section className="diff-section" aria-label="Start line">
        <div className="diff-grid">
          <div className={`diff-cell mono ${diff.startLine.equal ? '' : 'diff-changed'}`}>
            {diff.startLine.left}
          </div>
          <div className={`diff-cell mono ${diff.startLine.equal ? '' : 'diff-changed'}`}>
            {diff.startLine.right}
          </div>
        </div>
      </section>
      <section className="diff-section" aria-label="Headers">
        <h3>
          Headers
          {diff.headers.ignored.length > 0 && (
            <span className="muted"> (ignoring {diff.headers.ignored.join(', ')})</span>
          )}
        </h3>
        <div className="diff-grid">
          {diff.headers.rows.map((row, index) => (
            <RowCells
              key={index}
              row={{
                status: row.status,
                indent: 0,
                path: row.name,
                left: row.left === null ? null : `${row.name}: ${row.left}`,
                right: row.right === null ? null : `${row.name}: ${row.right}`,
              }}
            />
          ))}
        </div>
      </section>
      <section className="diff-section" aria-label="Body">
        <h3>
          Body{' '}
          <span className="meta-tag">
            {body.kind === 'json'
              ? 'JSON, key order ignored'
              : body.kind === 'form'
                ? 'form fields'
                : body.kind}
          </span>
          {body.note && <span className="muted"> {body.note}</span>}
        </h3>
        {body.kind === 'binary' ? (
          <p className="muted">
            {body.equal
              ? `Identical (${body.leftSize} bytes).`
              : `Different: ${body.leftSize} vs ${body.rightSize} bytes, first difference at byte ${body.firstDifference ?? 0}.`}
          </p>
        ) : body.kind === 'empty' ? (
          <p className="muted">Both bodies are empty.</p>
        ) : (
          <BodyRows rows={body.rows} />
        )}
        {body.truncated && <p className="truncation-note">The comparison was cut to keep it readable.</p>}
        {bodyChanges !== null && bodyChanges > 0 && (
          <details className="diff-changes">
            <summary>Changed paths ({bodyChanges})</summary>
            <ul>
              {body.changes.map((change) => (
                <li key={`${change.path}-${change.status}`}>
                  <code>{change.path || '(root)'}</code>{' '}
                  <span className={`diff-tag diff-${change.status}`}>{change.status}</span>{' '}
                  <span className="mono">
                    {change.left ?? '—'} → {change.right ?? '—'}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
    </div>
  );
}

/** Two captures, or a capture and a replay, side by side. */
export function DiffView() {
  const sides = useAppStore((state) => state.diffSides);
  // A pair picked elsewhere (the list, a replay) starts the pickers afresh.
  return <DiffPanel key={JSON.stringify(sides)} sides={sides} />;
}

function DiffPanel({ sides }: { sides: { a: DiffSideInput; b: DiffSideInput } | null }) {
  const [a, setA] = useState<SideDraft>(() => draftOf(sides?.a, 'request'));
  const [b, setB] = useState<SideDraft>(() => draftOf(sides?.b, 'request'));
  const [ignore, setIgnore] = useState('date');
  const [answer, setAnswer] = useState<{
    key: string;
    result: DiffResult | null;
    error: string | null;
  } | null>(null);

  const left = sideOf(a);
  const right = sideOf(b);
  const key = JSON.stringify([left, right, ignore]);
  useEffect(() => {
    if (!left || !right) return;
    let live = true;
    call('captures.diff', {
      a: left,
      b: right,
      ignoreHeaders: ignore
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    })
      .then((data) => live && setAnswer({ key, result: data, error: null }))
      .catch(
        (reason: unknown) =>
          live &&
          setAnswer({
            key,
            result: null,
            error: reason instanceof ApiCallError ? reason.message : String(reason),
          }),
      );
    return () => {
      live = false;
    };
    // key stands for left, right and ignore.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const current = answer?.key === key ? answer : null;
  const result = current?.result ?? null;
  const error = current?.error ?? null;
  const loading = current === null;
  return (
    <div className="diff-view">
      <div className="diff-toolbar">
        <SidePicker label="Left" draft={a} onChange={setA} />
        <button
          type="button"
          className="icon-button diff-swap"
          aria-label="Swap sides"
          onClick={() => {
            setA(b);
            setB(a);
          }}
        >
          <ArrowLeftRight size={16} />
        </button>
        <SidePicker label="Right" draft={b} onChange={setB} />
        <label className="diff-ignore">
          Ignore headers
          <input
            value={ignore}
            onChange={(event) => setIgnore(event.target.value)}
            placeholder="date, x-request-id"
          />
        </label>
      </div>
      <div className="diff-scroll">
        {!left || !right ? (
          <div className="detail-placeholder">
            <GitCompareArrows size={22} aria-hidden="true" />
            <p>Pick two captures, or a capture and a replay.</p>
            <p className="muted">
              Ctrl/⌘-click two rows in Captures and press Diff, or open a replay and compare it with the
              captured response.
            </p>
          </div>
        ) : error ? (
          <div className="inline-error detail-pad" role="alert">
            {error}
          </div>
        ) : result ? (
          <DiffOutput result={result} />
        ) : (
          loading && <div className="muted detail-pad">Comparing…</div>
        )}
      </div>
    </div>
  );
}
