import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { isUniqueViolation } from '../../database/errors.js';
import { Connection, paginate, PageArgs } from '../../common/pagination/connection.js';
import { inTransaction } from '../../database/transaction.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { UserEntity, UserRole } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { CaseAccessService, CaseAction } from './case-access.service.js';
import { CaseNoteEntity } from './case-note.entity.js';
import { CaseEntity, CaseStatus } from './case.entity.js';
import { CaseErrorReason, CaseException } from './cases.exception.js';
import { CasesRepository } from './cases.repository.js';
import { AddCaseNoteInput, AddPartyInput, CasesArgs, CaseSortField, CreateCaseInput, PartyInput, SortDirection, UpdateCaseInput, UpdatePartyInput } from './dto/case.inputs.js';
import { PartyEntity } from './party.entity.js';

const docketTaken = () => new CaseException(CaseErrorReason.DOCKET_NUMBER_TAKEN, 'Docket number already in use in this court');
const partyNotFound = () => new CaseException(CaseErrorReason.PARTY_NOT_FOUND, 'Party not found');
const noteNotFound = () => new CaseException(CaseErrorReason.NOTE_NOT_FOUND, 'Note not found');

const ASSIGNABLE_ROLES = new Set([UserRole.JUDGE, UserRole.CLERK, UserRole.SERVICE]);

@Injectable()
export class CasesService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly access: CaseAccessService,
    private readonly users: UsersService,
    @Optional() private readonly audit?: AuditService,
  ) {}

  /** Cases the caller may see, filtered, sorted and paginated; totalCount counts only those. */
  list(principal: Principal, args: CasesArgs): Promise<Connection<CaseEntity>> {
    const qb = this.repo.applyFilter(this.access.visibleCases(principal), args.filter, principal.userId);
    const field = args.sort?.field ?? CaseSortField.FILED_DATE;
    const direction = args.sort ? (args.sort.direction ?? SortDirection.ASC) : SortDirection.DESC;
    return paginate(qb, args, {
      alias: 'c',
      sortColumn: `c.${field}`,
      sortValue: (c) => c[field],
      direction,
      idColumn: 'c.id',
      id: (c) => c.id,
    });
  }

  /** The case, or null when it does not exist or the caller may not see it. */
  find(principal: Principal, id: string): Promise<CaseEntity | null> {
    return this.access.findVisibleCase(principal, id);
  }

  async create(principal: Principal, input: CreateCaseInput): Promise<CaseEntity> {
    const court = input.court.trim();
    if (!this.access.canCreateIn(principal, court)) {
      throw new CaseException(CaseErrorReason.COURT_NOT_ALLOWED, 'Not allowed to create cases in this court');
    }
    if (input.sealed && principal.role !== UserRole.ADMIN) {
      throw new CaseException(CaseErrorReason.NOT_ALLOWED, 'Only admins may create sealed cases');
    }
    const c = this.repo.cases.create({
      id: randomUUID(),
      docketNumber: input.docketNumber.trim(),
      title: input.title.trim(),
      court,
      caseType: input.caseType.trim(),
      status: CaseStatus.OPEN,
      filedDate: input.filedDate,
      sealed: input.sealed ?? false,
      closedAt: null,
    });
    try {
      return await inTransaction(this.repo.cases.manager.connection, async (m) => {
        await this.assertDocketFree(m, court, c.docketNumber);
        const saved = await m.save(CaseEntity, c);
        for (const p of input.parties ?? []) await m.save(PartyEntity, this.newParty(saved.id, p));
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw docketTaken();
      throw error;
    }
  }

  async update(principal: Principal, input: UpdateCaseInput): Promise<CaseEntity> {
    const c = await this.access.requireCase(principal, input.id, CaseAction.EDIT);
    if (input.sealed !== undefined && input.sealed !== null && input.sealed !== c.sealed) {
      await this.access.requireCase(principal, input.id, CaseAction.SEAL);
      c.sealed = input.sealed;
    }
    if (input.status === CaseStatus.CLOSED) {
      throw new CaseException(CaseErrorReason.NOT_ALLOWED, 'Use closeCase to close a case');
    }
    if (input.status && c.status === CaseStatus.CLOSED) {
      throw new CaseException(CaseErrorReason.ALREADY_CLOSED, 'The case is closed; reopen it first');
    }
    if (input.status) c.status = input.status;
    if (input.title) c.title = input.title.trim();
    if (input.caseType) c.caseType = input.caseType.trim();
    if (input.filedDate) c.filedDate = input.filedDate;
    const docketNumber = input.docketNumber?.trim();
    try {
      return await inTransaction(this.repo.cases.manager.connection, async (m) => {
        if (docketNumber && docketNumber !== c.docketNumber) {
          await this.assertDocketFree(m, c.court, docketNumber);
          c.docketNumber = docketNumber;
        }
        return m.save(CaseEntity, c);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw docketTaken();
      throw error;
    }
  }

  async close(principal: Principal, id: string): Promise<CaseEntity> {
    const c = await this.access.requireCase(principal, id, CaseAction.EDIT);
    if (c.status === CaseStatus.CLOSED) throw new CaseException(CaseErrorReason.ALREADY_CLOSED, 'The case is already closed');
    c.status = CaseStatus.CLOSED;
    c.closedAt = new Date();
    return this.repo.cases.save(c);
  }

  async reopen(principal: Principal, id: string): Promise<CaseEntity> {
    const c = await this.access.requireCase(principal, id, CaseAction.EDIT);
    if (c.status !== CaseStatus.CLOSED) throw new CaseException(CaseErrorReason.NOT_CLOSED, 'The case is not closed');
    c.status = CaseStatus.OPEN;
    c.closedAt = null;
    return this.repo.cases.save(c);
  }

  async addParty(principal: Principal, input: AddPartyInput): Promise<PartyEntity> {
    const c = await this.access.requireCase(principal, input.caseId, CaseAction.EDIT);
    return this.repo.parties.save(this.newParty(c.id, input));
  }

  async updateParty(principal: Principal, input: UpdatePartyInput): Promise<PartyEntity> {
    const party = await this.requireParty(principal, input.id);
    if (input.name) party.name = input.name.trim();
    if (input.role) party.role = input.role;
    if (input.counsel !== undefined) party.counsel = input.counsel === null ? null : input.counsel.trim();
    return this.repo.parties.save(party);
  }

  /** Removes a party; returns the id of its case. */
  async removeParty(principal: Principal, partyId: string): Promise<string> {
    const party = await this.requireParty(principal, partyId);
    await this.repo.parties.delete({ id: party.id });
    return party.caseId;
  }

  async assign(principal: Principal, caseId: string, userId: string): Promise<CaseEntity> {
    const c = await this.access.requireCase(principal, caseId, CaseAction.ASSIGN);
    const user = await this.eligibleAssignee(principal, c, userId);
    const existing = await this.repo.assignments.countBy({ caseId: c.id, userId: user.id });
    if (existing === 0) {
      try {
        await this.repo.assignments.insert({ caseId: c.id, userId: user.id });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      await this.audit?.record({
        action: AuditAction.PermissionChange,
        actor: { id: principal.userId, role: principal.role },
        caseId: c.id,
        details: { change: 'assign', userId: user.id, userRole: user.role },
      });
    }
    return c;
  }

  async unassign(principal: Principal, caseId: string, userId: string): Promise<CaseEntity> {
    const c = await this.access.requireCase(principal, caseId, CaseAction.ASSIGN);
    const removed = await this.repo.assignments.delete({ caseId: c.id, userId });
    if (removed.affected) {
      await this.audit?.record({
        action: AuditAction.PermissionChange,
        actor: { id: principal.userId, role: principal.role },
        caseId: c.id,
        details: { change: 'unassign', userId },
      });
    }
    return c;
  }

  async addNote(principal: Principal, input: AddCaseNoteInput): Promise<CaseNoteEntity> {
    const c = await this.access.requireCase(principal, input.caseId, CaseAction.ADD_NOTE);
    const note = this.repo.notes.create({ id: randomUUID(), caseId: c.id, authorId: principal.userId, body: input.body, createdAt: new Date() });
    return this.repo.notes.save(note);
  }

  async deleteNote(principal: Principal, noteId: string): Promise<void> {
    const note = await this.repo.notes.findOneBy({ id: noteId });
    if (!note || !(await this.access.findVisibleCase(principal, note.caseId))) throw noteNotFound();
    if (principal.role !== UserRole.ADMIN && note.authorId !== principal.userId) {
      throw new CaseException(CaseErrorReason.NOT_ALLOWED, 'Only the author or an admin may delete a note');
    }
    await this.repo.notes.delete({ id: note.id });
  }

  async notes(principal: Principal, caseId: string, page: PageArgs): Promise<Connection<CaseNoteEntity>> {
    const c = await this.access.requireCase(principal, caseId);
    return paginate(this.repo.notesQuery(c.id), page, {
      alias: 'n',
      sortColumn: 'n.createdAt',
      sortValue: (n) => n.createdAt,
      direction: 'DESC',
      idColumn: 'n.id',
      id: (n) => n.id,
    });
  }

  /** A case by id WITHOUT an access check: for jobs, whose request was checked when it was queued. */
  findById(id: string): Promise<CaseEntity | null> {
    return this.repo.cases.findOneBy({ id });
  }

  partiesOfCases(caseIds: readonly string[]): Promise<PartyEntity[]> {
    return this.repo.partiesOfCases(caseIds);
  }

  assigneesOfCases(caseIds: readonly string[]): Promise<Array<{ caseId: string; user: UserEntity }>> {
    return this.repo.assigneesOfCases(caseIds);
  }

  private async requireParty(principal: Principal, partyId: string): Promise<PartyEntity> {
    const party = await this.repo.parties.findOneBy({ id: partyId });
    if (!party) throw partyNotFound();
    const c = await this.access.findVisibleCase(principal, party.caseId);
    if (!c) throw partyNotFound();
    await this.access.requireCase(principal, c.id, CaseAction.EDIT);
    return party;
  }

  private async eligibleAssignee(principal: Principal, c: CaseEntity, userId: string): Promise<UserEntity> {
    const user = await this.users.findById(userId);
    if (!user) throw new CaseException(CaseErrorReason.USER_NOT_FOUND, 'User not found');
    if (!user.active || !ASSIGNABLE_ROLES.has(user.role)) {
      throw new CaseException(CaseErrorReason.ASSIGNEE_NOT_ELIGIBLE, 'Only active judges, clerks and service accounts can be assigned');
    }
    if (principal.role !== UserRole.ADMIN && user.court !== c.court) {
      throw new CaseException(CaseErrorReason.ASSIGNEE_NOT_ELIGIBLE, 'Clerks assign users of the case’s court only');
    }
    return user;
  }

  private newParty(caseId: string, p: PartyInput): PartyEntity {
    return this.repo.parties.create({
      id: randomUUID(),
      caseId,
      name: p.name.trim(),
      role: p.role,
      counsel: p.counsel?.trim() || null,
      createdAt: new Date(),
    });
  }

  private async assertDocketFree(m: EntityManager, court: string, docketNumber: string): Promise<void> {
    if (await m.existsBy(CaseEntity, { court, docketNumber })) throw docketTaken();
  }
}
