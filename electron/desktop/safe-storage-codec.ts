import { safeStorage } from 'electron';
import type { SecretCodec } from '../core/secrets/file-secret-store.js';

/** Secrets encrypted with the OS keychain through Electron's safeStorage; base64 ciphertext on disk. */
export function safeStorageCodec(): SecretCodec | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return {
    encode: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decode: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  };
}
