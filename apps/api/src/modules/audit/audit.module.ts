import { Global, Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { AuditCheckpointer } from './audit-checkpoints.js';
import { AuditLogService } from './audit-log.service.js';
import { LedgerKey, loadLedgerKey } from './ledger-key.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/**
 * The responsibility ledger. Global so every feature can record: inject `AuditService` and call
 * `record({ action, actor, caseId, details, inputHashes, outputHash, modelSha256, template })`.
 */
@Global()
@Module({
  imports: [CasesModule],
  providers: [
    { provide: LedgerKey, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadLedgerKey(config.audit) },
    AuditService,
    AuditCheckpointer,
    AuditLogService,
    AuditResolver,
  ],
  exports: [AuditService, LedgerKey],
})
export class AuditModule {}
