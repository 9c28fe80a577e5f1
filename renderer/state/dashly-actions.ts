import type { ApiCall } from '../../shared/model/api-call.js';
import { ApiCallError, call } from '../api/client.js';
import { EMPTY_DRAFT, type ComposerDraft, type ReplyKind } from './dashly-slice.js';
import { useAppStore } from './store.js';

const CALLS_PAGE = 100;
/** The core sends at most one `settyping` per 3 s anyway; asking more often is only noise. */
const TYPING_INTERVAL_MS = 3000;
let callsRequest = 0;
let adminsTimer: number | undefined;
const lastTypingAt = new Map<string, number>();

export type ActionOutcome = { ok: true } | { ok: false; error: string };

function errorText(error: unknown): string {
  return error instanceof ApiCallError || error instanceof Error ? error.message : String(error);
}

/** The thread message a failed reply left behind (then the thread shows the error and Retry). */
function failedMessageId(error: unknown): number | null {
  if (!(error instanceof ApiCallError)) return null;
  const details = error.details as { messageId?: unknown } | undefined;
  return typeof details?.messageId === 'number' ? details.messageId : null;
}

export async function loadDashlyAdmins(): Promise<void> {
  try {
    const admins = await call('dashly.admins', { limit: 200 });
    useAppStore.setState({ dashlyAdmins: admins });
  } catch {
    // The picker still offers `default_admin` and a typed id.
    if (useAppStore.getState().dashlyAdmins === null) useAppStore.setState({ dashlyAdmins: [] });
  }
}

export function setDashlySender(sender: string | null): void {
  useAppStore.setState({ dashlySender: sender });
}

export function updateDraft(key: string, patch: Partial<ComposerDraft>): void {
  useAppStore.setState((state) => ({
    composerDrafts: {
      ...state.composerDrafts,
      [key]: { ...(state.composerDrafts[key] ?? EMPTY_DRAFT), ...patch },
    },
  }));
}

/**
 * Sends a reply or a note. The core puts it in the thread at once (`message.added`) and reports
 * the delivery by events; a failure the API answered stays in the thread with its error and a
 * Retry button, so only errors that left nothing behind come back here (and the draft is restored).
 */
export async function sendReply(input: {
  conversationId: string;
  body: string;
  type: ReplyKind;
  fromAdmin: string | undefined;
}): Promise<ActionOutcome> {
  const key = input.conversationId;
  updateDraft(key, { body: '' });
  lastTypingAt.delete(key);
  try {
    await call('dashly.reply', {
      conversationId: key,
      body: input.body,
      type: input.type,
      ...(input.fromAdmin ? { fromAdmin: input.fromAdmin } : {}),
    });
    return { ok: true };
  } catch (error) {
    if (failedMessageId(error) !== null) return { ok: true };
    // Nothing was sent: give the text back unless the operator already typed something new.
    if ((useAppStore.getState().composerDrafts[key]?.body ?? '') === '')
      updateDraft(key, { body: input.body });
    return { ok: false, error: errorText(error) };
  }
}

/** Resends a failed reply (the operator asked for it; never automatic). */
export async function retryReply(messageId: number): Promise<ActionOutcome> {
  try {
    await call('dashly.retry', { messageId });
    return { ok: true };
  } catch (error) {
    // A failed retry is shown on the message itself; anything else (e.g. already delivered) here.
    if (failedMessageId(error) !== null) return { ok: true };
    return { ok: false, error: errorText(error) };
  }
}

/** Tells Dashly the operator is typing; asked at most every few seconds per conversation. */
export function notifyTyping(conversationId: string, body: string, fromAdmin: string | undefined): void {
  if (body.trim() === '') return;
  const now = Date.now();
  if (now - (lastTypingAt.get(conversationId) ?? 0) < TYPING_INTERVAL_MS) return;
  lastTypingAt.set(conversationId, now);
  void call('dashly.typing', {
    conversationId,
    body,
    ...(fromAdmin ? { fromAdmin } : {}),
  }).catch(() => {
    // A typing indicator is best effort; the call log shows why it failed.
  });
}

async function action(run: () => Promise<unknown>): Promise<ActionOutcome> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

export function assignConversation(
  conversationId: string,
  admin: string | null,
  fromAdmin: string | undefined,
): Promise<ActionOutcome> {
  return action(() => call('dashly.assign', { conversationId, admin, ...(fromAdmin ? { fromAdmin } : {}) }));
}

export function closeDashlyConversation(
  conversationId: string,
  fromAdmin: string | undefined,
): Promise<ActionOutcome> {
  return action(() => call('dashly.close', { conversationId, ...(fromAdmin ? { fromAdmin } : {}) }));
}

export function tagConversation(
  conversationId: string,
  tag: string,
  remove: boolean,
  fromAdmin: string | undefined,
): Promise<ActionOutcome> {
  return action(() =>
    call('dashly.tag', { conversationId, tag, remove, ...(fromAdmin ? { fromAdmin } : {}) }),
  );
}

/** Loads the first page of the conversation's Web API calls. */
export async function loadConversationCalls(key: string): Promise<void> {
  const request = ++callsRequest;
  useAppStore.setState((state) => ({
    dashlyCalls: {
      key,
      items: state.dashlyCalls?.key === key ? state.dashlyCalls.items : [],
      next: null,
      loading: true,
      error: null,
    },
  }));
  try {
    const page = await call('dashly.calls', { conversationId: key, limit: CALLS_PAGE });
    if (request !== callsRequest) return;
    useAppStore.setState({
      dashlyCalls: { key, items: page.items, next: page.next, loading: false, error: null },
    });
  } catch (error) {
    if (request !== callsRequest) return;
    useAppStore.setState((state) => ({
      dashlyCalls: {
        key,
        items: state.dashlyCalls?.items ?? [],
        next: null,
        loading: false,
        error: errorText(error),
      },
    }));
  }
}

export async function loadMoreConversationCalls(): Promise<void> {
  const current = useAppStore.getState().dashlyCalls;
  if (!current || current.next === null || current.loading) return;
  const request = callsRequest;
  useAppStore.setState({ dashlyCalls: { ...current, loading: true } });
  try {
    const page = await call('dashly.calls', {
      conversationId: current.key,
      limit: CALLS_PAGE,
      before: current.next,
    });
    if (request !== callsRequest) return;
    useAppStore.setState((state) => {
      const calls = state.dashlyCalls;
      if (!calls || calls.key !== current.key) return {};
      const seen = new Set(calls.items.map((item) => item.id));
      return {
        dashlyCalls: {
          ...calls,
          items: [...calls.items, ...page.items.filter((item) => !seen.has(item.id))],
          next: page.next,
          loading: false,
        },
      };
    });
  } catch (error) {
    if (request !== callsRequest) return;
    useAppStore.setState((state) =>
      state.dashlyCalls
        ? { dashlyCalls: { ...state.dashlyCalls, loading: false, error: errorText(error) } }
        : {},
    );
  }
}

/** `dashly.call.added`: new calls of the open conversation go on top of its log. */
export function applyApiCalls(calls: ApiCall[]): void {
  const current = useAppStore.getState().dashlyCalls;
  if (!current) return;
  const mine = calls.filter((item) => item.provider === 'dashly' && item.conversationKey === current.key);
  if (mine.length === 0) return;
  useAppStore.setState((state) => {
    const log = state.dashlyCalls;
    if (!log || log.key !== current.key) return {};
    const seen = new Set(log.items.map((item) => item.id));
    const fresh = mine.filter((item) => !seen.has(item.id)).reverse();
    return { dashlyCalls: { ...log, items: [...fresh, ...log.items] } };
  });
}

/** Admins named in new payloads join the picker: refreshed when a Dashly webhook arrived. */
export function scheduleAdminsRefresh(): void {
  if (useAppStore.getState().dashlyAdmins === null) return;
  window.clearTimeout(adminsTimer);
  adminsTimer = window.setTimeout(() => void loadDashlyAdmins(), 500);
}

/** Loads the auto-responder configuration; answers the error text when it could not. */
export async function loadAutoReplies(): Promise<string | null> {
  try {
    useAppStore.setState({ autoReplies: await call('autoreplies.list', {}) });
    return null;
  } catch (error) {
    return errorText(error);
  }
}
