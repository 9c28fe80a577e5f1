import type { Endpoint, EndpointMode } from '../../../shared/model/endpoint.js';

export const MODE_LABEL: Record<EndpointMode, string> = {
  ack: 'Ack',
  forward: 'Forward',
  mock: 'Mock',
  hold: 'Hold',
};

export const MODE_HELP: Record<EndpointMode, string> = {
  ack: 'Answers 200 {} at once. Every request is still recorded.',
  forward:
    'Sends each request to your server (same method, path after the prefix, headers and exact body) and returns its answer. Both sides are recorded.',
  mock: 'Answers with the first enabled rule that matches, else the fallback, else 200 {}.',
  hold: 'Keeps the request open until you answer it in the held requests panel; at the deadline the first matching rule, else the fallback, else 200 {} is sent.',
};

/** Whether requests can wait for the operator on this endpoint. */
export function canHold(endpoint: Pick<Endpoint, 'mode' | 'holdOnForwardFailure'>): boolean {
  return endpoint.mode === 'hold' || (endpoint.mode === 'forward' && endpoint.holdOnForwardFailure);
}

export function ModeBadge({ mode }: { mode: EndpointMode }) {
  return <span className={`mode-badge mode-${mode}`}>{MODE_LABEL[mode]}</span>;
}
