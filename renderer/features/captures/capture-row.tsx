import { memo } from 'react';
import type { CaptureSummary } from '../../../shared/model/capture.js';
import { ProviderBadge, StatusPill } from '../../components/badges.js';
import { formatBytes, formatTime } from '../../lib/format.js';

export const CAPTURE_ROW_HEIGHT = 58;

export const CaptureRow = memo(function CaptureRow({
  capture,
  selected,
  onSelect,
}: {
  capture: CaptureSummary;
  selected: boolean;
  onSelect: (id: number) => void;
}) {
  return (
    <div
      role="option"
      aria-selected={selected}
      id={`capture-${capture.id}`}
      className={`capture-row ${selected ? 'capture-row-selected' : ''}`}
      onMouseDown={(event) => {
        if (event.button === 0) onSelect(capture.id);
      }}
      data-capture-id={capture.id}
    >
      <div className="capture-row-line">
        <ProviderBadge provider={capture.provider} />
        <span className={`capture-summary ${capture.parseError ? 'capture-summary-error' : ''}`}>
          {capture.summary}
        </span>
        <StatusPill status={capture.status} />
      </div>
      <div className="capture-row-meta">
        <span className="capture-method">{capture.method}</span>
        <span className="capture-path">{capture.path}</span>
        {capture.viaTunnel && <span className="meta-tag">tunnel</span>}
        {capture.parseError && <span className="meta-tag meta-tag-warn">parse error</span>}
        <span className="capture-spacer" />
        <span>{formatBytes(capture.size)}</span>
        <time dateTime={new Date(capture.receivedAt).toISOString()}>{formatTime(capture.receivedAt)}</time>
      </div>
    </div>
  );
});
