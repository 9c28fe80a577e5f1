import fs from 'node:fs';
import type { AppInfo } from '../../shared/contract/methods/app.js';
import { startApiServer, type ApiServer } from './api/api-server.js';
import { createDispatcher, type Dispatch } from './api/dispatcher.js';
import type { Handlers } from './api/handler-types.js';
import { appHandlers } from './api/handlers/app.js';
import { autoreplyHandlers } from './api/handlers/autoreplies.js';
import { captureHandlers } from './api/handlers/captures.js';
import { composeHandlers } from './api/handlers/compose.js';
import { conversationHandlers } from './api/handlers/conversations.js';
import { dashlyHandlers } from './api/handlers/dashly.js';
import { endpointHandlers } from './api/handlers/endpoints.js';
import { healthHandlers } from './api/handlers/health.js';
import { holdHandlers } from './api/handlers/holds.js';
import { replayHandlers } from './api/handlers/replays.js';
import { settingsHandlers } from './api/handlers/settings.js';
import { shareHandlers } from './api/handlers/share.js';
import { DashlyApiClient } from './dashly/api-client.js';
import { AutoResponder } from './dashly/auto-responder.js';
import { DashlyInbound } from './dashly/dashly-inbound.js';
import { DashlyOperator } from './dashly/dashly-operator.js';
import { TypingThrottle } from './dashly/typing-throttle.js';
import { emitConversationUpdates } from './events/conversation-updates.js';
import { kindlyHandlers } from './api/handlers/kindly.js';
import { templateHandlers } from './api/handlers/templates.js';
import { tunnelHandlers } from './api/handlers/tunnel.js';
import { EventBus } from './events/event-bus.js';
import type { ConnectionLimits } from './listener/connection-guard.js';
import { defaultIsTunnelHost, startListener, type Listener } from './listener/listener-server.js';
import { parseStored, providerById, providerForPath, responseMessages } from './providers/registry.js';
import { EndpointResponder } from './responders/endpoint-responder.js';
import { EndpointService } from './responders/endpoint-service.js';
import { HoldQueue } from './responders/hold-queue.js';
import { BulkReplays } from './replay/bulk-replay.js';
import { ReplayService } from './replay/replay-service.js';
import { FileSecretStore } from './secrets/file-secret-store.js';
import type { SecretStore } from './secrets/secret-store.js';
import { SettingsService } from './settings/settings-service.js';
import { perfEnabled } from './perf-switches.js';
import { startCheckpointer } from './store/checkpointer.js';
import { CaptureDeriver, type CaptureDeriverOptions } from './store/capture-deriver.js';
import { CaptureWriter } from './store/capture-writer.js';
import { RetentionPruner, type RetentionOptions } from './store/retention.js';
import { errorCode } from './store/store-errors.js';
import { StoreHealthMonitor } from './store/store-health.js';
import { Store } from './store/store.js';
import { TunnelService } from './tunnel/tunnel-service.js';
import type { TunnelSupervisorOptions } from './tunnel/tunnel-supervisor.js';
import type { Log } from './log.js';

export interface CoreOptions {
  dataDir: string;
  /** Webhook listener port; 0 picks a free one. */
  listenPort: number;
  /** UI + API port; 0 picks a free one. */
  uiPort: number;
  token: string;
  host: 'desktop' | 'serve';
  version: string;
  /** Folder of the renderer build served on the UI port. */
  rendererDir: string;
  log: Log;
  /** Desktop passes a safeStorage-backed store; serve mode uses an owner-only file. */
  secretStore?: SecretStore;
  /** Electron-ABI build of better-sqlite3 (desktop only). */
  nativeBinding?: string;
  /** Dashly Web API client tuning: call timeout (default 15 s), typing throttle (default 3 s). */
  dashly?: { timeoutMs?: number; typingIntervalMs?: number };
  /** Tunnel supervisor overrides: timings (tests run them fast), the open-holds count, connectors. */
  tunnel?: Omit<TunnelSupervisorOptions, 'localPort' | 'endpoints' | 'log'>;
  /** Slowloris and connection limits of the listener (tests shorten them). */
  listenerLimits?: Partial<ConnectionLimits>;
  /** Retention pass tuning (tests run it in small batches). */
  retention?: Pick<RetentionOptions, 'batchSize' | 'intervalMs' | 'everyInserts'>;
  /** How often a failing store is retried when no webhook retries it (default 2 s). */
  healthProbeIntervalMs?: number;
  /** When parsing waits for a busy listener, and its slices; tests make every commit count as busy. */
  captureParsing?: CaptureDeriverOptions['slices'];
}

export interface Core {
  /** The folder holding the database, secrets and log. */
  readonly dataDir: string;
  /** The webhook listener; a new object after restartListener(). */
  readonly listener: Listener;
  readonly api: ApiServer;
  readonly store: Store;
  /** The one writer of captures; services that store responses later (holds, forwards) use it. */
  readonly writer: CaptureWriter;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly endpoints: EndpointService;
  /** Requests held for the operator; `holds.openCount` is what the tunnel's 10 sockets must carry. */
  readonly holds: HoldQueue;
  readonly tunnel: TunnelService;
  /** Whether the store takes writes; the listener answers 503 while it does not. */
  readonly health: StoreHealthMonitor;
  readonly retention: RetentionPruner;
  readonly token: string;
  /** The URL to open: the UI with the token in its fragment (never sent to a server). */
  readonly uiUrl: string;
  /** Closes the listener and opens it again (on `port`, default the same one); the tunnel follows. */
  restartListener(port?: number): Promise<void>;
  close(): Promise<void>;
}

/** Which port failed to bind, so the host can name the flag to change. */
export class PortInUseError extends Error {
  constructor(
    readonly which: 'listener' | 'ui',
    readonly port: number,
  ) {
    super(`Port ${port} is already in use`);
    this.name = 'PortInUseError';
  }
}

async function bind<T>(which: 'listener' | 'ui', port: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(which, port);
    throw error;
  }
}

/**
 * The composition root: open the store, build the services, start the public listener, then the
 * private API server. Reads top to bottom as the list of what the app is made of.
 */
export async function startCore(options: CoreOptions): Promise<Core> {
  const { log } = options;
  // Captured payloads are private: a folder the app creates is readable by its owner only.
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });

  const movedAside: string[] = [];
  const store = Store.open(options.dataDir, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    onMovedAside: ({ movedTo, reason }) =>
      movedAside.push(
        `The database could not be used because ${reason}. It was moved aside to ${movedTo} (nothing was deleted) and a new, empty database was created.`,
      ),
  });
  const cleanups: (() => Promise<void> | void)[] = [() => store.close()];
  try {
    if (perfEnabled('checkpoint-worker')) {
      const checkpointer = startCheckpointer(store.db, {
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        log,
      });
      cleanups.unshift(() => checkpointer.close());
    }
    // Search entries a crash left unwritten are derived again from the stored request.
    store.captures.fts.setSource((id) => {
      const stored = store.captures.requestSource(id);
      return stored ? parseStored(stored.provider, stored).searchText : null;
    });
    const secrets = options.secretStore ?? new FileSecretStore(options.dataDir);
    const settings = new SettingsService(store.settings, secrets);
    const events = new EventBus();
    settings.onChange((snapshot) => events.emit('settings.changed', snapshot));
    const health = new StoreHealthMonitor({
      store,
      dataDir: options.dataDir,
      log,
      onChange: (current) => events.emit('app.health', current),
      ...(options.healthProbeIntervalMs === undefined
        ? {}
        : { probeIntervalMs: options.healthProbeIntervalMs }),
    });
    cleanups.unshift(() => health.close());
    for (const message of movedAside) health.addNotice({ level: 'warning', message });

    const dashlyClient = new DashlyApiClient({
      settings,
      record: (call) => {
        const recorded = store.apiCalls.insert(call);
        events.emit('dashly.call.added', recorded);
        return recorded;
      },
      ...(options.dashly?.timeoutMs === undefined ? {} : { timeoutMs: options.dashly.timeoutMs }),
    });
    const dashly = new DashlyOperator({
      store,
      events,
      settings,
      client: dashlyClient,
      typing: new TypingThrottle(options.dashly?.typingIntervalMs),
    });
    cleanups.unshift(() => dashly.stop());
    const autoResponder = new AutoResponder({ store, settings, operator: dashly, log });
    const dashlyInbound = new DashlyInbound({ store, events, autoResponder, log });

    const holds = new HoldQueue(events);
    const pruner = new RetentionPruner({
      store,
      settings,
      events,
      log,
      keep: () => holds.heldCaptureIds(),
      ...options.retention,
    });
    settings.onChange((_snapshot, changed) => {
      if (changed.some((key) => key.startsWith('retention.'))) void pruner.run();
    });
    const writeFailed = (error: unknown) => {
      // SQLite and file-system errors are the store's health; anything else is a bug to log.
      if (/^(SQLITE_|E[A-Z]+$)/u.test(errorCode(error) ?? '')) health.writeFailed(error);
      else log(`Store write failed: ${error instanceof Error ? error.message : String(error)}`);
    };
    // Parses what the listener stored as received once it has answered; see capture-deriver.ts.
    const deriver = new CaptureDeriver({
      store,
      parse: parseStored,
      responseMessages,
      onDerived: (derived) => {
        for (const summary of derived) events.emit('capture.updated', summary);
        emitConversationUpdates(store, events, derived);
        dashlyInbound.onCommitted(derived);
      },
      onError: writeFailed,
      onBacklog: (pending) => health.parsingBacklog(pending),
      ...(options.captureParsing ? { slices: options.captureParsing } : {}),
    });
    // Runs after the writer's close (cleanups run first to last, and unshift puts this later).
    cleanups.unshift(() => deriver.close());
    const writer = new CaptureWriter(
      store,
      (added, updated) => {
        health.writeSucceeded();
        pruner.noteInserted(added.length);
        deriver.noteCommitted(added.length);
        for (const summary of added) events.emit('capture.added', summary);
        for (const summary of updated) events.emit('capture.updated', summary);
        emitConversationUpdates(store, events, added);
        dashlyInbound.onCommitted(added);
      },
      writeFailed,
      responseMessages,
      deriver,
    );
    cleanups.unshift(() => writer.close());
    cleanups.unshift(() => pruner.close());

    // Assigned below; closures read it late (restartListener() replaces it).
    let listener: Listener | undefined;
    const endpoints = new EndpointService({
      repository: store.endpoints,
      events,
      holds,
      listenerPort: () => listener?.port ?? null,
      log,
    });
    const responder = new EndpointResponder({
      endpoints,
      holds,
      verify: (provider, request) => providerById(provider).verify?.(request, settings) ?? {},
      storeLimit: () => settings.get('listener.maxBodyBytes'),
      log,
    });

    // Created before the listener (which asks it which Host names are the tunnel's); it reads the
    // listener's port only when it opens a tunnel. Every held request occupies one of its sockets.
    const tunnel = new TunnelService({
      openHolds: () => holds.openCount,
      ...options.tunnel,
      settings,
      events,
      localPort: () => currentListener().port,
      endpoints: () =>
        endpoints.list().map((endpoint) => ({
          provider: providerForPath(endpoint.prefix)?.id ?? 'other',
          prefix: endpoint.prefix,
        })),
      log,
    });
    const holdsChanged = events.subscribe((frame) => {
      if (frame.event === 'hold.added' || frame.event === 'hold.resolved') tunnel.holdsChanged();
    });
    const startPublicListener = (port: number): Promise<Listener> =>
      bind('listener', port, () =>
        startListener(port, {
          writer,
          responder: () => responder,
          maxBodyBytes: () => settings.get('listener.maxBodyBytes'),
          // The public names the tunnel server granted; the loopback heuristic catches the rest.
          isTunnelHost: (host) => tunnel.isGrantedHost(host) || defaultIsTunnelHost(host),
          log,
          rateLimit: () => ({
            perMinute: settings.get('listener.rateLimitPerMinute'),
            tunnel: settings.get('listener.rateLimitTunnel'),
            local: settings.get('listener.rateLimitLocal'),
          }),
          ...(options.listenerLimits ? { limits: options.listenerLimits } : {}),
          onStoreFailure: () => health.refused(),
          deriveLater: perfEnabled('derive-later'),
        }),
      );
    listener = await startPublicListener(options.listenPort);
    const currentListener = (): Listener => {
      if (!listener) throw new Error('The listener is not running.');
      return listener;
    };
    cleanups.unshift(() => currentListener().close());
    // Before the listener waits for its in-flight requests: holds, delays and forwards answer now.
    cleanups.unshift(() => responder.close());
    cleanups.unshift(() => {
      holdsChanged();
      tunnel.close();
    });
    const restartListener = async (port?: number): Promise<void> => {
      const previous = currentListener();
      await previous.close();
      listener = await startPublicListener(port ?? previous.port);
      tunnel.listenerRestarted();
    };

    // Replays, bulk runs and composed requests; to the listener they go through the live endpoint.
    const replays = new ReplayService({
      store,
      events,
      settings,
      endpoints,
      listener: () => ({ url: currentListener().url, port: currentListener().port }),
      log,
    });
    const bulkReplays = new BulkReplays({ service: replays, events });
    // Before the listener closes: cancel what is in flight and store each outcome.
    cleanups.unshift(async () => {
      await bulkReplays.close();
      await replays.close();
    });

    const info = (): AppInfo => ({
      version: options.version,
      host: options.host,
      listenerUrl: currentListener().url,
      listenerPort: currentListener().port,
      dataDir: options.dataDir,
      endpoints: endpoints.list().map((endpoint) => {
        const publicUrl = tunnel.status().endpoints.find((entry) => entry.prefix === endpoint.prefix)?.url;
        return {
          prefix: endpoint.prefix,
          provider: providerForPath(endpoint.prefix)?.id ?? 'other',
          localUrl: `${currentListener().url}${endpoint.prefix === '/' ? '' : endpoint.prefix}`,
          ...(publicUrl ? { publicUrl } : {}),
        };
      }),
    });

    const handlers: Handlers = {
      ...appHandlers({ info }),
      ...captureHandlers({ store, events, settings }),
      ...conversationHandlers({ store }),
      ...endpointHandlers({ endpoints, store }),
      ...holdHandlers({ holds }),
      ...settingsHandlers({ settings }),
      ...dashlyHandlers({ store, operator: dashly }),
      ...autoreplyHandlers({ autoResponder }),
      ...kindlyHandlers({ store, settings }),
      ...templateHandlers({ store }),
      ...tunnelHandlers({ tunnel }),
      ...replayHandlers({ store, settings, replays, bulk: bulkReplays }),
      ...shareHandlers({ store, events, settings, replays, version: options.version }),
      ...composeHandlers({ store, settings, replays }),
      ...healthHandlers({ health, retention: pruner, store }),
    };

    const api = await bind('ui', options.uiPort, () =>
      startApiServer({
        port: options.uiPort,
        token: options.token,
        dispatch: withDerivedCaptures(createDispatcher(handlers), deriver),
        events,
        rendererDir: options.rendererDir,
        log,
        remoteImages: () => settings.get('privacy.loadRemoteImages'),
      }),
    );
    cleanups.unshift(() => api.close());
    pruner.start();

    let closing: Promise<void> | null = null;
    return {
      dataDir: options.dataDir,
      get listener() {
        return currentListener();
      },
      api,
      store,
      writer,
      events,
      settings,
      endpoints,
      holds,
      tunnel,
      health,
      retention: pruner,
      token: options.token,
      uiUrl: `${api.url}/#token=${options.token}`,
      restartListener,
      close() {
        closing ??= runCleanups(cleanups, log);
        return closing;
      },
    };
  } catch (error) {
    await runCleanups(cleanups, log);
    throw error;
  }
}

/**
 * Every API call first parses the captures still waiting (when only a few wait), so a script that
 * sent a webhook reads its conversation; in slices, so webhooks are still answered meanwhile. After a
 * flood the backlog is left to the deriver's own slices.
 */
function withDerivedCaptures(dispatch: Dispatch, deriver: CaptureDeriver): Dispatch {
  return async (method, input) => {
    await deriver.settle();
    return dispatch(method, input);
  };
}

/** Stops in order: API, listener (in-flight requests finish), writer flush, store close. */
async function runCleanups(cleanups: (() => Promise<void> | void)[], log: Log): Promise<void> {
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch (error) {
      log(`Shutdown step failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
