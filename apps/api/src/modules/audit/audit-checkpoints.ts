import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { AuditService } from './audit.service.js';
import { LedgerKey } from './ledger-key.js';

/** A signed record of the chain head at one moment, kept in an append-only file outside the database. */
export interface Checkpoint {
  seq: number;
  hash: string;
  /** ISO time the checkpoint was written. */
  at: string;
  /** Whether the signature verifies with this ledger key. */
  valid: boolean;
  /** 1-based line of the checkpoint file. */
  line: number;
}

const signed = (seq: number, hash: string, at: string) => `amicus-ledger-checkpoint\n${seq}\n${hash}\n${at}`;

/** Appends a signed checkpoint of the head (`seq`, `hash`) to `file`. */
export function appendCheckpoint(file: string, key: LedgerKey, seq: number, hash: string, at = new Date().toISOString()): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify({ seq, hash, at, keyId: key.id, mac: key.mac(signed(seq, hash, at)) })}\n`, { mode: 0o600 });
}

/** The checkpoints in `file` (none when it does not exist), each with whether its signature verifies. */
export function readCheckpoints(file: string, key: LedgerKey): Checkpoint[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, i) => {
      if (text.trim() === '') return [];
      try {
        const c = JSON.parse(text) as { seq: unknown; hash: unknown; at: unknown; mac: unknown };
        const ok = Number.isInteger(c.seq) && typeof c.hash === 'string' && typeof c.at === 'string' && typeof c.mac === 'string';
        const valid = ok && key.mac(signed(c.seq as number, c.hash as string, c.at as string)) === c.mac;
        return [{ seq: ok ? (c.seq as number) : 0, hash: ok ? (c.hash as string) : '', at: ok ? (c.at as string) : '', valid, line: i + 1 }];
      } catch {
        return [{ seq: 0, hash: '', at: '', valid: false, line: i + 1 }];
      }
    });
}

/**
 * Writes a checkpoint of the chain head whenever it has moved, every AMICUS_AUDIT_CHECKPOINT_INTERVAL
 * and at shutdown. `audit verify` compares the ledger with these: a removed tail or a recomputed
 * chain no longer matches the last checkpoint.
 */
@Injectable()
export class AuditCheckpointer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpoints');
  private timer?: NodeJS.Timeout;
  private lastSeq = 0;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly audit: AuditService,
    private readonly key: LedgerKey,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.checkpoint().catch((e: unknown) => this.logger.error(`Checkpoint failed: ${String(e)}`)), this.config.audit.checkpointIntervalMs);
    this.timer.unref();
  }

  // before the database closes
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checkpoint().catch((e: unknown) => this.logger.error(`Checkpoint failed: ${String(e)}`));
  }

  /** Appends a checkpoint when the head moved since the last one this process wrote. */
  checkpoint(): Promise<void> {
    this.running = this.running.then(async () => {
      const head = await this.audit.head();
      if (!head || head.seq <= this.lastSeq) return;
      appendCheckpoint(this.config.audit.checkpointFile, this.key, head.seq, head.hash);
      this.lastSeq = head.seq;
    });
    return this.running;
  }
}
