import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditResolver } from './audit.resolver.js';

/** The ledger's reading side: `auditLog`, `exportAuditLog` and `verifyAuditChain`, filtered by the case-access policy. */
@Module({
  imports: [CasesModule],
  providers: [AuditLogService, AuditResolver],
})
export class AuditLogModule {}
