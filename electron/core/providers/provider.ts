import type { CaptureDetail } from '../../../shared/model/capture.js';
import type { HeaderList } from '../../../shared/model/http.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { CaptureForResponse, NewMessage, StoredResponse } from '../store/records.js';

/** A request as the listener received it; what every provider sees. */
export interface ReceivedRequest {
  method: string;
  /** Path and query as in the request line. */
  path: string;
  /** Path without the query. */
  pathname: string;
  headers: HeaderList;
  body: Buffer;
  /** False when only a prefix of the body was kept (oversized request). */
  complete: boolean;
  receivedAt: number;
}

export interface ParseResult {
  conversationKey: string | null;
  summary: string;
  messages: NewMessage[];
  /** Which decoding worked (`json`, `form`, `form+base64`, …); null if none did. */
  parsedAs: string | null;
  /** Why the payload could not be understood; the raw capture is stored either way. */
  error: string | null;
  /** Text for the full-text index. */
  searchText: string;
}

/**
 * A chat platform. Each provider lives in its own folder and is registered in one line of
 * registry.ts. Parsers must never throw: a payload they cannot read is data, returned as `error`.
 */
export interface Provider {
  id: ProviderId;
  label: string;
  /** Listener path prefix that routes to this provider without sniffing, e.g. `/dashly`. */
  pathPrefix: string | null;
  /** Content sniffing for requests whose path does not decide. */
  detect(request: ReceivedRequest): boolean;
  parse(request: ReceivedRequest): ParseResult;
  /**
   * Authenticity checks shown on a capture (Kindly signature, Dashly token). Computed when the
   * capture is read, because the configured secret can change after it arrived.
   */
  verify?(request: StoredRequest, settings: SettingsService): ProviderChecks;
  /**
   * Conversation messages a stored response stands for (e.g. the Kindly bot's reply, which lives in
   * the webhook response). Must not throw.
   */
  responseMessages?(capture: CaptureForResponse, response: StoredResponse): NewMessage[];
}

/** The raw request as stored, for checks that run after the fact. */
export interface StoredRequest {
  path: string;
  headers: HeaderList;
  body: Buffer;
  /** True when only a prefix of the body was stored. */
  bodyTruncated?: boolean;
}

/** A stored request with everything a parser reads, to parse it after the fact (search entries, floods). */
export interface StoredRequestToParse extends StoredRequest {
  method: string;
  bodyTruncated: boolean;
  receivedAt: number;
}

export interface ProviderChecks {
  signature?: CaptureDetail['signature'];
  signatureWarning?: CaptureDetail['signatureWarning'];
  webhookToken?: CaptureDetail['webhookToken'];
}
