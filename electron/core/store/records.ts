import type { HeaderList } from '../../../shared/model/http.js';
import type { MessageAuthor, MessageDirection } from '../../../shared/model/message.js';
import type { ProviderId } from '../../../shared/model/provider.js';

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
}

/** A response as stored: the exact bytes and headers that went back to the sender. */
export interface StoredResponse {
  status: number;
  headers: HeaderList;
  body: Buffer;
  bodyTruncated?: boolean;
  source: string;
  latencyMs: number | null;
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
