import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

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
}

/** sha256 over the canonical JSON of the entry's fields and the previous entry's hash. */
export function entryHash(fields: ChainedFields): string {
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
  });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

export type ChainBreakReason = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'MISSING_ENTRY';

export type ChainVerification =
  | { ok: true; entries: number; lastSeq: number; lastHash: string }
  | {
      ok: false;
      entries: number;
      /** The first entry whose link is broken. */
      seq: number;
      reason: ChainBreakReason;
      message: string;
    };
