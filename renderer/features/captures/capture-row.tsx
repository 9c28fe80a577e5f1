import { StickyNote, Star } from 'lucide-react';
import { memo } from 'react';
import { UNPARSED_SUMMARY, type CaptureSummary } from '../../../shared/model/capture.js';
import { ProviderBadge, StatusPill } from '../../components/badges.js';
import { formatBytes, formatTime } from '../../lib/format.js';
import { starCaptures } from '../../state/capture-actions.js';

export const CAPTURE_ROW_HEIGHT = 58;

/** How a row was clicked: plain, Ctrl/Cmd (toggle in the multi-selection) or Shift (range). */
export type RowSelectMode = 'single' | 'toggle' | 'range';

export const CaptureRow = memo(function CaptureRow({
  capture,
  selected,
  picked = false,
  onSelect,
}: {
  capture: CaptureSummary;
  selected: boolean;
  /** Part of the multi-selection (bulk replay, export, diff). */
  picked?: boolean;
  onSelect: (id: number, mode: RowSelectMode) => void;
}) {
  const unparsed = capture.summary === UNPARSED_SUMMARY;
  return (
    <div
      role="option"
      aria-selected={selected || picked}
      id={`capture-${capture.id}`}
      className={`capture-row ${selected ? 'capture-row-selected' : ''} ${picked ? 'capture-row-picked' : ''}`}
      onMouseDown={(event) => {
        if (event.button !== 0) return;
        const mode = event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'single';
        // Shift-click would select text in the list otherwise.
        if (mode !== 'single') event.preventDefault();
        onSelect(capture.id, mode);
      }}
      data-capture-id={capture.id}
    >
      <div className="capture-row-line">
        <ProviderBadge provider={capture.provider} />
        <span
          className={`capture-summary ${capture.parseError ? 'capture-summary-error' : ''} ${unparsed ? 'capture-summary-pending' : ''}`}
          title={unparsed ? 'Stored during a burst; parsed in a moment' : undefined}
        >
          {capture.summary}
        </span>
        {/* Mouse shortcut; the keyboard stars with `s` and the detail has the labelled button. An
            option cannot hold a button, so this is not one. */}
        <span
          className={`row-star ${capture.starred ? 'row-star-on' : ''}`}
          title={capture.starred ? 'Unstar (s)' : 'Star (s)'}
          aria-hidden="true"
          onMouseDown={(event) => {
            if (event.button !== 0) return;
            event.stopPropagation();
            event.preventDefault();
            void starCaptures([capture.id], !capture.starred);
          }}
        >
          <Star size={13} />
        </span>
        <StatusPill status={capture.status} />
      </div>
      <div className="capture-row-meta">
        <span className="capture-method">{capture.method}</span>
        <span className="capture-path">{capture.path}</span>
        {capture.viaTunnel && <span className="meta-tag">tunnel</span>}
        {capture.origin && (
          <span className="meta-tag">{capture.origin === 'replay' ? 'replay' : 'imported'}</span>
        )}
        {capture.parseError && <span className="meta-tag meta-tag-warn">parse error</span>}
        {capture.starred && <span className="visually-hidden">starred</span>}
        {capture.note !== undefined && (
          <span className="row-note" title={capture.note}>
            <StickyNote size={11} aria-hidden="true" />
            <span className="visually-hidden">note:</span>
            <span className="row-note-text">{capture.note.replace(/\s+/gu, ' ').slice(0, 200)}</span>
          </span>
        )}
        <span className="capture-spacer" />
        <span>{formatBytes(capture.size)}</span>
        <time dateTime={new Date(capture.receivedAt).toISOString()}>{formatTime(capture.receivedAt)}</time>
      </div>
    </div>
  );
});
