import { useState } from 'react';

const ROW = 16;
const PAGE_ROWS = 1024;

function hexRow(bytes: Uint8Array, offset: number): string {
  const slice = bytes.subarray(offset, offset + ROW);
  const hex = Array.from(slice, (b) => b.toString(16).padStart(2, '0')).join(' ');
  const ascii = Array.from(slice, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
  return `${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(ROW * 3 - 1, ' ')}  ${ascii}`;
}

/** Offset / hex / ASCII dump, 16 KiB at a time. */
export function HexView({ bytes }: { bytes: Uint8Array }) {
  const [rows, setRows] = useState(PAGE_ROWS);
  const total = Math.ceil(bytes.length / ROW);
  const lines: string[] = [];
  for (let row = 0; row < Math.min(rows, total); row++) lines.push(hexRow(bytes, row * ROW));
  return (
    <div>
      <pre className="code-block hex-view">{lines.join('\n')}</pre>
      {rows < total && (
        <button type="button" className="link-button" onClick={() => setRows(rows + PAGE_ROWS)}>
          Show more ({((total - rows) * ROW).toLocaleString()} bytes left)
        </button>
      )}
    </div>
  );
}
