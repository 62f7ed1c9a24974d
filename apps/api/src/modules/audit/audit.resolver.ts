import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { mapConnection } from '../../common/pagination/connection.js';
import { UserRole } from '../users/user.entity.js';
import { AuditLogService } from './audit-log.service.js';
import {
  AuditChainVerificationType,
  AuditEntryConnection,
  AuditEntryType,
  AuditExportType,
  AuditLogArgs,
  ExportAuditLogArgs,
  toAuditEntryType,
} from './dto/audit.type.js';

@Resolver(() => AuditEntryType)
export class AuditResolver {
  constructor(private readonly service: AuditLogService) {}

  @Query(() => AuditEntryConnection, {
    description:
      'Ledger entries, newest first. Admins see every entry; other users see only entries of cases they may see (sealed cases only when assigned).',
  })
  async auditLog(@CurrentPrincipal() principal: Principal, @Args() args: AuditLogArgs): Promise<AuditEntryConnection> {
    return mapConnection(await this.service.list(principal, args), toAuditEntryType);
  }

  @Mutation(() => AuditExportType, { description: 'Exports ledger entries as JSON or CSV (admins). The export itself is recorded.' })
  @Roles(UserRole.ADMIN)
  async exportAuditLog(@CurrentPrincipal() principal: Principal, @Args() args: ExportAuditLogArgs): Promise<AuditExportType> {
    return this.service.export(principal, args);
  }

  @Query(() => AuditChainVerificationType, { description: 'Checks the whole ledger chain and names the first broken entry (admins).' })
  @Roles(UserRole.ADMIN)
  async verifyAuditChain(): Promise<AuditChainVerificationType> {
    return this.service.verify();
  }
}
