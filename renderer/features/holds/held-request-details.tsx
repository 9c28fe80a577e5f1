import { useEffect, useState } from 'react';
import type { CaptureDetail } from '../../../shared/model/capture.js';
import { ApiCallError, call } from '../../api/client.js';
import { BodyViewer } from '../../components/body-viewer.js';
import { HeadersTable } from '../../components/headers-table.js';
import { headerValue } from '../../lib/body.js';

/** The held capture's request, loaded when the operator opens it. */
export function HeldRequestDetails({ captureId }: { captureId: number }) {
  const [state, setState] = useState<{ data: CaptureDetail | null; error: string | null }>({
    data: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    call('captures.get', { id: captureId })
      .then((data) => live && setState({ data, error: null }))
      .catch(
        (error: unknown) =>
          live &&
          setState({ data: null, error: error instanceof ApiCallError ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [captureId]);
  if (state.error) return <div className="inline-error">{state.error}</div>;
  const capture = state.data;
  if (!capture) return <div className="muted">Loading…</div>;
  return (
    <div className="held-request-details">
      <div className="mono held-request-line">
        {capture.method} {capture.path}
      </div>
      <h4>Headers ({capture.headers.length})</h4>
      <HeadersTable headers={capture.headers} />
      <h4>Body</h4>
      <BodyViewer
        body={capture.body}
        contentType={headerValue(capture.headers, 'content-type')}
        label="Held request body"
      />
    </div>
  );
}
