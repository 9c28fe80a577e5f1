import type { HeaderList } from '../model/http.js';

/** Hop-by-hop headers (RFC 9110 §7.6.1) that a proxy or a replay must not pass on. */
export const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Every replay sent to Convoscope's own listener carries this header, so what it records can be
 * linked to the replay and so nothing there acts on it as if a platform had sent it (the Dashly
 * auto-responder never answers a marked request). A public sender can add the header too; the
 * only effect is that no auto-reply is sent, which is the safe direction.
 */
export const REPLAY_MARKER_HEADER = 'X-Convoscope-Replay';

/** Headers a replay's sender sets itself, dropped from every replay on top of the hop-by-hop ones. */
export const REPLAY_DROPPED_HEADERS: readonly string[] = [
  'host',
  'content-length',
  'expect',
  REPLAY_MARKER_HEADER.toLowerCase(),
];

function connectionListed(headers: HeaderList): Set<string> {
  const listed = new Set<string>();
  for (const [name, value] of headers)
    if (name.toLowerCase() === 'connection')
      for (const token of value.split(',')) listed.add(token.trim().toLowerCase());
  return listed;
}

/**
 * Headers minus hop-by-hop ones (and those the Connection header names) and those in `drop`
 * (lower case), order and case kept.
 */
export function endToEndHeaders(headers: HeaderList, drop: readonly string[] = []): HeaderList {
  const listed = connectionListed(headers);
  const extra = new Set(drop);
  return headers.filter(([name]) => {
    const lower = name.toLowerCase();
    return !HOP_BY_HOP.has(lower) && !listed.has(lower) && !extra.has(lower);
  });
}
