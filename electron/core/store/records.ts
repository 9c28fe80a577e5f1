import type { HeaderList } from '../../../shared/model/http.js';
import type { ConversationAssignee } from '../../../shared/model/conversation.js';
import type { MessageAuthor, MessageDirection, MessageStatus } from '../../../shared/model/message.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import type { HoldRecord } from '../../../shared/model/responder-records.js';

/** A message as a provider parser produces it, before it has an id. */
export interface NewMessage {
  provider: ProviderId;
  conversationKey: string;
  direction: MessageDirection;
  author: MessageAuthor;
  text: string;
  at: number;
  kind: string;
  meta: Record<string, unknown>;
  /** Title for the conversation list (e.g. the user's name); empty keeps the current title. */
  conversationTitle: string;
  /**
   * How this message changes its conversation's state; the latest message to arrive wins. Without
   * it, `unanswered` follows the direction (a message to the operator waits for an answer).
   */
  state?: ConversationStatePatch;
  /**
   * The client de-duplication id this captured part carries (Dashly `random_id`). A part sent
   * towards the user whose key matches a message the app sent is stored as that message's echo.
   */
  echoKey?: string | null;
  /** Present on messages the app sends itself. */
  outgoing?: OutgoingFields;
}

/** Omitted fields leave the conversation as it is. */
export interface ConversationStatePatch {
  closed?: boolean;
  tags?: string[];
  /** null: unassigned. */
  assignee?: ConversationAssignee | null;
  /** true: the user waits for an answer; false: answered. */
  unanswered?: boolean;
}

export interface OutgoingFields {
  status: MessageStatus;
  /** The id the platform's echo will carry (Dashly `random_id`); null when none is expected. */
  echoKey: string | null;
  automatic: boolean;
  error: string | null;
}

/** An outgoing API call as recorded (the token is never part of it). */
export interface NewApiCall {
  provider: ProviderId;
  at: number;
  conversationKey: string | null;
  messageId: number | null;
  action: string;
  method: string;
  url: string;
  params: [string, string][];
  auth: 'header' | 'query';
  status: number | null;
  response: string | null;
  durationMs: number | null;
  error: string | null;
}

/** A response as stored: the exact bytes and headers that went back to the sender. */
export interface StoredResponse {
  status: number;
  headers: HeaderList;
  /** The bytes kept (all of them unless `bodyTruncated`). */
  body: Buffer;
  /** Size of the whole body sent; defaults to `body.length`. */
  bodySize?: number;
  bodyTruncated?: boolean;
  source: string;
  /** The mock rule that produced it (0-based). */
  ruleIndex?: number | null;
  latencyMs: number | null;
}

/** The target's side of a forwarded request, as stored. */
export interface StoredForward {
  url: string;
  method: string;
  startedAt: number;
  status: number | null;
  headers: HeaderList;
  /** Bytes kept of the target's body; null when it did not answer. */
  body: Buffer | null;
  bodySize: number;
  bodyTruncated: boolean;
  /** True when the body is exactly the response body sent (then it is stored once). */
  sameAsResponse: boolean;
  durationMs: number | null;
  error: string | null;
}

/** What the responders add to a capture besides the response itself. */
export interface CaptureAnnotations {
  forward?: StoredForward;
  hold?: HoldRecord;
}

/** Everything the listener records about one request, raw first. */
export interface NewCapture {
  receivedAt: number;
  method: string;
  path: string;
  httpVersion: string;
  provider: ProviderId;
  conversationKey: string | null;
  summary: string;
  remoteAddress: string | null;
  viaTunnel: boolean;
  headers: HeaderList;
  body: Buffer;
  bodySize: number;
  bodyTruncated: boolean;
  parsedAs: string | null;
  parseError: string | null;
  messages: NewMessage[];
  /** Text for the full-text index (already bounded by the parser). */
  searchText: string;
  response: StoredResponse | null;
  /** Omitted for requests the listener received; `imported` for captures read from a file. */
  origin?: 'imported';
  /**
   * Stored as received, not parsed yet: conversation key, summary, messages and search text are
   * placeholders until the capture deriver fills them in (it is queued in `captures_underived`).
   */
  underived?: true;
}

/** What parsing a stored request adds to its capture (see CaptureRepository.setDerived). */
export interface DerivedFields {
  conversationKey: string | null;
  summary: string;
  parsedAs: string | null;
  parseError: string | null;
  messages: NewMessage[];
  searchText: string;
}

/** What a provider sees of a capture when its response is recorded. */
export interface CaptureForResponse {
  provider: ProviderId;
  conversationKey: string | null;
  receivedAt: number;
  /** The messages parsed from the request (the user's message, with its meta). */
  requestMessages: readonly Pick<NewMessage, 'direction' | 'at' | 'meta' | 'conversationKey'>[];
}

/** Turns a stored response into conversation messages; must not throw. */
export type ResponseMessages = (capture: CaptureForResponse, response: StoredResponse) => NewMessage[];
