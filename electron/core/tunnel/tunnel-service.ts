import type { TunnelStatus } from '../../../shared/model/tunnel.js';
import { subdomainProblem } from '../../../shared/tunnel/subdomain.js';
import { normalizeTunnelHost } from '../../../shared/tunnel/tunnel-host.js';
import { ApiError } from '../api/api-error.js';
import type { EventBus } from '../events/event-bus.js';
import type { SettingsService } from '../settings/settings-service.js';
import { generateSubdomain } from './subdomain-generator.js';
import { TunnelSupervisor, type TunnelSupervisorOptions, type TunnelTarget } from './tunnel-supervisor.js';

export interface TunnelServiceOptions extends TunnelSupervisorOptions {
  settings: SettingsService;
  events: EventBus;
}

/**
 * The tunnel as the app sees it: the supervisor plus the settings it starts from (and saves to),
 * and the `tunnel.status` event.
 */
export class TunnelService {
  readonly supervisor: TunnelSupervisor;
  private readonly settings: SettingsService;
  private readonly log: (line: string) => void;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly statusListeners = new Set<(status: TunnelStatus) => void>();

  constructor(options: TunnelServiceOptions) {
    const { settings, events, ...supervisorOptions } = options;
    this.settings = settings;
    this.log = options.log ?? (() => undefined);
    this.supervisor = new TunnelSupervisor(supervisorOptions);
    this.unsubscribe.push(
      this.supervisor.onStatus(() => {
        const status = this.status();
        events.emit('tunnel.status', status);
        for (const listener of this.statusListeners) {
          try {
            listener(status);
          } catch {
            // A failing subscriber (e.g. a closed stdout) must not stop the tunnel.
          }
        }
      }),
      // Editing the host or subdomain setting while the tunnel runs moves the tunnel there;
      // while it is off, the status (which shows what a start would use) changes.
      settings.onChange((_snapshot, changed) => {
        if (!changed.includes('tunnel.host') && !changed.includes('tunnel.subdomain')) return;
        if (!this.running()) {
          if (this.supervisor.status().state === 'off') events.emit('tunnel.status', this.status());
          return;
        }
        const subdomain = settings.get('tunnel.subdomain');
        if (subdomain === null) return;
        const target = { host: settings.get('tunnel.host'), subdomain };
        if (!sameTarget(target, this.supervisor.currentTarget)) this.supervisor.start(target);
      }),
    );
  }

  /**
   * Starts the tunnel; `host` and `subdomain` default to the settings and are saved there.
   * With no subdomain anywhere, one is generated and saved so the URL survives restarts.
   * Throws ApiError(bad_request) for an invalid host or subdomain, leaving a running tunnel alone.
   */
  start(input: { host?: string | undefined; subdomain?: string | undefined } = {}): TunnelStatus {
    const hostResult = normalizeTunnelHost(input.host ?? this.settings.get('tunnel.host'));
    if (!hostResult.ok) throw new ApiError('bad_request', hostResult.problem);
    const subdomain = input.subdomain?.trim() || this.settings.get('tunnel.subdomain') || generateSubdomain();
    const problem = subdomainProblem(subdomain);
    if (problem) throw new ApiError('bad_request', problem);
    const target = { host: hostResult.host, subdomain };

    const state = this.supervisor.status().state;
    if (sameTarget(target, this.supervisor.currentTarget) && (state === 'online' || state === 'connecting')) {
      return this.status();
    }
    if (sameTarget(target, this.supervisor.currentTarget) && state === 'reconnecting') {
      // "Start" while waiting for a retry means "try now".
      this.supervisor.recheck();
      return this.status();
    }
    this.supervisor.start(target);
    // Saved after starting, so the settings listener sees the tunnel already at this target.
    const patch: Record<string, unknown> = {};
    if (this.settings.get('tunnel.host') !== target.host) patch['tunnel.host'] = target.host;
    if (this.settings.get('tunnel.subdomain') !== target.subdomain)
      patch['tunnel.subdomain'] = target.subdomain;
    if (Object.keys(patch).length > 0) this.settings.update(patch);
    return this.status();
  }

  stop(): TunnelStatus {
    this.supervisor.stop();
    return this.status();
  }

  /** The supervisor's status; while off, the host and subdomain a start would use. */
  status(): TunnelStatus {
    const status = this.supervisor.status();
    if (status.state !== 'off') return status;
    return {
      ...status,
      host: this.settings.get('tunnel.host'),
      requestedSubdomain: this.settings.get('tunnel.subdomain'),
    };
  }

  /** Starts the tunnel if the `tunnel.startOnLaunch` setting asks for it; never throws. */
  startIfEnabledOnLaunch(): void {
    if (!this.settings.get('tunnel.startOnLaunch')) return;
    try {
      this.start();
    } catch (error) {
      this.log(
        `The tunnel could not start on launch: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** True when a request's Host header names a public host the tunnel server granted in this run. */
  isGrantedHost(host: string | undefined): boolean {
    return this.supervisor.grantedHosts.matches(host);
  }

  /** Check the tunnel now, e.g. when the computer wakes from sleep. */
  recheck(): void {
    this.supervisor.recheck();
  }

  /** The listener was restarted, possibly on another port. */
  listenerRestarted(): void {
    this.supervisor.localPortChanged();
  }

  /** The number of held requests changed: re-evaluate the socket warning. */
  holdsChanged(): void {
    this.supervisor.refresh();
  }

  onStatus(listener: (status: TunnelStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private running(): boolean {
    const { state } = this.supervisor.status();
    return state === 'connecting' || state === 'online' || state === 'reconnecting';
  }

  /** Stops the tunnel and all its timers; used when the core shuts down. */
  close(): void {
    this.supervisor.stop();
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.statusListeners.clear();
  }
}

function sameTarget(a: TunnelTarget, b: TunnelTarget | null): boolean {
  return b !== null && a.host === b.host && a.subdomain === b.subdomain;
}
