import type { TunnelStatus } from '../../shared/model/tunnel.js';

export interface TunnelLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

/**
 * Turns tunnel status changes into terminal lines for serve mode: the public URL when the tunnel
 * comes online, each retry, an error, and warnings when they first appear. Repeats nothing.
 */
export function tunnelLinePrinter(): (status: TunnelStatus) => TunnelLine[] {
  let lastKey = '';
  let shownWarnings = new Set<string>();
  return (status) => {
    const lines: TunnelLine[] = [];
    const key = [status.state, status.url, status.attempt, status.nextRetryAt !== null, status.error].join(
      '|',
    );
    if (key !== lastKey) {
      lastKey = key;
      if (status.state === 'online' && status.url) {
        const endpoints = status.endpoints
          .map(
            (endpoint) =>
              `${endpoint.provider[0]?.toUpperCase() ?? ''}${endpoint.provider.slice(1)} webhook URL: ${endpoint.url}`,
          )
          .join('   ');
        lines.push({
          stream: 'stdout',
          text: `Tunnel online: ${status.url}${endpoints ? `\n${endpoints}` : ''}`,
        });
      } else if (status.state === 'reconnecting' && status.nextRetryAt !== null) {
        const inSeconds = Math.max(0, Math.round((status.nextRetryAt - Date.now()) / 1000));
        lines.push({
          stream: 'stderr',
          text: `Tunnel reconnecting (try ${status.attempt} in ${inSeconds} s): ${status.error ?? 'connection lost'}`,
        });
      } else if (status.state === 'error') {
        lines.push({ stream: 'stderr', text: `Tunnel error: ${status.error ?? 'unknown error'}` });
      } else if (status.state === 'off') {
        lines.push({ stream: 'stdout', text: 'Tunnel closed.' });
      }
    }
    const current = new Set(status.warnings);
    for (const warning of status.warnings) {
      if (!shownWarnings.has(warning)) lines.push({ stream: 'stderr', text: `Tunnel warning: ${warning}` });
    }
    shownWarnings = current;
    return lines;
  };
}
