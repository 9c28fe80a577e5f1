export interface BackoffPolicy {
  /** Ceiling of the first delay; doubles with each consecutive failure. */
  baseMs: number;
  /** Largest ceiling. */
  capMs: number;
  /** Smallest delay, so an instantly failing server is never hammered. */
  minMs: number;
}

/**
 * "Full jitter" backoff: a uniformly random delay between `minMs` and
 * min(cap, base · 2^(failures−1)). Spreading retries out keeps many clients that lost the same
 * server from reconnecting in lockstep, which is what trips the public server's abuse limits.
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, Math.floor(failures) - 1);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(exponent, 52));
  const span = Math.max(0, ceiling - policy.minMs);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(policy.minMs + r * span);
}
