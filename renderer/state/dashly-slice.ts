import type { DashlyAdmin } from '../../shared/contract/methods/dashly.js';
import type { ApiCall } from '../../shared/model/api-call.js';
import type { AutoReplyConfig } from '../../shared/model/autoreply.js';
import type { SliceCreator } from './store.js';

export type ReplyKind = 'reply_admin' | 'note';

/** What the operator is writing in one conversation (kept while they look at another one). */
export interface ComposerDraft {
  body: string;
  type: ReplyKind;
}

/** The Web API call log of the open Dashly conversation, newest first. */
export interface ConversationCalls {
  key: string;
  items: ApiCall[];
  next: number | null;
  loading: boolean;
  error: string | null;
}

export interface DashlySlice {
  /** Admins seen in payloads (`dashly.admins`); null until loaded. */
  dashlyAdmins: DashlyAdmin[] | null;
  /** The sender the operator picked this session; null means the `dashly.defaultFromAdmin` setting. */
  dashlySender: string | null;
  composerDrafts: Record<string, ComposerDraft>;
  dashlyCalls: ConversationCalls | null;
  /** The auto-responder configuration as saved; null until loaded. */
  autoReplies: AutoReplyConfig | null;
}

export const createDashlySlice: SliceCreator<DashlySlice> = () => ({
  dashlyAdmins: null,
  dashlySender: null,
  composerDrafts: {},
  dashlyCalls: null,
  autoReplies: null,
});

export const EMPTY_DRAFT: ComposerDraft = { body: '', type: 'reply_admin' };
