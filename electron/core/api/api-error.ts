import { errorStatus, type ErrorCode } from '../../../shared/contract/errors.js';

/** An error the API reports as `{error: {code, message}}` with the code's HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function notFound(what: string): ApiError {
  return new ApiError('not_found', `${what} was not found.`);
}
