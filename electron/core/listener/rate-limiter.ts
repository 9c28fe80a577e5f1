import type { HeaderList } from '../../../shared/model/http.js';
import { headerValue } from '../util/headers.js';

export interface RateLimitConfig {
  /** Requests per minute per client; 0 = no limit. */
  perMinute: number;
  /** Tunnel traffic: not limited, per forwarded address, or as one client. */
  tunnel: 'off' | 'forwarded' | 'shared';
  /** Also limit direct requests from this machine. */
  local: boolean;
}

export type RateDecision =
  | { limited: false }
  | {
      limited: true;
      client: string;
      retryAfterSeconds: number;
      /**
       * The refusal to record as a capture: the first one of each burst from a client, within a
       * global budget. Later refusals only add to `count` of that record.
       */
      record: boolean;
    };

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** Refusals since this client was last allowed through. */
  refusedInBurst: number;
  /** The capture recording this burst: `pending` while it is being stored. */
  recordId: number | 'pending' | null;
  reported: number;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/u;
/** Clients remembered at once; beyond this, idle (full) buckets are forgotten first. */
const MAX_CLIENTS = 10_000;
/** Refusals recorded as captures per minute in all, so rotating addresses cannot fill the disk. */
const RECORDS_PER_MINUTE = 10;

/** The client a request is counted against, or null when the configuration does not limit it. */
export function clientKey(
  config: RateLimitConfig,
  request: { viaTunnel: boolean; remoteAddress: string | null; headers: HeaderList },
): string | null {
  if (config.perMinute <= 0) return null;
  if (request.viaTunnel) {
    if (config.tunnel === 'shared') return 'tunnel';
    if (config.tunnel !== 'forwarded') return null;
    // Proxies append the address they saw: the last entry is the one our side's proxy added.
    const forwarded = headerValue(request.headers, 'x-forwarded-for')?.split(',').at(-1)?.trim();
    const real = headerValue(request.headers, 'x-real-ip')?.trim();
    const address = forwarded || real;
    return address ? `tunnel ${address.slice(0, 100)}` : null;
  }
  const address = request.remoteAddress ?? 'unknown';
  if (LOOPBACK.test(address) && !config.local) return null;
  return address;
}

/**
 * Token buckets per client: `perMinute` requests may come in a burst, then one more every
 * 60/perMinute seconds. Memory is bounded by forgetting idle clients.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private recordsThisMinute = 0;
  private minuteStartedAt = 0;
  /** Refusals that were neither recorded nor attached to a record (budget spent, client forgotten). */
  unrecorded = 0;

  constructor(private readonly now: () => number = Date.now) {}

  check(client: string, perMinute: number): RateDecision {
    const at = this.now();
    const ratePerMs = perMinute / 60_000;
    let bucket = this.buckets.get(client);
    if (bucket) {
      // Re-inserted so the Map's order is least recently seen first.
      this.buckets.delete(client);
    } else {
      this.makeRoom();
      bucket = { tokens: perMinute, updatedAt: at, refusedInBurst: 0, recordId: null, reported: 0 };
    }
    this.buckets.set(client, bucket);
    bucket.tokens = Math.min(perMinute, bucket.tokens + (at - bucket.updatedAt) * ratePerMs);
    bucket.updatedAt = at;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      if (bucket.refusedInBurst > 0) {
        // The burst is over; its record keeps its final count.
        bucket.refusedInBurst = 0;
        bucket.recordId = null;
        bucket.reported = 0;
      }
      return { limited: false };
    }
    bucket.refusedInBurst++;
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
    let record = false;
    if (bucket.refusedInBurst === 1) {
      if (at - this.minuteStartedAt >= 60_000) {
        this.minuteStartedAt = at;
        this.recordsThisMinute = 0;
      }
      if (this.recordsThisMinute < RECORDS_PER_MINUTE) {
        this.recordsThisMinute++;
        record = true;
        bucket.recordId = 'pending';
      }
    }
    if (bucket.recordId === null) this.unrecorded++;
    return { limited: true, client, retryAfterSeconds, record };
  }

  /** The capture that records this client's current burst (null: it could not be stored). */
  attachRecord(client: string, captureId: number | null): void {
    const bucket = this.buckets.get(client);
    if (bucket?.recordId !== 'pending') return;
    bucket.recordId = captureId;
    bucket.reported = 1;
  }

  /** Records whose refusal count grew since last asked: `[captureId, refusals in the burst]`. */
  takeUpdates(): [number, number][] {
    const updates: [number, number][] = [];
    for (const bucket of this.buckets.values()) {
      if (typeof bucket.recordId === 'number' && bucket.refusedInBurst !== bucket.reported) {
        bucket.reported = bucket.refusedInBurst;
        updates.push([bucket.recordId, bucket.refusedInBurst]);
      }
    }
    return updates;
  }

  get clients(): number {
    return this.buckets.size;
  }

  private makeRoom(): void {
    if (this.buckets.size < MAX_CLIENTS) return;
    // Forget the tenth of clients seen least recently.
    let drop = MAX_CLIENTS / 10;
    for (const key of this.buckets.keys()) {
      if (drop-- <= 0) break;
      this.buckets.delete(key);
    }
  }
}
