import { Segmented, type SegmentOption } from '../../components/segmented.js';

export type CaptureScope = 'selected' | 'filter' | 'all';

/** The current capture filter in words, for the choice of which captures a dialog works on. */
export function describeFilter(filter: {
  provider: string | null;
  q: string;
  conversation: string | null;
  starred?: boolean;
}): string {
  const parts: string[] = [];
  if (filter.starred) parts.push('starred');
  if (filter.provider) parts.push(filter.provider);
  if (filter.q.trim()) parts.push(`“${filter.q.trim()}”`);
  if (filter.conversation) parts.push(`conversation ${filter.conversation}`);
  return parts.length ? parts.join(', ') : 'every capture';
}

/**
 * Which captures a dialog works on: the picked ones (offered when there are some), those the current
 * filter shows (when `filterLabel` is given) and, where `allLabel` is given, all of them.
 */
export function CaptureScopeField({
  value,
  onChange,
  selectedCount,
  filterLabel,
  allLabel,
}: {
  value: CaptureScope;
  onChange: (scope: CaptureScope) => void;
  selectedCount: number;
  filterLabel: string | null;
  allLabel?: string;
}) {
  const options: SegmentOption<CaptureScope>[] = [
    ...(selectedCount > 0 ? [{ value: 'selected' as const, label: `Selected (${selectedCount})` }] : []),
    ...(filterLabel !== null ? [{ value: 'filter' as const, label: filterLabel }] : []),
    ...(allLabel !== undefined ? [{ value: 'all' as const, label: allLabel }] : []),
  ];
  return (
    <div className="form-row">
      <span className="form-label">Captures</span>
      <Segmented<CaptureScope> label="Which captures" value={value} onChange={onChange} options={options} />
    </div>
  );
}
