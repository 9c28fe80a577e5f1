import { useMemo, useState } from 'react';
import type { BodyDto } from '../../shared/model/http.js';
import { decodeBody, parseJsonExact } from '../lib/body.js';
import { formatBytes } from '../lib/format.js';
import { CopyButton } from './copy-button.js';
import { HexView } from './hex-view.js';
import { JsonTree } from './json-tree.js';
import { LongInlineText, LongText } from './long-text.js';
import { Segmented } from './segmented.js';

type Mode = 'tree' | 'form' | 'text' | 'hex';

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
                  <span className="mono break">
                    <LongInlineText text={value} />
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
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
  // Computed once per body, not on every render: re-parsing megabytes would stall the page.
  const prettyJson = useMemo(() => {
    if (decoded.kind !== 'json' || decoded.text === null) return null;
    try {
      return JSON.stringify(JSON.parse(decoded.text), null, 2);
    } catch {
      return null;
    }
  }, [decoded]);
  const active = available.some((option) => option.value === mode) ? mode : preferred;

  if (decoded.kind === 'empty') return <div className="muted body-empty">No body</div>;

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
      {active === 'text' && decoded.text !== null && <LongText text={decoded.text} />}
      {active === 'hex' && <HexView bytes={decoded.bytes} />}
    </div>
  );
}
