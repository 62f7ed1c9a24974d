import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { containsPattern } from '../../common/sql.js';
import { UserEntity } from '../users/user.entity.js';
import { CaseAssignmentEntity } from './case-assignment.entity.js';
import { CaseNoteEntity } from './case-note.entity.js';
import { CaseEntity } from './case.entity.js';
import { CaseFilterInput } from './dto/case.inputs.js';
import { PartyEntity } from './party.entity.js';

/** Persistence of cases and what belongs to them. Access control is applied by the caller. */
@Injectable()
export class CasesRepository {
  constructor(
    @InjectRepository(CaseEntity) readonly cases: Repository<CaseEntity>,
    @InjectRepository(PartyEntity) readonly parties: Repository<PartyEntity>,
    @InjectRepository(CaseAssignmentEntity) readonly assignments: Repository<CaseAssignmentEntity>,
    @InjectRepository(CaseNoteEntity) readonly notes: Repository<CaseNoteEntity>,
  ) {}

  /** Adds the list filter to a query of cases aliased `c`. */
  applyFilter(qb: SelectQueryBuilder<CaseEntity>, filter: CaseFilterInput | undefined, userId: string): SelectQueryBuilder<CaseEntity> {
    if (filter?.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter?.court) qb.andWhere('c.court = :court', { court: filter.court });
    if (filter?.assignedToMe) {
      qb.andWhere('EXISTS (SELECT 1 FROM case_assignments f_ca WHERE f_ca.case_id = c.id AND f_ca.user_id = :meId)', { meId: userId });
    }
    if (filter?.search && filter.search.trim() !== '') {
      qb.andWhere(
        "(LOWER(c.docketNumber) LIKE :q ESCAPE '\\' OR LOWER(c.title) LIKE :q ESCAPE '\\' OR " +
          "EXISTS (SELECT 1 FROM parties f_p WHERE f_p.case_id = c.id AND LOWER(f_p.name) LIKE :q ESCAPE '\\'))",
        { q: containsPattern(filter.search.trim()) },
      );
    }
    return qb;
  }

  partiesOfCases(caseIds: readonly string[]): Promise<PartyEntity[]> {
    return this.parties.find({ where: { caseId: In([...caseIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Assigned users of each case, as [caseId, user] pairs. */
  async assigneesOfCases(caseIds: readonly string[]): Promise<Array<{ caseId: string; user: UserEntity }>> {
    const rows = await this.assignments.find({
      where: { caseId: In([...caseIds]) },
      relations: { user: true },
      order: { createdAt: 'ASC', userId: 'ASC' },
    });
    return rows.flatMap((r) => (r.user ? [{ caseId: r.caseId, user: r.user }] : []));
  }

  notesQuery(caseId: string): SelectQueryBuilder<CaseNoteEntity> {
    return this.notes.createQueryBuilder('n').where('n.caseId = :caseId', { caseId });
  }

  manager(): EntityManager {
    return this.cases.manager;
  }
}
