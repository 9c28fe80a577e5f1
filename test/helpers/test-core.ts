import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { startCore, type Core, type CoreOptions } from '../../electron/core/app.js';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store.js';
import { httpRequest } from './http.js';
import { makeTempDir } from './temp-dir.js';

export interface TestCore {
  core: Core;
  dataDir: string;
  token: string;
  listenerUrl: string;
  apiUrl: string;
  /** Log lines the core wrote. */
  logs: string[];
  /** Calls an API method over real HTTP with the token; throws on an error answer. */
  call<K extends MethodName>(method: K, input?: MethodInput<K>): Promise<MethodOutput<K>>;
  /** Calls a method and returns the HTTP status and parsed body, error answers included. */
  callRaw(method: string, input?: unknown): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** The real core (listener, store, API) in this process, on free loopback ports and a temp data dir. */
export async function startTestCore(
  options: {
    dataDir?: string;
    dashly?: CoreOptions['dashly'];
    tunnel?: CoreOptions['tunnel'];
    listenerLimits?: CoreOptions['listenerLimits'];
    retention?: CoreOptions['retention'];
    healthProbeIntervalMs?: number;
    secretStore?: CoreOptions['secretStore'];
    captureParsing?: CoreOptions['captureParsing'];
  } = {},
): Promise<TestCore> {
  const temp = options.dataDir ? null : makeTempDir();
  const dataDir = options.dataDir ?? temp!.dir;
  const token = 'test-token-0123456789';
  const logs: string[] = [];
  const core = await startCore({
    dataDir,
    listenPort: 0,
    uiPort: 0,
    token,
    host: 'serve',
    version: '0.0.0-test',
    rendererDir: dataDir,
    log: (line) => logs.push(line),
    secretStore: options.secretStore ?? new MemorySecretStore(),
    ...(options.dashly ? { dashly: options.dashly } : {}),
    ...(options.tunnel ? { tunnel: options.tunnel } : {}),
    ...(options.listenerLimits ? { listenerLimits: options.listenerLimits } : {}),
    ...(options.retention ? { retention: options.retention } : {}),
    ...(options.captureParsing ? { captureParsing: options.captureParsing } : {}),
    ...(options.healthProbeIntervalMs === undefined
      ? {}
      : { healthProbeIntervalMs: options.healthProbeIntervalMs }),
  });
  return {
    core,
    dataDir,
    token,
    logs,
    // Read live: restartListener() may move the listener to another port.
    get listenerUrl() {
      return core.listener.url;
    },
    apiUrl: core.api.url,
    async call(method, input) {
      const res = await httpRequest(`${core.api.url}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      if (res.status !== 200) throw new Error(`${method} answered ${res.status}: ${res.text}`);
      return JSON.parse(res.text) as never;
    },
    async callRaw(method, input) {
      const res = await httpRequest(`${core.api.url}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return { status: res.status, body: JSON.parse(res.text) as unknown };
    },
    async stop() {
      await core.close();
      temp?.remove();
    },
  };
}
