import { isLosslessNumber } from 'lossless-json';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { LongInlineText } from './long-text.js';

/** Children shown per step for big arrays/objects, so a huge payload never renders all at once. */
const CHUNK = 100;

interface NodeProps {
  name: string | number | null;
  value: unknown;
  depth: number;
  defaultDepth: number;
  path: string;
}

function Primitive({ value }: { value: unknown }): ReactNode {
  if (value === null) return <span className="jt-null">null</span>;
  if (isLosslessNumber(value)) return <span className="jt-number">{value.toString()}</span>;
  if (typeof value === 'number') return <span className="jt-number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="jt-bool">{String(value)}</span>;
  if (typeof value === 'string')
    return (
      <span className="jt-string">
        <LongInlineText text={JSON.stringify(value)} />
      </span>
    );
  return <span>{typeof value}</span>;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null && !isLosslessNumber(value);
}

function JsonNode({ name, value, depth, defaultDepth, path }: NodeProps) {
  const [open, setOpen] = useState(depth < defaultDepth);
  const [shown, setShown] = useState(CHUNK);
  const label =
    name === null ? null : (
      <span className="jt-key">{typeof name === 'number' ? name : JSON.stringify(name).slice(1, -1)}:</span>
    );

  if (!isContainer(value)) {
    return (
      <div className="jt-row" style={{ paddingLeft: depth * 14 + 18 }} data-path={path}>
        {label} <Primitive value={value} />
      </div>
    );
  }
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
  return (
    <>
      <div className="jt-row jt-branch" style={{ paddingLeft: depth * 14 }} data-path={path}>
        <button
          type="button"
          className="jt-toggle"
          aria-expanded={open}
          aria-label={`${open ? 'Collapse' : 'Expand'} ${name ?? 'root'}`}
          onClick={() => setOpen(!open)}
        >
          {open ? <ChevronDown size={12} /> : <ChevronRight size={12} />}
        </button>
        {label} <span className="jt-summary">{summary}</span>
      </div>
      {open &&
        entries
          .slice(0, shown)
          .map(([key, child]) => (
            <JsonNode
              key={key}
              name={key}
              value={child}
              depth={depth + 1}
              defaultDepth={defaultDepth}
              path={`${path}${typeof key === 'number' ? `[${key}]` : `.${key}`}`}
            />
          ))}
      {open && entries.length > shown && (
        <div className="jt-row" style={{ paddingLeft: (depth + 1) * 14 + 18 }}>
          <button type="button" className="link-button" onClick={() => setShown(shown + CHUNK * 10)}>
            Show {Math.min(CHUNK * 10, entries.length - shown)} more of {entries.length - shown}
          </button>
        </div>
      )}
    </>
  );
}

/** A collapsible JSON tree. Values are rendered as text (inert); numbers keep their exact digits. */
export function JsonTree({ value, defaultDepth = 3 }: { value: unknown; defaultDepth?: number }) {
  return (
    <div className="json-tree" role="tree">
      <JsonNode name={null} value={value} depth={0} defaultDepth={defaultDepth} path="$" />
    </div>
  );
}
