import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { readCheckpoints } from './audit-checkpoints.js';
import { LedgerKey } from './ledger-key.js';
import { DataSource } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { BadUserInputException } from '../../common/errors/app.exception.js';
import { Connection, paginate } from '../../common/pagination/connection.js';
import { CaseAccessService } from '../cases/case-access.service.js';
import { CaseEntity } from '../cases/case.entity.js';
import { UserRole } from '../users/user.entity.js';
import { AuditAction } from './audit-action.js';
import { AuditEntryEntity } from './audit.entity.js';
import { AuditRecord, AuditService, toRecord } from './audit.service.js';
import { AuditQuery } from './audit.repository.js';
import { AuditChainVerificationType, AuditExportFormatEnum, AuditExportType, AuditLogArgs, AuditLogFilterInput, ExportAuditLogArgs } from './dto/audit.type.js';

/**
 * Reading the ledger through the API. Admins see every entry. Other users see the entries of the
 * cases they may see under the case-access policy (so an unassigned user never sees a sealed case's
 * entries) and never entries without a case (sign-ins, user administration).
 */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly audit: AuditService,
    private readonly access: CaseAccessService,
    private readonly dataSource: DataSource,
    private readonly key: LedgerKey,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(principal: Principal, args: AuditLogArgs): Promise<Connection<AuditRecord>> {
    const query = toQuery(args.filter);
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('e');
    if (query.caseId) qb.andWhere('e.caseId = :caseId', { caseId: query.caseId });
    if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from !== undefined) qb.andWhere('e.at >= :from', { from: query.from });
    if (query.to !== undefined) qb.andWhere('e.at < :to', { to: query.to });
    const admin = principal.role === UserRole.ADMIN;
    if (!admin) {
      qb.innerJoin(CaseEntity, 'c', 'c.id = e.caseId').andWhere(this.access.visibilityCondition(principal, 'c'));
    }
    // Non-admins see only some entries: the global sequence numbers, the links between entries and
    // plain cursors would show how much hidden activity lies between them, so they get none of
    // those (their cursors are sealed with the ledger key).
    let after = args.after;
    if (!admin && after) {
      after = this.key.unseal(after) ?? undefined;
      if (after === undefined) throw new BadUserInputException('Invalid cursor', { argument: 'after' });
    }
    const page = await paginate(qb, { ...args, after }, {
      alias: 'e',
      sortColumn: 'e.seq',
      sortValue: (e) => e.seq,
      direction: 'DESC',
      idColumn: 'e.seq',
      id: (e) => String(e.seq),
    });
    const hide = (r: AuditRecord): AuditRecord => (admin ? r : { ...r, seq: null, prevHash: null });
    return {
      ...page,
      pageInfo: { ...page.pageInfo, endCursor: admin || !page.pageInfo.endCursor ? page.pageInfo.endCursor : this.key.seal(page.pageInfo.endCursor) },
      edges: page.edges.map((edge) => ({ cursor: admin ? edge.cursor : this.key.seal(edge.cursor), node: hide(toRecord(edge.node)) })),
    };
  }

  async export(principal: Principal, args: ExportAuditLogArgs): Promise<AuditExportType> {
    const query = toQuery(args.filter);
    const format = args.format === AuditExportFormatEnum.CSV ? 'csv' : 'json';
    const content = await this.audit.export(query, format);
    const entries = format === 'json' ? (JSON.parse(content) as unknown[]).length : Math.max(0, content.split('\r\n').length - 2);
    await this.audit.record({
      action: AuditAction.AuditExported,
      actor: { id: principal.userId, role: principal.role },
      details: { format, entries, filter: { ...query } },
    });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return {
      format: args.format,
      contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
      filename: `amicus-audit-${stamp}.${format}`,
      entries,
      content,
    };
  }

  async verify(): Promise<AuditChainVerificationType> {
    const v = await this.audit.verifyChain(readCheckpoints(this.config.audit.checkpointFile, this.key));
    return v.ok
      ? { ok: true, entries: v.entries, brokenSeq: null, reason: null, message: null }
      : { ok: false, entries: v.entries, brokenSeq: v.seq, reason: v.reason, message: v.message };
  }
}

function toQuery(filter: AuditLogFilterInput | undefined): AuditQuery {
  const q: AuditQuery = {};
  if (!filter) return q;
  if (filter.caseId) q.caseId = filter.caseId;
  if (filter.actorId) q.actorId = filter.actorId;
  if (filter.action) q.action = filter.action;
  if (filter.from) q.from = filter.from.getTime();
  if (filter.to) q.to = filter.to.getTime();
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    throw new BadUserInputException('`from` must not be after `to`', { argument: 'filter' });
  }
  return q;
}
