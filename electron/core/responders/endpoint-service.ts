import { isUnderPrefix } from '../../../shared/matching/path-prefix.js';
import { z } from 'zod';
import {
  DEFAULT_FORWARD_TIMEOUT_MS,
  DEFAULT_HOLD_TIMEOUT_MS,
  EndpointInput,
  type Endpoint,
  type EndpointParams,
} from '../../../shared/model/endpoint.js';
import {
  responseProblems,
  rulesProblems,
  type RuleProblem,
} from '../../../shared/responders/rule-validation.js';
import { ApiError } from '../api/api-error.js';
import type { EventBus } from '../events/event-bus.js';
import type { EndpointRepository } from '../store/endpoint-repository.js';
import type { HoldQueue } from './hold-queue.js';
import { compileRule, type CompiledRule } from './rule-matcher.js';

/** An endpoint with its rules compiled once, at save or load time. */
export interface ActiveEndpoint {
  readonly endpoint: Endpoint;
  readonly rules: readonly CompiledRule[];
}

const LOOPBACK_NAMES = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|\[::\])$/iu;

/** Whether an endpoint can have requests held on it. */
export function holdsAllowed(endpoint: Endpoint): boolean {
  return endpoint.mode === 'hold' || (endpoint.mode === 'forward' && endpoint.holdOnForwardFailure);
}

function withDefaults(params: EndpointParams, updatedAt: number): Endpoint {
  return {
    prefix: params.prefix,
    mode: params.mode,
    target: params.target ?? null,
    timeoutMs: params.timeoutMs ?? DEFAULT_FORWARD_TIMEOUT_MS,
    rules: params.rules ?? [],
    fallback: params.fallback ?? null,
    holdTimeoutMs: params.holdTimeoutMs ?? DEFAULT_HOLD_TIMEOUT_MS,
    holdOnForwardFailure: params.holdOnForwardFailure ?? false,
    failOn5xx: params.failOn5xx ?? false,
    rejectInvalidAuth: params.rejectInvalidAuth ?? false,
    updatedAt,
  };
}

function compile(endpoint: Endpoint): ActiveEndpoint {
  return { endpoint, rules: endpoint.rules.map((rule, index) => compileRule(rule, index)) };
}

/**
 * The endpoints (path prefix → response mode), persisted in the store and kept in memory with
 * compiled rules. Configuration comes from the local API, so it is trusted, but it is validated
 * fully at save: a rule that would fail or hang at request time is refused here.
 */
export class EndpointService {
  private active = new Map<string, ActiveEndpoint>();

  constructor(
    private readonly deps: {
      repository: EndpointRepository;
      events: EventBus;
      holds: HoldQueue;
      /** The listener's port, to refuse forwarding to ourselves. */
      listenerPort: () => number | null;
      log: (line: string) => void;
    },
  ) {
    for (const stored of deps.repository.all()) {
      const parsed = EndpointInput.safeParse({
        ...(typeof stored.config === 'object' && stored.config !== null ? stored.config : {}),
        prefix: stored.prefix,
      });
      try {
        if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
        this.active.set(stored.prefix, compile(withDefaults(parsed.data, stored.updatedAt)));
      } catch (error) {
        // A stored endpoint this build cannot read answers like ack rather than failing startup.
        deps.log(`Endpoint ${stored.prefix} could not be loaded, using ack: ${String(error)}`);
        this.active.set(
          stored.prefix,
          compile(withDefaults({ prefix: stored.prefix, mode: 'ack' }, stored.updatedAt)),
        );
      }
    }
  }

  list(): Endpoint[] {
    return [...this.active.values()]
      .map((active) => active.endpoint)
      .sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
  }

  get(prefix: string): ActiveEndpoint | null {
    return this.active.get(prefix) ?? null;
  }

  /** The endpoint with the longest prefix covering `pathname`, if any. */
  match(pathname: string): ActiveEndpoint | null {
    let best: ActiveEndpoint | null = null;
    for (const active of this.active.values()) {
      const { prefix } = active.endpoint;
      if (isUnderPrefix(pathname, prefix) && (!best || prefix.length > best.endpoint.prefix.length))
        best = active;
    }
    return best;
  }

  save(params: EndpointParams): Endpoint {
    const previous = params.previousPrefix ?? params.prefix;
    const renaming = previous !== params.prefix;
    const old = this.active.get(previous) ?? null;
    if (renaming && !old) throw new ApiError('not_found', `Endpoint ${previous} was not found.`);
    if (renaming && this.active.has(params.prefix))
      throw new ApiError('conflict', `An endpoint ${params.prefix} already exists.`);

    const endpoint = withDefaults(params, Date.now());
    const problems = this.problems(endpoint);
    if (problems.length > 0)
      throw new ApiError(
        'bad_request',
        problems.map((problem) => `${problem.path}: ${problem.message}`).join(' '),
        { problems },
      );
    const active = compile(endpoint);

    const { prefix: _prefix, updatedAt: _updatedAt, ...config } = endpoint;
    this.deps.repository.put(endpoint.prefix, config, endpoint.updatedAt);
    if (renaming) this.deps.repository.delete(previous);

    if (old) {
      // Holds end before the new configuration takes over, so none is left without an owner.
      if (old.endpoint.mode !== endpoint.mode || !holdsAllowed(endpoint))
        this.deps.holds.answerEndpoint(previous, 'endpoint-changed');
      else if (renaming) this.deps.holds.rename(previous, endpoint.prefix);
    }
    if (renaming) this.active.delete(previous);
    this.active.set(endpoint.prefix, active);
    this.announce();
    return endpoint;
  }

  delete(prefix: string): { deleted: boolean; answeredHolds: number } {
    if (!this.active.has(prefix)) return { deleted: false, answeredHolds: 0 };
    const answeredHolds = this.deps.holds.answerEndpoint(prefix, 'endpoint-deleted');
    this.deps.repository.delete(prefix);
    this.active.delete(prefix);
    this.announce();
    return { deleted: true, answeredHolds };
  }

  private announce(): void {
    this.deps.events.emit('endpoints.changed', { endpoints: this.list() });
  }

  private problems(endpoint: Endpoint): RuleProblem[] {
    const problems: RuleProblem[] = [...rulesProblems(endpoint.rules)];
    if (endpoint.fallback) problems.push(...responseProblems(endpoint.fallback, 'fallback'));
    if (endpoint.mode === 'forward' && !endpoint.target)
      problems.push({
        path: 'target',
        message: 'Forward mode needs a target URL, e.g. http://localhost:3000/webhook.',
      });
    if (endpoint.target) {
      const problem = this.targetProblem(endpoint.target);
      if (problem) problems.push({ path: 'target', message: problem });
    }
    return problems;
  }

  private targetProblem(target: string): string | null {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return `"${target}" is not a URL.`;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return 'The target must be an http:// or https:// URL.';
    if (url.hash) return 'The target cannot have a #fragment.';
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if (LOOPBACK_NAMES.test(url.hostname) && port === this.deps.listenerPort())
      return "The target is Convoscope's own listener: requests would loop forever.";
    return null;
  }
}
