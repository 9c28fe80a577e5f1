import { Download, GitCompareArrows, RotateCw, Upload, X } from 'lucide-react';
import { clearSelection, openBulkDialog, openDiff } from '../../state/replay-actions.js';
import { useAppStore } from '../../state/store.js';
import { ParsingBacklogChip } from '../health/parsing-backlog-chip.js';
import { BulkPanel } from './bulk-panel.js';

/** Under the filter bar: what is picked, and what can be done with it or with the current filter. */
export function CaptureListToolbar() {
  const picked = useAppStore((state) => state.multiSelection);
  const bulk = useAppStore((state) => state.bulk);
  const count = picked.length;
  const parsing = useAppStore((state) => state.health?.parsing.pending ?? 0);
  return (
    <>
      <div className="list-toolbar" role="toolbar" aria-label="Selected captures">
        {count === 0 && parsing > 0 ? (
          <ParsingBacklogChip pending={parsing} />
        ) : (
          <span className={count ? 'list-toolbar-count' : 'muted list-toolbar-hint'}>
            {count ? `${count} selected` : 'Shift/Ctrl-click selects several'}
          </span>
        )}
        {count > 0 && (
          <button
            type="button"
            className="icon-button"
            aria-label="Clear the selection"
            onClick={clearSelection}
          >
            <X size={14} />
          </button>
        )}
        <span className="capture-spacer" />
        {count === 2 && (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              const [a, b] = [...picked].sort((x, y) => x - y);
              openDiff({ capture: a!, part: 'request' }, { capture: b!, part: 'request' });
            }}
          >
            <GitCompareArrows size={14} /> Diff
          </button>
        )}
        <button
          type="button"
          className="button button-small"
          onClick={openBulkDialog}
          title={count ? 'Replay the selected captures' : 'Replay every capture of the current filter'}
        >
          <RotateCw size={14} /> {count ? 'Replay…' : 'Replay all…'}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => useAppStore.setState({ shareDialog: 'export' })}
        >
          <Download size={14} /> Export
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => useAppStore.setState({ shareDialog: 'import' })}
        >
          <Upload size={14} /> Import
        </button>
      </div>
      {bulk && <BulkPanel progress={bulk} />}
    </>
  );
}
