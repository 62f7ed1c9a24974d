/** Where the ledger's key and checkpoints live (AMICUS_AUDIT_*). */
export interface AuditConfig {
  /** The key itself (AMICUS_AUDIT_KEY); takes precedence over the key file. */
  key?: string;
  /** Key file (AMICUS_AUDIT_KEY_FILE); default `<data dir>/audit.key`, created on first start. */
  keyFile: string;
  /** Append-only file of signed checkpoints of the chain head (AMICUS_AUDIT_CHECKPOINT_FILE). */
  checkpointFile: string;
  /** How often the chain head is checkpointed when it moved (AMICUS_AUDIT_CHECKPOINT_INTERVAL). */
  checkpointIntervalMs: number;
}
