import fs from 'node:fs';
import type { AppInfo } from '../../shared/contract/methods/app.js';
import { startApiServer, type ApiServer } from './api/api-server.js';
import { createDispatcher } from './api/dispatcher.js';
import type { Handlers } from './api/handler-types.js';
import { appHandlers } from './api/handlers/app.js';
import { captureHandlers } from './api/handlers/captures.js';
import { conversationHandlers } from './api/handlers/conversations.js';
import { settingsHandlers } from './api/handlers/settings.js';
import { tunnelHandlers } from './api/handlers/tunnel.js';
import { EventBus } from './events/event-bus.js';
import { ackResponder } from './listener/responder.js';
import { defaultIsTunnelHost, startListener, type Listener } from './listener/listener-server.js';
import { providers } from './providers/registry.js';
import { FileSecretStore } from './secrets/file-secret-store.js';
import type { SecretStore } from './secrets/secret-store.js';
import { SettingsService } from './settings/settings-service.js';
import { CaptureWriter } from './store/capture-writer.js';
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
  /** Tunnel supervisor overrides: timings (tests run them fast), the open-holds count, connectors. */
  tunnel?: Omit<TunnelSupervisorOptions, 'localPort' | 'endpoints' | 'log'>;
}

export interface Core {
  /** The webhook listener; a new object after restartListener(). */
  readonly listener: Listener;
  readonly api: ApiServer;
  readonly store: Store;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly tunnel: TunnelService;
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
  fs.mkdirSync(options.dataDir, { recursive: true });

  const store = Store.open(
    options.dataDir,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  const cleanups: (() => Promise<void> | void)[] = [() => store.close()];
  try {
    const secrets = options.secretStore ?? new FileSecretStore(options.dataDir);
    const settings = new SettingsService(store.settings, secrets);
    const events = new EventBus();
    settings.onChange((snapshot) => events.emit('settings.changed', snapshot));

    const writer = new CaptureWriter(
      store,
      (added, updated) => {
        for (const summary of added) events.emit('capture.added', summary);
        for (const summary of updated) events.emit('capture.updated', summary);
      },
      (error) => log(`Store write failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    cleanups.unshift(() => writer.close());

    const endpoints = providers
      .filter((provider) => provider.pathPrefix)
      .map((provider) => ({ provider: provider.id, prefix: provider.pathPrefix ?? '' }));

    // Created before the listener (which asks it which Host names are the tunnel's); it reads the
    // listener's port only when it opens a tunnel.
    let listener: Listener;
    const tunnel = new TunnelService({
      ...options.tunnel,
      settings,
      events,
      localPort: () => listener.port,
      endpoints,
      log,
    });
    const startPublicListener = (port: number): Promise<Listener> =>
      bind('listener', port, () =>
        startListener(port, {
          writer,
          responder: () => ackResponder,
          maxBodyBytes: () => settings.get('listener.maxBodyBytes'),
          // The public names the tunnel server granted; the loopback heuristic catches the rest.
          isTunnelHost: (host) => tunnel.isGrantedHost(host) || defaultIsTunnelHost(host),
          log,
        }),
      );
    listener = await startPublicListener(options.listenPort);
    cleanups.unshift(() => listener.close());
    cleanups.unshift(() => tunnel.close());
    const restartListener = async (port?: number): Promise<void> => {
      await listener.close();
      listener = await startPublicListener(port ?? listener.port);
      tunnel.listenerRestarted();
    };

    const info = (): AppInfo => ({
      version: options.version,
      host: options.host,
      listenerUrl: listener.url,
      listenerPort: listener.port,
      dataDir: options.dataDir,
      endpoints: endpoints.map(({ provider, prefix }) => {
        const publicUrl = tunnel.status().endpoints.find((endpoint) => endpoint.prefix === prefix)?.url;
        return {
          prefix,
          provider,
          localUrl: `${listener.url}${prefix}`,
          ...(publicUrl ? { publicUrl } : {}),
        };
      }),
    });

    const handlers: Handlers = {
      ...appHandlers({ info }),
      ...captureHandlers({ store, events, settings }),
      ...conversationHandlers({ store }),
      ...settingsHandlers({ settings }),
      ...tunnelHandlers({ tunnel }),
    };

    const api = await bind('ui', options.uiPort, () =>
      startApiServer({
        port: options.uiPort,
        token: options.token,
        dispatch: createDispatcher(handlers),
        events,
        rendererDir: options.rendererDir,
        log,
      }),
    );
    cleanups.unshift(() => api.close());

    let closing: Promise<void> | null = null;
    return {
      get listener() {
        return listener;
      },
      api,
      store,
      events,
      settings,
      tunnel,
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
