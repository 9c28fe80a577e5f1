import { Play } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { ReplayTargets } from '../../../shared/model/replay.js';
import { MAX_BULK_CONCURRENCY } from '../../../shared/settings/replay-settings.js';
import { call } from '../../api/client.js';
import { startBulk } from '../../state/replay-actions.js';
import { useAppStore } from '../../state/store.js';
import { useSettings } from '../settings/use-settings.js';
import { CaptureScopeField, describeFilter, type CaptureScope } from './capture-scope-field.js';
import { DialogActions } from './dialog-actions.js';
import { DialogFrame } from './dialog-frame.js';
import { TargetPicker, targetFrom, targetProblem, type TargetKind } from './target-picker.js';

export function BulkDialogOverlay() {
  const open = useAppStore((state) => state.bulkDialogOpen);
  if (!open) return null;
  return <BulkDialog />;
}

function BulkDialog() {
  const picked = useAppStore((state) => state.multiSelection);
  const filter = useAppStore((state) => state.filter);
  const firstId = useAppStore((state) => state.multiSelection[0] ?? state.captures[0]?.id ?? null);
  const settings = useSettings();
  const [scope, setScope] = useState<CaptureScope>(picked.length > 0 ? 'selected' : 'filter');
  const [targets, setTargets] = useState<ReplayTargets | null>(null);
  const [kind, setKind] = useState<TargetKind>('url');
  const [url, setUrl] = useState('');
  const [concurrency, setConcurrency] = useState(
    String(Number(settings?.values['replay.bulkConcurrency'] ?? 4)),
  );
  const [starting, setStarting] = useState(false);
  const close = () => useAppStore.setState({ bulkDialogOpen: false });

  useEffect(() => {
    if (firstId === null) return;
    let live = true;
    void call('replays.targets', { captureId: firstId })
      .then((data) => {
        if (!live) return;
        setTargets(data);
        setKind(data.last.kind);
        setUrl(data.last.kind === 'url' ? data.last.url : (data.recentUrls[0] ?? ''));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [firstId]);

  const n = Number(concurrency);
  const concurrencyBad = !Number.isInteger(n) || n < 1 || n > MAX_BULK_CONCURRENCY;
  // Forward uses each capture's own endpoint, so it is offered even when the first has none.
  const problem = kind === 'forward' ? null : targetProblem(kind, url, targets);
  const start = async () => {
    if (problem || concurrencyBad) return;
    setStarting(true);
    await startBulk({
      ids: scope === 'selected' ? picked : null,
      target: targetFrom(kind, url),
      concurrency: n,
      resign: true,
    });
    setStarting(false);
  };
  return (
    <DialogFrame
      title="Bulk replay"
      onClose={close}
      footer={
        <DialogActions
          status={
            (problem || concurrencyBad) && (
              <span className="inline-error">{problem ?? `Concurrency is 1–${MAX_BULK_CONCURRENCY}.`}</span>
            )
          }
          onClose={close}
          action={{
            icon: <Play size={14} />,
            label: 'Start',
            disabled: Boolean(problem) || concurrencyBad || starting,
            run: start,
          }}
        />
      }
    >
      <CaptureScopeField
        value={scope}
        onChange={setScope}
        selectedCount={picked.length}
        filterLabel={`Current filter: ${describeFilter(filter)}`}
      />
      <div className="form-row">
        <span className="form-label">Target</span>
        <TargetPicker targets={targets} kind={kind} url={url} onKind={setKind} onUrl={setUrl} />
        {kind === 'forward' && (
          <p className="form-help">Each capture goes to its own endpoint’s forward target.</p>
        )}
      </div>
      <div className="form-row form-row-inline">
        <label htmlFor="bulk-concurrency">At most in flight</label>
        <input
          id="bulk-concurrency"
          type="number"
          min={1}
          max={MAX_BULK_CONCURRENCY}
          value={concurrency}
          onChange={(event) => setConcurrency(event.target.value)}
        />
      </div>
      <p className="form-help">
        Captures go as captured, oldest first, with their original signatures; each replay is stored with its
        capture.
      </p>
    </DialogFrame>
  );
}
