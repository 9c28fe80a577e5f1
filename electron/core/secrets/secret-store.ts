/**
 * Where API tokens and HMAC secrets live. Only the core reads them; the API reports set/unset.
 * Desktop: encrypted with Electron's safeStorage. Serve mode: a file only the user can read.
 */
export interface SecretStore {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
  /** Short description for logs and docs, e.g. "file (0600)". */
  readonly kind: string;
}

/** For tests: secrets in memory only. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory';
  private readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string | null): void {
    if (value === null) this.values.delete(key);
    else this.values.set(key, value);
  }
}
