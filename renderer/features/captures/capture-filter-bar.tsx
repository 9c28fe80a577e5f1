import { Search, Star, Trash2, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ProviderId } from '../../../shared/model/provider.js';
import { Segmented } from '../../components/segmented.js';
import { setCaptureFilter } from '../../state/capture-actions.js';
import { openModal } from '../../state/modal-actions.js';
import { useAppStore } from '../../state/store.js';

const PROVIDERS: { value: ProviderId | null; label: string }[] = [
  { value: null, label: 'All' },
  { value: 'dashly', label: 'Dashly' },
  { value: 'kindly', label: 'Kindly' },
  { value: 'other', label: 'Other' },
];

export function CaptureFilterBar() {
  const filter = useAppStore((state) => state.filter);
  const [query, setQuery] = useState(filter.q);
  const inputRef = useRef<HTMLInputElement>(null);

  // Debounced search: the server runs the full-text query.
  useEffect(() => {
    if (query === filter.q) return;
    const timer = window.setTimeout(() => setCaptureFilter({ q: query }), 200);
    return () => window.clearTimeout(timer);
  }, [query, filter.q]);

  return (
    <div className="filter-bar">
      <div className="search-field">
        <Search size={14} aria-hidden="true" />
        <input
          ref={inputRef}
          type="search"
          placeholder="Search…  ( / )"
          title="Full-text search over bodies, paths, message text and notes"
          aria-label="Search captures"
          // `/` focuses it (see the app's shortcuts).
          data-view-search
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setQuery('');
              setCaptureFilter({ q: '' });
              inputRef.current?.blur();
            }
          }}
        />
        {query && (
          <button
            type="button"
            className="icon-button"
            aria-label="Clear search"
            onClick={() => {
              setQuery('');
              setCaptureFilter({ q: '' });
            }}
          >
            <X size={14} />
          </button>
        )}
      </div>
      <Segmented
        label="Filter by provider"
        options={PROVIDERS}
        value={filter.provider}
        onChange={(provider) => setCaptureFilter({ provider })}
      />
      <button
        type="button"
        className={`icon-button filter-toggle ${filter.starred ? 'filter-toggle-on' : ''}`}
        aria-pressed={filter.starred}
        aria-label="Only starred captures"
        title="Only starred captures"
        onClick={() => setCaptureFilter({ starred: !filter.starred })}
      >
        <Star size={15} aria-hidden="true" className={filter.starred ? 'star-icon-filled' : undefined} />
      </button>
      {filter.conversation && (
        <button type="button" className="chip" onClick={() => setCaptureFilter({ conversation: null })}>
          Conversation{' '}
          {filter.conversation.length > 14 ? `${filter.conversation.slice(0, 12)}…` : filter.conversation}
          <X size={12} aria-label="Remove conversation filter" />
        </button>
      )}
      <button
        type="button"
        className="icon-button filter-clear-all"
        aria-label="Clear captures…"
        title="Clear captures…"
        onClick={() => openModal('clear-captures')}
      >
        <Trash2 size={15} aria-hidden="true" />
      </button>
    </div>
  );
}
