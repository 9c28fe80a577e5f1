import type { EventFrame } from '../../shared/contract/index.js';
import type { ApiCall } from '../../shared/model/api-call.js';
import type { CaptureSummary } from '../../shared/model/capture.js';
import type { ConversationSummary } from '../../shared/model/conversation.js';
import type { Message } from '../../shared/model/message.js';
import type { ReplaySummary } from '../../shared/model/replay.js';
import { call } from '../api/client.js';
import { connectEvents } from '../api/events.js';
import { matchesLocally } from './captures-slice.js';
import { refreshDetail, reloadCaptures } from './capture-actions.js';
import { applyHealth, loadHealth } from './health-actions.js';
import {
  applyConversationSummaries,
  applyLiveMessages,
  openConversation,
  reloadConversations,
} from './conversation-actions.js';
import { applyApiCalls, scheduleAdminsRefresh } from './dashly-actions.js';
import { applyBulkProgress, applyReplayEvents } from './replay-actions.js';
import { refreshTunnel } from '../features/tunnel/tunnel-actions.js';
import { endpointsChanged, reloadEndpoints } from './endpoint-actions.js';
import { holdAdded, holdResolved, reloadHolds } from './holds-actions.js';
import { notifyNewHold } from '../lib/hold-notifications.js';
import { LIST_WINDOW_ROWS, listWindowEnabled } from './list-window.js';
import { notifyIfReplyFailed } from '../lib/reply-notifications.js';
import { useAppStore } from './store.js';

/** Most rows kept in memory from live events before the tail is dropped (scrolling reloads it). */
const MAX_LIVE_ROWS = listWindowEnabled() ? LIST_WINDOW_ROWS : 20_000;
let conversationsTimer: number | undefined;

function scheduleConversationRefresh(keys: Set<string>): void {
  window.clearTimeout(conversationsTimer);
  conversationsTimer = window.setTimeout(() => {
    const state = useAppStore.getState();
    if (state.view === 'conversations') void reloadConversations();
    const open = state.selectedConversation;
    if (open && keys.has(`${open.provider}/${open.key}`)) void openConversation(open.provider, open.key);
  }, 150);
}

/** Applies a batch of server events to the store in one update (one render per frame). */
export function applyFrames(frames: EventFrame[]): void {
  const added: CaptureSummary[] = [];
  const updated = new Map<number, CaptureSummary>();
  const deleted = new Set<number>();
  let cleared = false;
  let keptStarred = false;
  let unseen = 0;
  const touchedConversations = new Set<string>();
  const liveMessages: Message[] = [];
  const summaries: ConversationSummary[] = [];
  const apiCalls: ApiCall[] = [];
  let dashlyArrived = false;
  const replays: ReplaySummary[] = [];
  const state = useAppStore.getState();

  for (const frame of frames) {
    switch (frame.event) {
      case 'capture.added': {
        const capture = (frame as EventFrame<'capture.added'>).payload;
        if (capture.conversationKey)
          touchedConversations.add(`${capture.provider}/${capture.conversationKey}`);
        if (capture.provider === 'dashly') dashlyArrived = true;
        const match = matchesLocally(state.filter, capture);
        if (match === true) added.push(capture);
        else if (match === 'unknown') unseen++;
        break;
      }
      case 'capture.updated': {
        const capture = (frame as EventFrame<'capture.updated'>).payload;
        updated.set(capture.id, capture);
        if (capture.conversationKey)
          touchedConversations.add(`${capture.provider}/${capture.conversationKey}`);
        break;
      }
      case 'captures.deleted':
        for (const id of (frame as EventFrame<'captures.deleted'>).payload.ids) deleted.add(id);
        break;
      case 'captures.cleared':
        cleared = true;
        keptStarred = (frame as EventFrame<'captures.cleared'>).payload.keptStarred === true;
        break;
      case 'tunnel.status':
        useAppStore.setState({ tunnel: (frame as EventFrame<'tunnel.status'>).payload });
        break;
      case 'settings.changed':
        useAppStore.setState({ settings: (frame as EventFrame<'settings.changed'>).payload });
        break;
      case 'app.health':
        applyHealth((frame as EventFrame<'app.health'>).payload);
        break;
      case 'message.added':
        liveMessages.push((frame as EventFrame<'message.added'>).payload);
        break;
      case 'message.updated': {
        const message = (frame as EventFrame<'message.updated'>).payload;
        liveMessages.push(message);
        notifyIfReplyFailed(message);
        break;
      }
      case 'conversation.updated':
        summaries.push((frame as EventFrame<'conversation.updated'>).payload);
        break;
      case 'dashly.call.added':
        apiCalls.push((frame as EventFrame<'dashly.call.added'>).payload);
        break;
      case 'replay.started':
      case 'replay.finished':
        replays.push((frame as EventFrame<'replay.finished'>).payload);
        break;
      case 'replay.bulk.progress':
      case 'replay.bulk.finished':
        applyBulkProgress((frame as EventFrame<'replay.bulk.progress'>).payload);
        break;
      case 'endpoints.changed':
        endpointsChanged((frame as EventFrame<'endpoints.changed'>).payload.endpoints);
        break;
      case 'hold.added': {
        const hold = (frame as EventFrame<'hold.added'>).payload;
        holdAdded(hold);
        notifyNewHold(hold);
        break;
      }
      case 'hold.resolved':
        holdResolved((frame as EventFrame<'hold.resolved'>).payload);
        break;
      default:
        break;
    }
  }

  // Sent messages, conversation state and the call log change in place, without a reload.
  if (summaries.length) applyConversationSummaries(summaries);
  if (liveMessages.length) applyLiveMessages(liveMessages);
  if (apiCalls.length) applyApiCalls(apiCalls);
  if (dashlyArrived) scheduleAdminsRefresh();
  if (replays.length) applyReplayEvents(replays);

  if (cleared) {
    const selected = useAppStore.getState().detail;
    const keepSelection = keptStarred && selected?.data?.starred === true;
    useAppStore.setState((current) => ({
      captures: keptStarred ? current.captures.filter((item) => item.starred) : [],
      capturesNext: null,
      capturesPrev: null,
      unseenWhileSearching: 0,
      ...(keepSelection ? {} : { selectedCaptureId: null, detail: null, editingNote: null }),
    }));
    // The starred captures are still there: read the list again.
    if (keptStarred) void reloadCaptures();
    void reloadConversations();
    return;
  }
  if (added.length || updated.size || deleted.size || unseen) {
    useAppStore.setState((current) => {
      let list = current.captures;
      if (updated.size || deleted.size) {
        list = list.filter((item) => !deleted.has(item.id)).map((item) => updated.get(item.id) ?? item);
      }
      let trimmed = false;
      // A window scrolled away from the newest rows does not take live rows: they are above it and
      // load (by keyset) when the user scrolls back up.
      if (added.length && current.capturesPrev === null) {
        // Events arrive oldest first; the list is newest first. Only the head can hold them already.
        const known = new Set(list.slice(0, added.length + 50).map((item) => item.id));
        const fresh = added.filter((item) => !known.has(item.id)).reverse();
        list = fresh.concat(list);
        if (list.length > MAX_LIVE_ROWS) {
          list = list.slice(0, MAX_LIVE_ROWS);
          trimmed = true;
        }
      }
      const selectionGone = current.selectedCaptureId !== null && deleted.has(current.selectedCaptureId);
      return {
        captures: list,
        unseenWhileSearching: current.unseenWhileSearching + unseen,
        ...(trimmed ? { capturesNext: list.at(-1)?.id ?? null } : {}),
        ...(selectionGone ? { selectedCaptureId: null, detail: null } : {}),
      };
    });
    const open = useAppStore.getState().detail;
    if (open && updated.has(open.id)) void refreshDetail(open.id);
  }
  if (touchedConversations.size || deleted.size) scheduleConversationRefresh(touchedConversations);
}

/** Connects the event stream and keeps the store in sync; returns a disconnect function. */
export function startEventSync(token: string): () => void {
  return connectEvents(token, {
    onFrames: applyFrames,
    onState: (connection) => {
      useAppStore.setState({ connection });
      if (connection === 'unauthorized') useAppStore.setState({ authFailed: true });
    },
    onReady: () => {
      // Loading after the subscription is live means nothing falls between the page and the events;
      // after a reconnect, anything may have happened while we were away, so reload what is shown.
      void reloadCaptures();
      void reloadConversations();
      void loadHealth();
      void refreshTunnel();
      void reloadEndpoints();
      void reloadHolds();
      void call('settings.get', {})
        .then((settings) => useAppStore.setState({ settings }))
        .catch(() => {});
      void call('app.info', {})
        .then((appInfo) => useAppStore.setState({ appInfo }))
        .catch(() => {});
    },
  });
}
