/**
 * Development signing keys: an ES256 key pair kept under .data/keys so tokens survive restarts.
 * Production passes JWT_PRIVATE_KEY and JWT_PUBLIC_KEY or JWT_PUBLIC_KEYS from a secret store instead.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Loads the key pair from dir, creating it on first use.
 * @param dir - folder for the PEM files
 */
export function loadOrCreateDevKeys(dir: string): { privateKeyPem: string; publicKeyPem: string } {
  const privatePath = path.join(dir, 'jwt-es256-private.pem');
  const publicPath = path.join(dir, 'jwt-es256-public.pem');
  if (!existsSync(privatePath) || !existsSync(publicPath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    writeFileSync(privatePath, privateKey, { mode: 0o600 });
    writeFileSync(publicPath, publicKey);
  }
  return { privateKeyPem: readFileSync(privatePath, 'utf8'), publicKeyPem: readFileSync(publicPath, 'utf8') };
}

/**
 * A random internal secret for development, kept beside the keys.
 * @param dir - folder for the secret file
 */
export function loadOrCreateDevSecret(dir: string): string {
  const file = path.join(dir, 'internal-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
