/**
 * Stand-in values for the Secrets the manifests reference, shaped as the real ones (README,
 * Deploy → Secrets): the check feeds them to each runnable's env.ts with the rendered environment.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { POSTGRES_RW_SERVICE } from '../topology.ts';
import type { SecretSource } from './container-env.ts';

/** Placeholders by Secret key; a key not here fails the check (document the new Secret first). */
export function placeholderSecrets(): SecretSource {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const random = () => randomBytes(36).toString('base64url');
  const byKey: Record<string, string> = {
    uri: `postgresql://placeholder:${random()}@${POSTGRES_RW_SERVICE}:5432/hospital`,
    secret: random(),
    'private-key': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    'public-key': publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    url: 'smtps://mailer:placeholder@smtp.example.org:465',
  };
  return (_name, key) => byKey[key];
}
