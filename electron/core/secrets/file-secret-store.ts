import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from './secret-store.js';

export interface SecretCodec {
  encode(plain: string): string;
  decode(stored: string): string;
}

const plainCodec: SecretCodec = { encode: (value) => value, decode: (value) => value };

/**
 * Secrets in `secrets.json` in the data folder, created with mode 0600 and replaced atomically.
 * The desktop host passes a codec backed by safeStorage so the file holds ciphertext only.
 */
export class FileSecretStore implements SecretStore {
  readonly kind: string;
  private readonly file: string;
  private values: Record<string, string>;

  constructor(
    dataDir: string,
    private readonly codec: SecretCodec = plainCodec,
    kind = 'file (owner-only)',
  ) {
    this.kind = kind;
    this.file = path.join(dataDir, 'secrets.json');
    this.values = this.read();
  }

  get(key: string): string | null {
    const stored = this.values[key];
    if (stored === undefined) return null;
    try {
      return this.codec.decode(stored);
    } catch {
      return null;
    }
  }

  set(key: string, value: string | null): void {
    const next = { ...this.values };
    if (value === null) delete next[key];
    else next[key] = this.codec.encode(value);
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(next, null, 2), { mode: 0o600 });
    fs.renameSync(temp, this.file);
    fs.chmodSync(this.file, 0o600);
    this.values = next;
  }

  private read(): Record<string, string> {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      if (typeof parsed !== 'object' || parsed === null) return {};
      return Object.fromEntries(
        Object.entries(parsed as Record<string, unknown>).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
    } catch {
      return {};
    }
  }
}
