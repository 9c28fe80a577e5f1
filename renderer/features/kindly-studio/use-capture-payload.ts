import { useEffect, useState } from 'react';
import type { BodyDto } from '../../../shared/model/http.js';
import { call } from '../../api/client.js';
import { base64ToBytes } from '../../lib/body.js';

/** A body as text (UTF-8), or null when it is not text. */
export function bodyText(body: BodyDto): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(body.base64));
  } catch {
    return null;
  }
}

/** A webhook body's JSON, or undefined when it has none. */
export function bodyJson(body: BodyDto): unknown {
  const text = bodyText(body);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface CapturePayload {
  captureId: number;
  payload: unknown;
  error: string | null;
}

/** The JSON payload of a stored capture (what template placeholders are filled from). */
export function useCapturePayload(captureId: number | null): CapturePayload | null {
  const [loaded, setLoaded] = useState<CapturePayload | null>(null);
  useEffect(() => {
    if (captureId === null) return;
    let current = true;
    call('captures.get', { id: captureId })
      .then((capture) => {
        if (!current) return;
        const payload = bodyJson(capture.body);
        setLoaded({
          captureId,
          payload,
          error: payload === undefined ? 'This capture has no JSON body to fill placeholders from.' : null,
        });
      })
      .catch((error: unknown) => {
        if (current) setLoaded({ captureId, payload: undefined, error: (error as Error).message });
      });
    return () => {
      current = false;
    };
  }, [captureId]);
  return captureId !== null && loaded?.captureId === captureId ? loaded : null;
}
