import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, ObjectLiteral, Repository, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { ApiKeyAccess } from '../auth/api-key.entity.js';
import { UserRole } from '../users/user.entity.js';
import { CaseAssignmentEntity } from './case-assignment.entity.js';
import { CaseEntity } from './case.entity.js';
import { SealedLookupDenials } from './sealed-lookup-denials.js';
import { CaseErrorReason, CaseException, caseNotFound } from './cases.exception.js';

/** What a caller may do with a case they can see. */
export enum CaseAction {
  VIEW = 'view',
  /** Change fields, status, parties. */
  EDIT = 'edit',
  /** Seal or unseal. */
  SEAL = 'seal',
  /** Assign or unassign users. */
  ASSIGN = 'assign',
  ADD_NOTE = 'add_note',
}

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

  /** Whether `principal` may do `action` with `c`, a case they can see. */
  allows(principal: Principal, action: CaseAction, assigned: boolean): boolean {
    if (principal.role === UserRole.ADMIN) return true;
    const writeKey = principal.role === UserRole.SERVICE && principal.apiKey?.access === ApiKeyAccess.READ_WRITE;
    switch (action) {
      case CaseAction.VIEW:
        return true;
      case CaseAction.EDIT:
        return principal.role === UserRole.CLERK || (principal.role === UserRole.JUDGE && assigned) || writeKey;
      case CaseAction.SEAL:
        return principal.role === UserRole.JUDGE && assigned;
      case CaseAction.ASSIGN:
        return principal.role === UserRole.CLERK;
      case CaseAction.ADD_NOTE:
        return principal.role === UserRole.CLERK || principal.role === UserRole.JUDGE || writeKey;
    }
  }

  /**
   * The case, when `principal` may see it and do `action` with it. Throws NOT_FOUND for a missing
   * or invisible case (same answer) and FORBIDDEN for a visible case the action is not allowed on.
   */
  async requireCase(principal: Principal, caseId: string, action: CaseAction = CaseAction.VIEW): Promise<CaseEntity> {
    const c = await this.findVisibleCase(principal, caseId);
    if (!c) throw caseNotFound();
    if (action !== CaseAction.VIEW && !this.allows(principal, action, await this.isAssigned(principal, caseId))) {
      throw new CaseException(CaseErrorReason.NOT_ALLOWED, 'Not allowed to change this case');
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
