import { DEFAULT_REDACTED_NAMES } from '../../../../shared/settings/replay-settings.js';
import { buildCurl } from '../../../../shared/replay/curl/curl-build.js';
import { parseCurl } from '../../../../shared/replay/curl/curl-parse.js';
import { ImportProblem, type CaptureBytes } from '../../replay/capture-bytes.js';
import { exportPage, resolveSelection } from '../../replay/capture-export.js';
import { importCaptures } from '../../replay/capture-import.js';
import { parseHar } from '../../replay/har.js';
import { parseNdjsonLine } from '../../replay/ndjson.js';
import { redactionNames, redactRequest } from '../../replay/redact.js';
import type { ReplayService } from '../../replay/replay-service.js';
import type { EventBus } from '../../events/event-bus.js';
import type { SettingsService } from '../../settings/settings-service.js';
import type { Store } from '../../store/store.js';
import { ApiError } from '../api-error.js';
import type { HandlerGroup } from '../handler-types.js';

const MAX_REPORTED_ERRORS = 100;

function pathOfUrl(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/iu.exec(url);
  const rest = match?.[1] ?? '/';
  return rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}`;
}

export function shareHandlers(deps: {
  store: Store;
  events: EventBus;
  settings: SettingsService;
  replays: ReplayService;
  version: string;
}): HandlerGroup<'captures.export' | 'captures.import' | 'captures.curl' | 'curl.parse'> {
  const { store, events, settings, replays } = deps;
  return {
    'captures.export': ({ ids, filter, format, redact, redactNames, cursor, maxBytes }) => {
      const names = redact
        ? redactionNames(DEFAULT_REDACTED_NAMES, [...settings.get('export.redactNames'), ...redactNames])
        : null;
      const selection = ids ? { ids: resolveSelection(store, { ids }) } : { filter: filter ?? {} };
      const page = exportPage(store, selection, format, {
        redact: names,
        cursor,
        maxBytes,
        maxCount: 5000,
        version: deps.version,
      });
      return {
        format,
        data: page.data,
        mimeType: format === 'har' ? 'application/json' : 'application/x-ndjson',
        count: page.count,
        next: page.next,
        redacted: names !== null,
      };
    },
    'captures.import': ({ format, data }) => {
      if (data.trim() === '') throw new ApiError('bad_request', 'The file is empty.');
      const errors: { at: string; message: string }[] = [];
      const items: CaptureBytes[] = [];
      if (format === 'ndjson') {
        const lines = data.split('\n');
        lines.forEach((raw, index) => {
          const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
          if (line.trim() === '') return;
          try {
            items.push(parseNdjsonLine(line));
          } catch (error) {
            errors.push({
              at: `line ${index + 1}`,
              message: error instanceof ImportProblem ? error.message : 'unreadable',
            });
          }
        });
      } else {
        try {
          const har = parseHar(data);
          items.push(...har.entries.map((entry) => entry.capture));
          errors.push(...har.errors);
        } catch (error) {
          if (error instanceof ImportProblem) throw new ApiError('bad_request', error.message);
          throw error;
        }
      }
      const created = importCaptures(store, events, items);
      return {
        imported: created.length,
        ids: created.slice(0, 1000),
        errors: errors.slice(0, MAX_REPORTED_ERRORS),
      };
    },
    'captures.curl': ({ id, target, edits, resign, redact }) => {
      const prepared = replays.prepare(id, target, edits, resign);
      let url = prepared.url.toString();
      let headers = prepared.headers;
      let body = prepared.body;
      if (redact) {
        const names = redactionNames(DEFAULT_REDACTED_NAMES, settings.get('export.redactNames'));
        const path = pathOfUrl(url);
        const result = redactRequest({ headers, path, body }, names);
        url = `${url.slice(0, url.length - path.length)}${result.path}`;
        headers = result.headers;
        body = result.body;
      }
      const built = buildCurl(
        { method: prepared.method, url, headers, body: new Uint8Array(body) },
        { bodyFileName: `capture-${id}.body` },
      );
      return {
        command: built.command,
        bodyFile: built.bodyFile ? { name: built.bodyFile, base64: body.toString('base64') } : null,
        notes: [...prepared.warnings, ...built.notes],
      };
    },
    'curl.parse': ({ command }) => {
      const result = parseCurl(command);
      if (!result.ok) throw new ApiError('bad_request', result.error);
      const { request } = result;
      const body = Buffer.from(request.body);
      let bodyText: string | null;
      try {
        bodyText = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
      } catch {
        bodyText = null;
      }
      return {
        method: request.method,
        url: request.url,
        path: pathOfUrl(request.url),
        headers: request.headers,
        body: { base64: body.toString('base64'), size: body.length, truncated: false },
        bodyText,
        warnings: request.warnings,
      };
    },
  };
}
