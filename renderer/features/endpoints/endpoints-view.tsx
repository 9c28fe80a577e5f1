import { Plus, Route } from 'lucide-react';
import { useEffect, useState } from 'react';
import { ProviderBadge } from '../../components/badges.js';
import { SplitPane } from '../../components/split-pane.js';
import { EndpointPrefix } from '../../../shared/model/endpoint.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import {
  refreshAppInfo,
  reloadEndpoints,
  saveEndpoint,
  selectEndpoint,
} from '../../state/endpoint-actions.js';
import { useAppStore } from '../../state/store.js';
import { EndpointEditor } from './endpoint-editor.js';
import { ModeBadge } from './mode-info.js';

function AddEndpoint({ onDone }: { onDone: () => void }) {
  const [prefix, setPrefix] = useState('/');
  const [error, setError] = useState<string | null>(null);
  const endpoints = useAppStore((state) => state.endpoints);
  const add = async () => {
    const parsed = EndpointPrefix.safeParse(prefix.trim());
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Not a valid prefix.');
      return;
    }
    if (endpoints?.some((endpoint) => endpoint.prefix === parsed.data)) {
      setError(`${parsed.data} already exists.`);
      return;
    }
    const result = await saveEndpoint({ prefix: parsed.data, mode: 'ack' });
    if (result.ok) onDone();
    else setError(result.problems[0]?.message ?? result.message);
  };
  return (
    <form
      className="add-endpoint"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <input
        className="input mono"
        aria-label="New endpoint prefix"
        placeholder="/kindly/staging"
        value={prefix}
        // The user opened this form to type here.
        autoFocus
        onChange={(event) => {
          setPrefix(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone();
        }}
      />
      <button type="submit" className="button button-small button-primary">
        Add
      </button>
      <button type="button" className="button button-small" onClick={onDone}>
        Cancel
      </button>
      {error && <div className="field-error">{error}</div>}
    </form>
  );
}

/** Endpoints: the path prefixes the listener answers on, each with its response mode. */
export function EndpointsView() {
  const endpoints = useAppStore((state) => state.endpoints);
  const error = useAppStore((state) => state.endpointsError);
  const selected = useAppStore((state) => state.selectedEndpoint);
  const info = useAppStore((state) => state.appInfo);
  const holds = useAppStore((state) => state.holds);
  const tunnel = useAppStore((state) => state.tunnel);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    if (endpoints === null) void reloadEndpoints();
  }, [endpoints]);
  // Public URLs exist only while the tunnel is online: read them fresh whenever the view opens.
  useEffect(() => {
    void refreshAppInfo();
  }, []);
  useEffect(() => {
    const first = endpoints?.[0];
    if (selected === null && first) selectEndpoint(first.prefix);
  }, [endpoints, selected]);

  const current = endpoints?.find((endpoint) => endpoint.prefix === selected) ?? null;
  return (
    <SplitPane
      id="endpoints"
      defaultWidth={320}
      leftLabel="Endpoints"
      rightLabel="Endpoint settings"
      left={
        <>
          <div className="endpoints-list-header">
            <h2>Endpoints</h2>
            <span className="capture-spacer" />
            {!adding && (
              <button type="button" className="button button-small" onClick={() => setAdding(true)}>
                <Plus size={13} aria-hidden="true" /> Add endpoint
              </button>
            )}
          </div>
          {adding && <AddEndpoint onDone={() => setAdding(false)} />}
          {error && <div className="inline-error">{error}</div>}
          <ul className="endpoint-nav" aria-label="Endpoints by prefix">
            {(endpoints ?? []).map((endpoint) => {
              const urls = info?.endpoints.find((item) => item.prefix === endpoint.prefix);
              const publicUrl = tunnel?.endpoints.find((item) => item.prefix === endpoint.prefix)?.url;
              const held = holds.filter((entry) => entry.hold.endpoint === endpoint.prefix).length;
              const active = endpoint.prefix === selected;
              return (
                <li key={endpoint.prefix}>
                  <button
                    type="button"
                    className={`endpoint-nav-item ${active ? 'endpoint-nav-item-active' : ''}`}
                    aria-current={active ? 'true' : undefined}
                    onClick={() => selectEndpoint(endpoint.prefix)}
                  >
                    <span className="endpoint-nav-line">
                      <span className="mono endpoint-nav-prefix">{endpoint.prefix}</span>
                      <ModeBadge mode={endpoint.mode} />
                      {urls && urls.provider !== 'other' && (
                        <ProviderBadge provider={urls.provider as ProviderId} />
                      )}
                      {held > 0 && <span className="tab-badge">{held}</span>}
                    </span>
                    <span className="endpoint-nav-meta muted">
                      {endpoint.mode === 'forward' && endpoint.target
                        ? `→ ${endpoint.target}`
                        : endpoint.rules.length > 0
                          ? `${endpoint.rules.length} rule${endpoint.rules.length === 1 ? '' : 's'}`
                          : endpoint.mode === 'hold'
                            ? `deadline ${endpoint.holdTimeoutMs / 1000} s`
                            : '200 {}'}
                    </span>
                    {urls && (
                      <span className="endpoint-nav-url mono muted">{publicUrl ?? urls.localUrl}</span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
          <p className="form-help endpoints-note">
            Requests under no endpoint are recorded and answered 200 {'{}'}.
          </p>
        </>
      }
      right={
        <>
          {current ? (
            <EndpointEditor key={current.prefix} endpoint={current} />
          ) : (
            <div className="detail-placeholder">
              <Route size={22} aria-hidden="true" />
              <p>{endpoints === null ? 'Loading…' : 'Add an endpoint to choose how the listener answers.'}</p>
            </div>
          )}
        </>
      }
    />
  );
}
