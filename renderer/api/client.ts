import type { ErrorBody, MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';

/** An error the API answered with, or a transport failure (`code: 'network'`). */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** The error's `details` (e.g. `problems` naming the fields at fault, validation `issues`, `messageId` of a failed Dashly reply). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

let apiToken: string | null = null;

export function setApiToken(token: string | null): void {
  apiToken = token;
}

export function hasApiToken(): boolean {
  return apiToken !== null;
}

export function currentApiToken(): string | null {
  return apiToken;
}

/** Calls one method of the contract: `POST /api/<method>` with the bearer token. */
export async function call<K extends MethodName>(
  method: K,
  input?: MethodInput<K>,
): Promise<MethodOutput<K>> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${apiToken ?? ''}` },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new ApiCallError('network', 'Convoscope is not reachable. Is it still running?', 0);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiCallError('internal', `Unexpected answer (${response.status}).`, response.status);
  }
  if (!response.ok) {
    const error = (body as Partial<ErrorBody>).error;
    throw new ApiCallError(
      error?.code ?? 'internal',
      error?.message ?? `Request failed (${response.status}).`,
      response.status,
      error?.details,
    );
  }
  return body as MethodOutput<K>;
}
