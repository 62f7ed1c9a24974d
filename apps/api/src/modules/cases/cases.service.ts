import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { isUniqueViolation } from '../../database/errors.js';
import { Connection, paginate, PageArgs } from '../../common/pagination/connection.js';
import { inTransaction } from '../../database/transaction.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessEvents } from '../auth/access-events.js';
import { docketKey } from './docket-key.js';
import { UserEntity, UserRole } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { CaseAccessService, CaseAction } from './case-access.service.js';
import { CaseAssignmentEntity } from './case-assignment.entity.js';
import { CaseNoteEntity } from './case-note.entity.js';
import { CaseEntity, CaseStatus } from './case.entity.js';
import { CaseErrorReason, CaseException } from './cases.exception.js';
import { CasesRepository } from './cases.repository.js';
import { AddCaseNoteInput, AddPartyInput, CasesArgs, CaseSortField, CreateCaseInput, PartyInput, SortDirection, UpdateCaseInput, UpdatePartyInput } from './dto/case.inputs.js';
import { PartyEntity } from './party.entity.js';

const partyNotFound = () => new CaseException(CaseErrorReason.PARTY_NOT_FOUND, 'Party not found');
const noteNotFound = () => new CaseException(CaseErrorReason.NOTE_NOT_FOUND, 'Note not found');

const ASSIGNABLE_ROLES = new Set([UserRole.JUDGE, UserRole.CLERK, UserRole.SERVICE]);

@Injectable()
export class CasesService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly access: CaseAccessService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly accessEvents: AccessEvents,
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
      docketKey: docketKey(input.docketNumber),
      title: input.title.trim(),
      court,
      caseType: input.caseType.trim(),
      status: CaseStatus.OPEN,
      filedDate: input.filedDate,
      sealed: input.sealed ?? false,
      closedAt: null,
    });
    return this.withDocketCheck(principal, court, c.docketNumber, async (m) => {
      const saved = await m.save(CaseEntity, c);
      const parties = [];
      for (const p of input.parties ?? []) parties.push(await m.save(PartyEntity, this.newParty(saved.id, p)));
      await this.record(m, principal, AuditAction.CaseCreated, saved.id, {
        docketNumber: saved.docketNumber,
        court,
        title: saved.title,
        sealed: saved.sealed,
        parties: parties.map((p) => p.id),
      });
      return saved;
    });
  }

  async update(principal: Principal, input: UpdateCaseInput): Promise<CaseEntity> {
    const c = await this.access.requireCase(principal, input.id, CaseAction.EDIT);
    const before = { docketNumber: c.docketNumber, title: c.title, caseType: c.caseType, filedDate: c.filedDate, status: c.status };
    const wasSealed = c.sealed;
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
    if (docketNumber) {
      c.docketNumber = docketNumber;
      c.docketKey = docketKey(docketNumber);
    }
    const after = { docketNumber: c.docketNumber, title: c.title, caseType: c.caseType, filedDate: c.filedDate, status: c.status };
    const changed = (Object.keys(before) as Array<keyof typeof before>).filter((k) => before[k] !== after[k]);
    const saved = await this.withDocketCheck(
      principal,
      c.court,
      c.docketNumber,
      async (m) => {
        const result = await m.save(CaseEntity, c);
        if (changed.length > 0) {
          await this.record(m, principal, AuditAction.CaseUpdated, c.id, {
            fields: changed,
            before: Object.fromEntries(changed.map((k) => [k, before[k]])),
            after: Object.fromEntries(changed.map((k) => [k, after[k]])),
          });
        }
        if (c.sealed !== wasSealed) await this.record(m, principal, c.sealed ? AuditAction.CaseSealed : AuditAction.CaseUnsealed, c.id, {});
        return result;
      },
      c.id,
    );
    // sealing hides the case from everyone not assigned: their subscriptions re-check now
    if (c.sealed && !wasSealed) this.accessEvents.changed();
    return saved;
  }

  async close(principal: Principal, id: string): Promise<CaseEntity> {
    const c = await this.access.requireCase(principal, id, CaseAction.EDIT);
    if (c.status === CaseStatus.CLOSED) throw new CaseException(CaseErrorReason.ALREADY_CLOSED, 'The case is already closed');
    const previous = c.status;
    c.status = CaseStatus.CLOSED;
    c.closedAt = new Date();
    return this.inLedgeredTransaction(async (m) => {
      const saved = await m.save(CaseEntity, c);
      await this.record(m, principal, AuditAction.CaseClosed, c.id, { previousStatus: previous });
      return saved;
    });
  }

  async reopen(principal: Principal, id: string): Promise<CaseEntity> {
    const c = await this.access.requireCase(principal, id, CaseAction.EDIT);
    if (c.status !== CaseStatus.CLOSED) throw new CaseException(CaseErrorReason.NOT_CLOSED, 'The case is not closed');
    c.status = CaseStatus.OPEN;
    c.closedAt = null;
    return this.inLedgeredTransaction(async (m) => {
      const saved = await m.save(CaseEntity, c);
      await this.record(m, principal, AuditAction.CaseReopened, c.id, {});
      return saved;
    });
  }

  async addParty(principal: Principal, input: AddPartyInput): Promise<PartyEntity> {
    const c = await this.access.requireCase(principal, input.caseId, CaseAction.EDIT);
    return this.inLedgeredTransaction(async (m) => {
      const party = await m.save(PartyEntity, this.newParty(c.id, input));
      await this.record(m, principal, AuditAction.PartyAdded, c.id, { partyId: party.id, name: party.name, role: party.role, counsel: party.counsel });
      return party;
    });
  }

  async updateParty(principal: Principal, input: UpdatePartyInput): Promise<PartyEntity> {
    const party = await this.requireParty(principal, input.id);
    const before = { name: party.name, role: party.role, counsel: party.counsel };
    if (input.name) party.name = input.name.trim();
    if (input.role) party.role = input.role;
    if (input.counsel !== undefined) party.counsel = input.counsel === null ? null : input.counsel.trim();
    return this.inLedgeredTransaction(async (m) => {
      const saved = await m.save(PartyEntity, party);
      await this.record(m, principal, AuditAction.PartyUpdated, party.caseId, { partyId: party.id, before, after: { name: party.name, role: party.role, counsel: party.counsel } });
      return saved;
    });
  }

  /** Removes a party; returns the id of its case. */
  async removeParty(principal: Principal, partyId: string): Promise<string> {
    const party = await this.requireParty(principal, partyId);
    await this.inLedgeredTransaction(async (m) => {
      await m.delete(PartyEntity, { id: party.id });
      await this.record(m, principal, AuditAction.PartyRemoved, party.caseId, { partyId: party.id, name: party.name, role: party.role });
    });
    return party.caseId;
  }

  async assign(principal: Principal, caseId: string, userId: string): Promise<CaseEntity> {
    const c = await this.access.requireCase(principal, caseId, CaseAction.ASSIGN);
    const user = await this.eligibleAssignee(principal, c, userId);
    await this.inLedgeredTransaction(async (m) => {
      if ((await m.countBy(CaseAssignmentEntity, { caseId: c.id, userId: user.id })) > 0) return;
      await m.insert(CaseAssignmentEntity, { caseId: c.id, userId: user.id });
      await this.record(m, principal, AuditAction.PermissionChange, c.id, { change: 'assign', userId: user.id, userRole: user.role });
    });
    return c;
  }

  async unassign(principal: Principal, caseId: string, userId: string): Promise<CaseEntity> {
    const c = await this.access.requireCase(principal, caseId, CaseAction.ASSIGN);
    await this.inLedgeredTransaction(async (m) => {
      const removed = await m.delete(CaseAssignmentEntity, { caseId: c.id, userId });
      if (removed.affected) await this.record(m, principal, AuditAction.PermissionChange, c.id, { change: 'unassign', userId });
    });
    // the user may have lost the case: their open subscriptions re-check now
    this.accessEvents.changed(userId);
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

  /** One transaction for a change and its ledger entry. */
  private inLedgeredTransaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.repo.cases.manager.connection, work);
  }

  private record(m: EntityManager, principal: Principal, action: AuditAction, caseId: string, details: Record<string, unknown>): Promise<unknown> {
    return this.audit.record({ action, actor: { id: principal.userId, role: principal.role }, caseId, details }, m);
  }

  /**
   * Runs `work` (a case insert or update) in a transaction after checking that no other case of
   * `court` has the docket number, compared regardless of letter case. A collision is recorded in
   * the ledger against the existing case. Admins learn it is taken (DOCKET_NUMBER_TAKEN); everyone
   * else gets one neutral answer (DOCKET_NUMBER_UNAVAILABLE) whether or not they could see the
   * other case, so a sealed case's docket number cannot be confirmed by trying it.
   */
  private async withDocketCheck<T>(
    principal: Principal,
    court: string,
    docketNumber: string,
    work: (m: EntityManager) => Promise<T>,
    ownId: string | null = null,
  ): Promise<T> {
    let existing: CaseEntity | null = null;
    try {
      return await this.inLedgeredTransaction(async (m) => {
        existing = await m.findOneBy(CaseEntity, { court, docketKey: docketKey(docketNumber) });
        if (existing && existing.id !== ownId) throw new DocketCollision();
        return work(m);
      });
    } catch (error) {
      if (!(error instanceof DocketCollision) && !isUniqueViolation(error)) throw error;
      const other: CaseEntity | null = existing ?? (await this.repo.cases.findOneBy({ court, docketKey: docketKey(docketNumber) }));
      await this.audit.record({
        action: AuditAction.DocketCollision,
        actor: { id: principal.userId, role: principal.role },
        caseId: other?.id ?? null,
        details: { court, docketNumber, ...(ownId ? { caseBeingEdited: ownId } : {}) },
      });
      if (principal.role === UserRole.ADMIN) {
        throw new CaseException(CaseErrorReason.DOCKET_NUMBER_TAKEN, 'Docket number already in use in this court', other ? { caseId: other.id } : undefined);
      }
      throw new CaseException(CaseErrorReason.DOCKET_NUMBER_UNAVAILABLE, 'This docket number cannot be used in this court; an administrator can resolve it');
    }
  }
}

/** Thrown inside the transaction to roll it back when the docket number is taken. */
class DocketCollision extends Error {}
