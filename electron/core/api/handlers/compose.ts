import type { z } from 'zod';
import type { DiffSide } from '../../../../shared/contract/methods/compose.js';
import { diffHttpMessages, type HttpSide } from '../../../../shared/replay/diff/message-diff.js';
import { prepareComposed } from '../../replay/compose.js';
import { toPreparedRequest, type ReplayService } from '../../replay/replay-service.js';
import type { SettingsService } from '../../settings/settings-service.js';
import type { Store } from '../../store/store.js';
import { ApiError, notFound } from '../api-error.js';
import type { HandlerGroup } from '../handler-types.js';

type Side = z.output<typeof DiffSide>;

function loadSide(
  store: Store,
  side: Side,
): { http: HttpSide; label: string; captureId: number | null; replayId: number | null } {
  if ('capture' in side) {
    const record = store.captures.exportRecord(side.capture);
    if (!record) throw notFound(`Capture ${side.capture}`);
    if (side.part === 'request')
      return {
        http: {
          startLine: `${record.method} ${record.path}`,
          headers: record.headers,
          body: new Uint8Array(record.body),
        },
        label: `Capture #${record.id} request`,
        captureId: record.id,
        replayId: null,
      };
    if (!record.response) throw new ApiError('bad_request', `Capture ${record.id} has no response yet.`);
    return {
      http: {
        startLine: String(record.response.status),
        headers: record.response.headers,
        body: new Uint8Array(record.response.body),
      },
      label: `Capture #${record.id} response`,
      captureId: record.id,
      replayId: null,
    };
  }
  const replay = store.replays.get(side.replay);
  if (!replay) throw notFound(`Replay ${side.replay}`);
  if (side.part === 'request')
    return {
      http: {
        startLine: `${replay.method} ${replay.url}`,
        headers: replay.requestHeaders,
        body: new Uint8Array(Buffer.from(replay.requestBody.base64, 'base64')),
      },
      label: `Replay #${replay.id} request`,
      captureId: replay.captureId,
      replayId: replay.id,
    };
  if (replay.status === null || !replay.responseHeaders || !replay.responseBody)
    throw new ApiError(
      'bad_request',
      `Replay ${replay.id} got no answer${replay.error ? ` (${replay.error})` : ''}.`,
    );
  return {
    http: {
      startLine: String(replay.status),
      headers: replay.responseHeaders,
      body: new Uint8Array(Buffer.from(replay.responseBody.base64, 'base64')),
    },
    label: `Replay #${replay.id} response`,
    captureId: replay.captureId,
    replayId: replay.id,
  };
}

export function composeHandlers(deps: {
  store: Store;
  settings: SettingsService;
  replays: ReplayService;
}): HandlerGroup<'captures.compose' | 'captures.diff'> {
  const { store, settings, replays } = deps;
  return {
    'captures.compose': async (input) => {
      const target = input.target ?? { kind: 'listener' as const };
      const prepared = prepareComposed(input, target, settings, replays.context());
      if (!input.target) return { request: toPreparedRequest(prepared), replay: null };
      const started = replays.start(prepared, {
        captureId: null,
        kind: 'compose',
        timeoutMs: input.timeoutMs,
      });
      if (input.wait) await started.done;
      const replay = store.replays.get(started.summary.id);
      if (!replay) throw notFound(`Replay ${started.summary.id}`);
      return { request: toPreparedRequest(prepared), replay };
    },
    'captures.diff': ({ a, b, ignoreHeaders }) => {
      const left = loadSide(store, a);
      const right = loadSide(store, b);
      const part = (side: Side) => side.part;
      return {
        a: { label: left.label, part: part(a), captureId: left.captureId, replayId: left.replayId },
        b: { label: right.label, part: part(b), captureId: right.captureId, replayId: right.replayId },
        diff: diffHttpMessages(left.http, right.http, { ignoreHeaders }),
      };
    },
  };
}
