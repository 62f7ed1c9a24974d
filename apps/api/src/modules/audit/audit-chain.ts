import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { LedgerKey } from './ledger-key.js';

/** prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers (everything but the hash itself). */
export interface ChainedFields {
  seq: number;
  at: number;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  caseId: string | null;
  /** Stored canonical JSON text. */
  details: string;
  /** Stored canonical JSON array text. */
  inputHashes: string;
  outputHash: string | null;
  modelSha256: string | null;
  template: string | null;
  prevHash: string;
  /** Fingerprint of the ledger key that keyed the entry; null for entries recorded before keying. */
  keyId: string | null;
}

/**
 * The hash of an entry: HMAC-SHA256 with the ledger key over the canonical JSON of its fields (key
 * fingerprint included) and the previous entry's hash. Entries recorded before the chain was keyed
 * (keyId null) carry a plain sha256 of the same JSON without the fingerprint.
 */
export function entryHash(fields: ChainedFields, key: LedgerKey): string {
  const body = canonicalJson({
    seq: fields.seq,
    at: new Date(fields.at).toISOString(),
    actorId: fields.actorId,
    actorRole: fields.actorRole,
    action: fields.action,
    caseId: fields.caseId,
    details: fields.details,
    inputHashes: fields.inputHashes,
    outputHash: fields.outputHash,
    modelSha256: fields.modelSha256,
    template: fields.template,
    prevHash: fields.prevHash,
    ...(fields.keyId === null ? {} : { keyId: fields.keyId }),
  });
  return fields.keyId === null ? createHash('sha256').update(body, 'utf8').digest('hex') : key.mac(body);
}

export type ChainBreakReason =
  | 'HASH_MISMATCH'
  | 'PREV_HASH_MISMATCH'
  | 'MISSING_ENTRY'
  /** An entry keyed with another ledger key, or an unkeyed entry after keying began. */
  | 'KEY_MISMATCH'
  /** A checkpoint names an entry the ledger no longer has: its tail was removed. */
  | 'TAIL_REMOVED'
  /** The entry at a checkpoint differs from the checkpoint: the chain was rewritten and recomputed. */
  | 'CHECKPOINT_MISMATCH'
  /** A checkpoint whose signature does not verify. */
  | 'CHECKPOINT_FORGED';

export type ChainVerification =
  | {
      ok: true;
      entries: number;
      lastSeq: number;
      lastHash: string;
      /** Checkpoints the chain was checked against (0: a removed tail could not be detected). */
      checkpoints: number;
    }
  | {
      ok: false;
      entries: number;
      /** The first entry whose link is broken. */
      seq: number;
      reason: ChainBreakReason;
      message: string;
    };
