import { createHash, randomBytes } from 'node:crypto';

export const SESSION_TOKEN_PREFIX = 'ams_';
export const API_KEY_PREFIX = 'amk_';

/** A new random bearer secret with the given prefix (256 bits of entropy). */
export function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** SHA-256 (hex) of a bearer secret: what the database stores and looks up. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
