import { isRecord, parseJsonLossless } from '../util/lossless-json.js';

/** Dashly's response envelope `{meta: {status, error?, error_message?, …}, data}` (docs/dashly.md §5). */
export interface DashlyEnvelope {
  meta: Record<string, unknown>;
  data: unknown;
}

/**
 * Reads an envelope losslessly: ids above 2^53 stay exact (as strings) even when the server
 * ignored `id_as_string`. Null when the text is not a JSON object with `meta` or `data`.
 */
export function parseEnvelope(text: string): DashlyEnvelope | null {
  let value: unknown;
  try {
    value = parseJsonLossless(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || (!('meta' in value) && !('data' in value))) return null;
  return { meta: isRecord(value.meta) ? value.meta : {}, data: value.data ?? null };
}

/** The error the envelope reports, if any: `meta.error` (e.g. `ReplyTooBig`) and `meta.error_message`. */
export function envelopeError(envelope: DashlyEnvelope): { name: string; message: string | null } | null {
  const name = envelope.meta.error;
  if (typeof name !== 'string' || name === '') return null;
  const message = envelope.meta.error_message;
  return { name, message: typeof message === 'string' && message !== '' ? message : null };
}
