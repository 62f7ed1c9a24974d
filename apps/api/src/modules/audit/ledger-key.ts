import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditConfig } from './audit.config.js';

/**
 * The secret that keys the ledger's hash chain and signs its checkpoints. Kept outside the
 * database (AMICUS_AUDIT_KEY, or a key file), so that someone who can write to the database can
 * neither recompute the chain after rewriting an entry nor forge a checkpoint.
 */
export class LedgerKey {
  /** A short public fingerprint of the key, stored with every entry it keyed. */
  readonly id: string;

  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error('The ledger key must be at least 32 bytes');
    this.id = createHash('sha256').update(secret).digest('hex').slice(0, 16);
  }

  /** HMAC-SHA256 (hex) of `text`. */
  mac(text: string): string {
    return createHmac('sha256', this.secret).update(text, 'utf8').digest('hex');
  }

  /** `text` encrypted (AES-256-GCM with a key derived from the ledger key), base64url. */
  seal(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.derived('cursor'), iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The text of `seal()`, or null when `sealed` was not made with this key or was altered. */
  unseal(sealed: string): string | null {
    try {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.derived('cursor'), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  private derived(purpose: string): Buffer {
    return createHmac('sha256', this.secret).update(`amicus-${purpose}`, 'utf8').digest();
  }
}

/**
 * The ledger key of this configuration: AMICUS_AUDIT_KEY when set, else the key file. The default
 * key file (in the data directory) is created with a random key on first use; a key file named in
 * AMICUS_AUDIT_KEY_FILE must exist (the config loader checks it).
 */
export function loadLedgerKey(config: AuditConfig, create = true): LedgerKey {
  if (config.key !== undefined) return new LedgerKey(Buffer.from(config.key, 'utf8'));
  if (!existsSync(config.keyFile)) {
    if (!create) throw new Error(`The ledger key file ${config.keyFile} does not exist`);
    mkdirSync(dirname(config.keyFile), { recursive: true });
    writeFileSync(config.keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(config.keyFile, 0o600);
  }
  // a trailing newline is not part of the key; everything else is, exactly as written
  return new LedgerKey(Buffer.from(readFileSync(config.keyFile, 'utf8').replace(/\r?\n$/, ''), 'utf8'));
}
