import { useMemo, useState } from 'react';
import type { BodyDto } from '../../shared/model/http.js';
import { decodeBody, parseJsonExact } from '../lib/body.js';
import { formatBytes } from '../lib/format.js';
import { CopyButton } from './copy-button.js';
import { HexView } from './hex-view.js';
import { JsonTree } from './json-tree.js';
import { Segmented } from './segmented.js';

type Mode = 'tree' | 'form' | 'text' | 'hex';

/** Text shown at once; beyond this the view says it is cut and offers the rest. */
const TEXT_PREVIEW_CHARS = 256 * 1024;
/** Bodies larger than this open as text first: building a tree for them is an explicit choice. */
const TREE_AUTO_LIMIT = 2 * 1024 * 1024;

function FormFields({ fields }: { fields: [string, string][] }) {
  return (
    <table className="kv-table">
      <tbody>
        {fields.map(([name, value], index) => {
          let json: unknown;
          const trimmed = value.trim();
          if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
            try {
              json = parseJsonExact(trimmed);
            } catch {
              json = undefined;
            }
          }
          return (
            <tr key={`${name}-${index}`}>
              <th scope="row">{name}</th>
              <td>
                {json !== undefined ? (
                  <>
                    <div className="field-note">JSON, decoded</div>
                    <JsonTree value={json} defaultDepth={2} />
                  </>
                ) : (
                  <span className="mono break">{value}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function TextView({ text }: { text: string }) {
  const [full, setFull] = useState(false);
  const cut = !full && text.length > TEXT_PREVIEW_CHARS;
  return (
    <div>
      <pre className="code-block">{cut ? text.slice(0, TEXT_PREVIEW_CHARS) : text}</pre>
      {cut && (
        <div className="truncation-note">
          Showing the first {formatBytes(TEXT_PREVIEW_CHARS)} of {formatBytes(text.length)} of text.{' '}
          <button type="button" className="link-button" onClick={() => setFull(true)}>
            Show all
          </button>
        </div>
      )}
    </div>
  );
}

/** A request or response body: JSON tree, decoded form fields, text, or hex — always inert text. */
export function BodyViewer({
  body,
  contentType,
  label,
}: {
  body: BodyDto;
  contentType: string | undefined;
  label: string;
}) {
  const decoded = useMemo(() => decodeBody(body.base64, contentType), [body.base64, contentType]);
  const available: { value: Mode; label: string }[] = [];
  if (decoded.kind === 'json') available.push({ value: 'tree', label: 'Tree' });
  if (decoded.kind === 'form') available.push({ value: 'form', label: 'Fields' });
  if (decoded.text !== null) available.push({ value: 'text', label: 'Text' });
  available.push({ value: 'hex', label: 'Hex' });
  const preferred: Mode =
    decoded.kind === 'json' && decoded.bytes.length <= TREE_AUTO_LIMIT
      ? 'tree'
      : decoded.kind === 'form'
        ? 'form'
        : decoded.text !== null
          ? 'text'
          : 'hex';
  const [mode, setMode] = useState<Mode>(preferred);
  const active = available.some((option) => option.value === mode) ? mode : preferred;

  if (decoded.kind === 'empty') return <div className="muted body-empty">No body</div>;
  const prettyJson =
    decoded.kind === 'json' && decoded.text !== null
      ? JSON.stringify(JSON.parse(decoded.text), null, 2)
      : null;

  return (
    <div className="body-viewer">
      <div className="body-toolbar">
        <Segmented label={`${label} view`} options={available} value={active} onChange={setMode} />
        <span className="muted">
          {formatBytes(body.size)}
          {decoded.kind === 'binary' ? ' · binary' : ''}
        </span>
        <span className="capture-spacer" />
        {decoded.text !== null && <CopyButton text={decoded.text} label={`Copy ${label.toLowerCase()}`} />}
        {prettyJson !== null && <CopyButton text={prettyJson} label="Copy pretty" />}
      </div>
      {body.truncated && (
        <div className="truncation-note" role="note">
          Only the first {formatBytes(decoded.bytes.length)} of {formatBytes(body.size)} were stored (the body
          was over the listener&apos;s limit).
        </div>
      )}
      {active === 'tree' && <JsonTree value={decoded.json} />}
      {active === 'form' && decoded.form && <FormFields fields={decoded.form} />}
      {active === 'text' && decoded.text !== null && <TextView text={decoded.text} />}
      {active === 'hex' && <HexView bytes={decoded.bytes} />}
    </div>
  );
}
