import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore, type SecretCodec } from '../../../electron/core/secrets/file-secret-store.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

/**
 * A codec with safeStorage's contract (string in, opaque ciphertext out, decrypt fails with another
 * key), so the file store's use of a codec is tested in Node; Electron's own safeStorage needs the
 * desktop app and the OS keychain.
 */
function aesCodec(key = randomBytes(32)): SecretCodec {
  return {
    encode(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
    },
    decode(stored) {
      const raw = Buffer.from(stored, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

describe('FileSecretStore', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const file = () => path.join(temp.dir, 'secrets.json');
  const mode = () => fs.statSync(file()).mode & 0o777;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('serve mode: an owner-only file (0600), replaced atomically, mode kept on every write', () => {
    const store = new FileSecretStore(temp.dir);
    store.set('dashly.apiToken', 'tok-1');
    expect(mode()).toBe(0o600);
    store.set('kindly.hmacSecret', 'hmac-2');
    store.set('dashly.apiToken', null);
    expect(mode()).toBe(0o600);
    expect(fs.readdirSync(temp.dir)).toEqual(['secrets.json']);
    expect(new FileSecretStore(temp.dir).get('kindly.hmacSecret')).toBe('hmac-2');
    expect(new FileSecretStore(temp.dir).get('dashly.apiToken')).toBeNull();
  });

  it('with a codec (desktop: safeStorage) the file holds ciphertext only', () => {
    const codec = aesCodec();
    const store = new FileSecretStore(temp.dir, codec, 'safeStorage');
    const secret = 'very-secret-token-4242';
    store.set('dashly.apiToken', secret);
    const onDisk = fs.readFileSync(file(), 'utf8');
    expect(onDisk).not.toContain(secret);
    expect(onDisk).not.toContain(Buffer.from(secret).toString('base64'));
    expect(mode()).toBe(0o600);
    expect(new FileSecretStore(temp.dir, codec).get('dashly.apiToken')).toBe(secret);
  });

  it('a file it cannot decrypt (another machine or keychain) reads as unset, never as garbage', () => {
    new FileSecretStore(temp.dir, aesCodec()).set('dashly.apiToken', 'tok');
    expect(new FileSecretStore(temp.dir, aesCodec()).get('dashly.apiToken')).toBeNull();
  });

  it('a damaged file reads as empty and is replaced on the next write', () => {
    fs.writeFileSync(file(), '{not json', { mode: 0o644 });
    const store = new FileSecretStore(temp.dir);
    expect(store.get('dashly.apiToken')).toBeNull();
    store.set('dashly.apiToken', 'x');
    expect(mode()).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file(), 'utf8'))).toEqual({ 'dashly.apiToken': 'x' });
  });
});
