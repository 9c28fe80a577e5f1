import type { MethodInput, MethodName } from '../../shared/contract/index.js';
import type { ErrorBody } from '../../shared/contract/errors.js';
import { httpRequest } from './http.js';
import type { TestCore } from './test-core.js';

/** Calls an API method that is expected to fail; answers the HTTP status and the error body. */
export async function callFailing<K extends MethodName>(
  app: TestCore,
  method: K,
  input: MethodInput<K>,
): Promise<{ status: number; error: ErrorBody['error'] }> {
  const res = await httpRequest(`${app.apiUrl}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (res.status === 200) throw new Error(`${method} succeeded, expected an error: ${res.text}`);
  return { status: res.status, error: (JSON.parse(res.text) as ErrorBody).error };
}
