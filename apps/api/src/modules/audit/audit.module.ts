import { Global, Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/**
 * The responsibility ledger. Global so every feature can record: inject `AuditService` and call
 * `record({ action, actor, caseId, details, inputHashes, outputHash, modelSha256, template })`.
 */
@Global()
@Module({
  imports: [CasesModule],
  providers: [AuditService, AuditLogService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
