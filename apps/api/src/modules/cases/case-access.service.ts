import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, ObjectLiteral, Repository, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { ApiKeyAccess } from '../auth/api-key.entity.js';
import { UserRole } from '../users/user.entity.js';
import { CaseAssignmentEntity } from './case-assignment.entity.js';
import { CaseEntity } from './case.entity.js';
import { SealedLookupDenials } from './sealed-lookup-denials.js';
import { CaseErrorReason, CaseException, caseNotFound } from './cases.exception.js';

/** Every action on a case and what belongs to it; the policy below decides each one. */
export enum CaseAction {
  VIEW = 'view',
  /** Change fields, status, parties. */
  EDIT = 'edit',
  /** Seal or unseal. */
  SEAL = 'seal',
  /** Assign or unassign users. */
  ASSIGN = 'assign',
  ADD_NOTE = 'add_note',
  /** Upload documents to the case. */
  UPLOAD = 'upload',
  /** Start summaries of the case or its documents. */
  SUMMARIZE = 'summarize',
  /** Start drafts from templates. */
  DRAFT = 'draft',
  /** Edit drafts (new versions). */
  EDIT_DRAFT = 'edit_draft',
  /** Approve a draft (sign it off). */
  APPROVE = 'approve',
  /** Export approved drafts (DOCX, PDF). */
  EXPORT = 'export',
  /** Cancel or retry the case's jobs (their creator and admins may too). */
  MANAGE_JOBS = 'manage_jobs',
  /** Read the case's ledger entries. */
  READ_LEDGER = 'read_ledger',
}

/** Every action, in a stable order (for `viewerCan` and the authorization matrix). */
export const CASE_ACTIONS = Object.values(CaseAction);

/**
 * The case-access policy: the one place that decides who sees and does what with a case.
 * Deny by default:
 * - admins see every case;
 * - judges and clerks see unsealed cases of their own court and every case assigned to them;
 * - service accounts see unsealed cases of their API key's courts and cases assigned to them;
 * - a sealed case is visible only to admins and assigned users, everywhere (lists, counts,
 *   search, lookups by id and error messages).
 * Every query of cases (or of anything belonging to a case) goes through `applyVisibility`,
 * every lookup through `requireCase`/`findVisibleCase`.
 */
@Injectable()
export class CaseAccessService {
  constructor(
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    @InjectRepository(CaseAssignmentEntity) private readonly assignments: Repository<CaseAssignmentEntity>,
    private readonly denials: SealedLookupDenials,
  ) {}

  /**
   * A WHERE condition limiting the cases aliased `caseAlias` to those `principal` may see.
   * Use in any query that joins `cases`: `qb.andWhere(access.visibilityCondition(p, 'c'))`.
   */
  visibilityCondition(principal: Principal, caseAlias: string): Brackets {
    const col = (name: string) => `"${caseAlias}"."${name}"`;
    const assigned = `EXISTS (SELECT 1 FROM case_assignments access_ca WHERE access_ca.case_id = ${col('id')} AND access_ca.user_id = :accessUserId)`;
    return new Brackets((w: WhereExpressionBuilder) => {
      switch (principal.role) {
        case UserRole.ADMIN:
          w.where('1 = 1');
          return;
        case UserRole.JUDGE:
        case UserRole.CLERK:
          if (principal.court) {
            w.where(`(${col('sealed')} = :accessFalse AND ${col('court')} = :accessCourt)`, { accessFalse: false, accessCourt: principal.court });
            w.orWhere(assigned, { accessUserId: principal.userId });
          } else {
            w.where(assigned, { accessUserId: principal.userId });
          }
          return;
        case UserRole.SERVICE: {
          const courts = principal.apiKey?.courts ?? [];
          if (courts.length > 0) {
            w.where(`(${col('sealed')} = :accessFalse AND ${col('court')} IN (:...accessCourts))`, { accessFalse: false, accessCourts: courts });
            w.orWhere(assigned, { accessUserId: principal.userId });
          } else {
            w.where(assigned, { accessUserId: principal.userId });
          }
          return;
        }
        default:
          w.where('1 = 0');
      }
    });
  }

  /** Restricts a query builder whose cases are aliased `caseAlias` to visible cases. */
  applyVisibility<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, principal: Principal, caseAlias: string): SelectQueryBuilder<T> {
    return qb.andWhere(this.visibilityCondition(principal, caseAlias));
  }

  /** The cases `principal` may see, aliased `c`. */
  visibleCases(principal: Principal): SelectQueryBuilder<CaseEntity> {
    return this.applyVisibility(this.cases.createQueryBuilder('c'), principal, 'c');
  }

  /**
   * The case if it exists and `principal` may see it; otherwise null (the two are not distinguished).
   * A look-up of a sealed case the caller may not see is counted for the ledger.
   */
  async findVisibleCase(principal: Principal, caseId: string): Promise<CaseEntity | null> {
    const c = await this.visibleCases(principal).andWhere('c.id = :caseId', { caseId }).getOne();
    if (!c && principal.role !== UserRole.ADMIN && (await this.cases.existsBy({ id: caseId, sealed: true }))) this.denials.note(principal, caseId);
    return c;
  }

  async isAssigned(principal: Principal, caseId: string): Promise<boolean> {
    return (await this.assignments.countBy({ caseId, userId: principal.userId })) > 0;
  }

  /**
   * Whether `principal` may do `action` with a case they can see (`assigned`: whether they are
   * assigned to it). The one table of the API's authorization; services ask it, `viewerCan` shows it.
   */
  allows(principal: Principal, action: CaseAction, assigned: boolean): boolean {
    const role = principal.role;
    const judge = role === UserRole.JUDGE;
    const clerk = role === UserRole.CLERK;
    const writeKey = role === UserRole.SERVICE && principal.apiKey?.access === ApiKeyAccess.READ_WRITE;
    switch (action) {
      case CaseAction.VIEW:
      case CaseAction.EXPORT:
      case CaseAction.READ_LEDGER:
        return true;
      case CaseAction.EDIT:
      case CaseAction.UPLOAD:
      case CaseAction.MANAGE_JOBS:
        return role === UserRole.ADMIN || clerk || (judge && assigned) || writeKey;
      case CaseAction.SEAL:
        return role === UserRole.ADMIN || (judge && assigned);
      case CaseAction.ASSIGN:
        return role === UserRole.ADMIN || clerk;
      case CaseAction.ADD_NOTE:
        return role === UserRole.ADMIN || clerk || judge || writeKey;
      case CaseAction.SUMMARIZE:
        return role !== UserRole.SERVICE || writeKey;
      case CaseAction.DRAFT:
      case CaseAction.EDIT_DRAFT:
        return role === UserRole.ADMIN || clerk || judge;
      case CaseAction.APPROVE:
        // a judgment is signed by a judge of the case, never by an administrator or a machine
        return judge && assigned;
    }
  }

  /** Every action with whether `principal` may do it on a case they can see. */
  permissions(principal: Principal, assigned: boolean): Record<CaseAction, boolean> {
    return Object.fromEntries(CASE_ACTIONS.map((a) => [a, this.allows(principal, a, assigned)])) as Record<CaseAction, boolean>;
  }

  /** The cases of `caseIds` that `principal` is assigned to. */
  async assignedAmong(principal: Principal, caseIds: readonly string[]): Promise<Set<string>> {
    if (caseIds.length === 0) return new Set();
    const rows = await this.assignments.find({ where: { userId: principal.userId, caseId: In([...caseIds]) }, select: { caseId: true } });
    return new Set(rows.map((r) => r.caseId));
  }

  /**
   * The case, when `principal` may see it and do `action` with it. Throws NOT_FOUND for a missing
   * or invisible case (same answer) and FORBIDDEN for a visible case the action is not allowed on.
   */
  async requireCase(principal: Principal, caseId: string, action: CaseAction = CaseAction.VIEW): Promise<CaseEntity> {
    const c = await this.findVisibleCase(principal, caseId);
    if (!c) throw caseNotFound();
    if (action !== CaseAction.VIEW && !this.allows(principal, action, await this.isAssigned(principal, caseId))) {
      throw new CaseException(CaseErrorReason.NOT_ALLOWED, `Not allowed to ${action.replace('_', ' ')} on this case`);
    }
    return c;
  }

  /** Whether `principal` may create cases in `court`. */
  canCreateIn(principal: Principal, court: string): boolean {
    switch (principal.role) {
      case UserRole.ADMIN:
        return true;
      case UserRole.CLERK:
        return principal.court === court;
      case UserRole.SERVICE:
        return principal.apiKey?.access === ApiKeyAccess.READ_WRITE && principal.apiKey.courts.includes(court);
      default:
        return false;
    }
  }
}
