import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';

/** How often counted denials are written to the ledger. */
export const DENIALS_FLUSH_MS = 60_000;
/** Case ids kept per caller and window as examples. */
const SAMPLE_IDS = 20;

/**
 * Counts look-ups of sealed cases by callers who may not see them (they are answered exactly as a
 * missing id) and writes one `sealed_lookup_denied` ledger entry per caller and minute with the
 * count and example ids, so probing for sealed cases leaves a trace without one ledger write per
 * probe. The entries carry no case id: only admins read them.
 */
@Injectable()
export class SealedLookupDenials implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SealedLookupDenials');
  private pending = new Map<string, { role: string; count: number; caseIds: Set<string> }>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly audit: AuditService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush().catch((e: unknown) => this.logger.error(`Writing denied look-ups failed: ${String(e)}`)), DENIALS_FLUSH_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  note(principal: Principal, caseId: string): void {
    const entry = this.pending.get(principal.userId) ?? { role: principal.role, count: 0, caseIds: new Set<string>() };
    entry.count++;
    if (entry.caseIds.size < SAMPLE_IDS) entry.caseIds.add(caseId);
    this.pending.set(principal.userId, entry);
  }

  /** Writes the counts gathered so far, one entry per caller. */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    for (const [userId, { role, count, caseIds }] of batch) {
      await this.audit.record({ action: AuditAction.SealedLookupDenied, actor: { id: userId, role }, details: { count, caseIds: [...caseIds] } });
    }
  }
}
