/**
 * Why opening a tunnel failed. `fatal` failures cannot be fixed by trying again (the server
 * refused the subdomain, the address is not a tunnel server); anything else is retried with backoff.
 */
export class TunnelOpenError extends Error {
  constructor(
    message: string,
    readonly fatal: boolean,
  ) {
    super(message);
    this.name = 'TunnelOpenError';
  }
}
