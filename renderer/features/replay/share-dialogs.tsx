import { Download, TriangleAlert, Upload } from 'lucide-react';
import { useState } from 'react';
import type { ExportFormat } from '../../../shared/model/replay.js';
import { ApiCallError, call } from '../../api/client.js';
import { Segmented } from '../../components/segmented.js';
import { reloadCaptures } from '../../state/capture-actions.js';
import { downloadFile } from '../../state/replay-actions.js';
import { useAppStore } from '../../state/store.js';
import { CaptureScopeField, describeFilter, type CaptureScope } from './capture-scope-field.js';
import { DialogActions } from './dialog-actions.js';
import { DialogFrame } from './dialog-frame.js';

function errorText(error: unknown): string {
  return error instanceof ApiCallError || error instanceof Error ? error.message : String(error);
}

function stamp(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

export function ShareDialogOverlay() {
  const dialog = useAppStore((state) => state.shareDialog);
  const close = () => useAppStore.setState({ shareDialog: null });
  if (dialog === 'export') return <ExportDialog onClose={close} />;
  if (dialog === 'import') return <ImportDialog onClose={close} />;
  return null;
}

function FormatField({
  value,
  onChange,
  labels,
  help,
}: {
  value: ExportFormat;
  onChange: (format: ExportFormat) => void;
  labels: Record<ExportFormat, string>;
  help: string;
}) {
  return (
    <div className="form-row">
      <span className="form-label">Format</span>
      <Segmented<ExportFormat>
        label="Format"
        value={value}
        onChange={onChange}
        options={[
          { value: 'har', label: labels.har },
          { value: 'ndjson', label: labels.ndjson },
        ]}
      />
      <p className="form-help">{help}</p>
    </div>
  );
}

function ExportDialog({ onClose }: { onClose: () => void }) {
  const picked = useAppStore((state) => state.multiSelection);
  const filter = useAppStore((state) => state.filter);
  const filtered =
    filter.provider !== null || filter.q.trim() !== '' || filter.conversation !== null || filter.starred;
  const [scope, setScope] = useState<CaptureScope>(
    picked.length > 0 ? 'selected' : filtered ? 'filter' : 'all',
  );
  const [format, setFormat] = useState<ExportFormat>('har');
  const [redact, setRedact] = useState(true);
  const [names, setNames] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setError(null);
    const selection =
      scope === 'selected'
        ? { ids: picked }
        : scope === 'filter'
          ? {
              filter: {
                ...(filter.provider ? { provider: filter.provider } : {}),
                ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
                ...(filter.conversation ? { conversation: filter.conversation } : {}),
                ...(filter.starred ? { starred: true } : {}),
              },
            }
          : {};
    const redactNames = names
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const parts: string[] = [];
    let count = 0;
    let cursor: string | undefined;
    try {
      // Page by page: each HAR page is a whole document, so its entries are merged into one file.
      do {
        setBusy(`Exported ${count} capture${count === 1 ? '' : 's'}…`);
        const page = await call('captures.export', {
          ...selection,
          format,
          redact,
          redactNames,
          ...(cursor ? { cursor } : {}),
        });
        count += page.count;
        if (format === 'ndjson') parts.push(page.data);
        else {
          const doc = JSON.parse(page.data) as { log: { entries: unknown[] } };
          for (const entry of doc.log.entries) parts.push(JSON.stringify(entry));
        }
        cursor = page.next ?? undefined;
      } while (cursor);
      if (count === 0) {
        setError('Nothing to export: the selection is empty.');
        setBusy(null);
        return;
      }
      const name = `convoscope-${stamp()}.${format === 'har' ? 'har' : 'ndjson'}`;
      if (format === 'ndjson') downloadFile(name, parts, 'application/x-ndjson');
      else {
        const version = useAppStore.getState().appInfo?.version ?? '';
        const head = JSON.stringify({
          version: '1.2',
          creator: { name: 'Convoscope', version },
          pages: [],
        }).slice(0, -1);
        const body: string[] = [`{"log":${head},"entries":[`];
        parts.forEach((part, index) => body.push(index === 0 ? part : `,${part}`));
        body.push(']}}');
        downloadFile(name, body, 'application/json');
      }
      useAppStore.getState().showToast(`Exported ${count} capture${count === 1 ? '' : 's'} to ${name}.`);
      onClose();
    } catch (reason) {
      setError(`Export failed: ${errorText(reason)}`);
      setBusy(null);
    }
  };

  return (
    <DialogFrame
      title="Export captures"
      onClose={onClose}
      footer={
        <DialogActions
          status={busy && <span className="muted">{busy}</span>}
          onClose={onClose}
          action={{ icon: <Download size={14} />, label: 'Export', disabled: busy !== null, run }}
        />
      }
    >
      <CaptureScopeField
        value={scope}
        onChange={setScope}
        selectedCount={picked.length}
        filterLabel={filtered ? `Filter: ${describeFilter(filter)}` : null}
        allLabel="All"
      />
      <FormatField
        value={format}
        onChange={setFormat}
        labels={{ har: 'HAR 1.2', ndjson: 'NDJSON (raw captures)' }}
        help={
          format === 'har'
            ? 'Opens in browsers’ dev tools, Postman, Insomnia and HTTP Toolkit; imports back losslessly here.'
            : 'One raw capture per line, bytes as base64: the exact requests, for scripts and re-import.'
        }
      />
      <div className="form-row">
        <label className="check-line">
          <input type="checkbox" checked={redact} onChange={(event) => setRedact(event.target.checked)} />
          Redact secrets
        </label>
        {redact ? (
          <>
            {/* Apart from the label: in the flex check line a <code> would break the sentence in columns. */}
            <p className="form-help">
              Authorization, Cookie, Kindly-HMAC, X-Api-Key and <code>token</code>-like form fields, query
              parameters and JSON keys become <code>[REDACTED]</code>; the rest is exported as captured.
            </p>
            <input
              aria-label="More names to redact"
              placeholder="More header, field or JSON key names to redact, comma-separated"
              value={names}
              onChange={(event) => setNames(event.target.value)}
            />
          </>
        ) : (
          <div className="callout callout-error" role="alert">
            <TriangleAlert size={14} aria-hidden="true" />
            <span>
              The file will contain secrets as captured: signatures, webhook tokens, bearer tokens and
              cookies. Anyone who gets it can forge requests to your bot. Share it only where those are safe.
            </span>
          </div>
        )}
      </div>
      {error && (
        <div className="inline-error" role="alert">
          {error}
        </div>
      )}
    </DialogFrame>
  );
}

/** NDJSON goes in chunks of whole lines so one call never carries a huge body. */
function ndjsonChunks(text: string, maxChars = 8 * 1024 * 1024): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + maxChars);
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end);
      end = newline > start ? newline + 1 : end;
    }
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

function ImportDialog({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ExportFormat>('har');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{
    imported: number;
    errors: { at: string; message: string }[];
  } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const text = await file.text();
      let imported = 0;
      const errors: { at: string; message: string }[] = [];
      const chunks = format === 'ndjson' ? ndjsonChunks(text) : [text];
      let linesBefore = 0;
      for (const chunk of chunks) {
        const answer = await call('captures.import', { format, data: chunk });
        imported += answer.imported;
        // Line numbers are per chunk; shift them to the file's.
        errors.push(
          ...answer.errors.map((item) => ({
            ...item,
            at: item.at.replace(/^line (\d+)$/u, (_, n: string) => `line ${Number(n) + linesBefore}`),
          })),
        );
        linesBefore += chunk.split('\n').length - (chunk.endsWith('\n') ? 1 : 0);
      }
      setResult({ imported, errors });
      void reloadCaptures();
    } catch (reason) {
      setError(`Import failed: ${errorText(reason)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogFrame
      title="Import captures"
      onClose={onClose}
      footer={
        <DialogActions
          closeLabel={result ? 'Close' : 'Cancel'}
          onClose={onClose}
          action={
            result
              ? undefined
              : {
                  icon: <Upload size={14} />,
                  label: busy ? 'Importing…' : 'Import',
                  disabled: !file || busy,
                  run,
                }
          }
        />
      }
    >
      <div className="form-row">
        <label htmlFor="import-file">HAR or NDJSON file</label>
        <input
          id="import-file"
          type="file"
          accept=".har,.json,.ndjson,.jsonl,application/json"
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            setResult(null);
            if (chosen) setFormat(/\.(ndjson|jsonl)$/iu.test(chosen.name) ? 'ndjson' : 'har');
          }}
        />
      </div>
      <FormatField
        value={format}
        onChange={setFormat}
        labels={{ har: 'HAR', ndjson: 'NDJSON' }}
        help="Imported captures keep their bytes and headers exactly, are marked “imported”, and never trigger the Dashly auto-responder."
      />
      {error && (
        <div className="inline-error" role="alert">
          {error}
        </div>
      )}
      {result && (
        <div role="status" className="import-result">
          <strong>
            Imported {result.imported} capture{result.imported === 1 ? '' : 's'}.
          </strong>
          {result.errors.length > 0 && (
            <>
              <p>{result.errors.length} could not be read:</p>
              <ul className="findings">
                {result.errors.slice(0, 20).map((item) => (
                  <li key={item.at} className="finding finding-warning">
                    <span>
                      <code>{item.at}</code> {item.message}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </DialogFrame>
  );
}
