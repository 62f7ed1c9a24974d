import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { AuditCheckpointer } from './audit-checkpoints.js';
import { LedgerKey, loadLedgerKey } from './ledger-key.js';
import { AuditService } from './audit.service.js';

/**
 * The ledger's writing side. Global so every feature can record: inject `AuditService` and call
 * `record({ action, actor, caseId, details, inputHashes, outputHash, modelSha256, template })`. It
 * imports no feature module, so recording never makes a dependency loop; reading the ledger through
 * the API (which needs the case-access policy) is `AuditLogModule`.
 */
@Global()
@Module({
  providers: [{ provide: LedgerKey, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadLedgerKey(config.audit) }, AuditService, AuditCheckpointer],
  exports: [AuditService, LedgerKey],
})
export class AuditModule {}
