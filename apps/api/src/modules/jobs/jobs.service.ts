import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { Connection, paginate } from '../../common/pagination/connection.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { guardedIterator } from '../../common/graphql/guarded-iterator.js';
import { AccessEvents } from '../auth/access-events.js';
import { AuthService } from '../auth/auth.service.js';
import { CaseAccessService, CaseAction } from '../cases/case-access.service.js';
import { CaseEntity } from '../cases/case.entity.js';
import { UserRole } from '../users/user.entity.js';
import { jobEventIterator } from './job-events.js';
import { JobEntity } from './job.entity.js';
import { jobNotFound } from './job.exception.js';
import { EnqueueOptions, JobProgressEvent, JobQueue, JobRecord } from './job-queue.js';
import { JOB_QUEUE } from './job-queue.token.js';
import { JobRepository, toJobRecord } from './job.repository.js';
import { JobState, priorityForRole } from './job-state.js';
import { JobsArgs } from './dto/job.type.js';

/**
 * Jobs as callers see them: every read, change and subscription is limited to jobs of cases the
 * caller may see (the case-access policy); a job without a case is visible to admins and its creator.
 * A missing job and an invisible one get the same answer.
 */
@Injectable()
export class JobsService {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly accessEvents: AccessEvents,
  ) {}

  /**
   * Queues a job on behalf of `principal` (for the documents, summaries and drafting modules).
   * The case must be visible to the caller; the priority defaults to the caller's role (judges first).
   */
  async enqueueFor(principal: Principal, type: string, payload: unknown, options: Omit<EnqueueOptions, 'createdBy'> = {}): Promise<JobRecord> {
    if (options.caseId) await this.access.requireCase(principal, options.caseId, CaseAction.VIEW);
    const job = await this.queue.enqueue(type, payload, {
      ...options,
      priority: options.priority ?? priorityForRole(principal.role),
      createdBy: principal.userId,
    });
    await this.audit.record({
      action: AuditAction.JobQueued,
      actor: { id: principal.userId, role: principal.role },
      caseId: job.caseId,
      details: { jobId: job.id, type: job.type, priority: job.priority },
    });
    return job;
  }

  async find(principal: Principal, id: string): Promise<JobRecord | null> {
    const job = await this.queue.get(id);
    if (!job || !(await this.canSee(principal, job))) return null;
    return job;
  }

  async list(principal: Principal, args: JobsArgs): Promise<Connection<JobRecord>> {
    const qb = this.dataSource.getRepository(JobEntity).createQueryBuilder('job').leftJoin(CaseEntity, 'c', 'c.id = job.caseId');
    if (args.caseId) qb.andWhere('job.caseId = :caseId', { caseId: args.caseId });
    if (args.state) qb.andWhere('job.state = :state', { state: args.state });
    if (principal.role !== UserRole.ADMIN) {
      qb.andWhere(
        new Brackets((w) => {
          w.where(
            new Brackets((own) => {
              own.where('job.caseId IS NULL').andWhere('job.createdBy = :jobOwner', { jobOwner: principal.userId });
            }),
          ).orWhere(
            new Brackets((cased) => {
              cased.where('job.caseId IS NOT NULL').andWhere(this.access.visibilityCondition(principal, 'c'));
            }),
          );
        }),
      );
    }
    const page = await paginate(qb, args, {
      alias: 'job',
      sortColumn: 'job.createdAt',
      sortValue: (j) => j.createdAt,
      direction: 'DESC',
      idColumn: 'job.id',
      id: (j) => j.id,
    });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toJobRecord(e.node) })) };
  }

  async cancel(principal: Principal, id: string): Promise<JobRecord> {
    await this.requireManageable(principal, id);
    const job = await this.queue.cancel(id);
    await this.audit.record({
      action: job.state === JobState.CANCELLED ? AuditAction.JobCancelled : AuditAction.JobCancelRequested,
      actor: { id: principal.userId, role: principal.role },
      caseId: job.caseId,
      details: { jobId: job.id, type: job.type },
    });
    return job;
  }

  async retry(principal: Principal, id: string): Promise<JobRecord> {
    await this.requireManageable(principal, id);
    const job = await this.queue.retry(id);
    await this.audit.record({
      action: AuditAction.JobRetried,
      actor: { id: principal.userId, role: principal.role },
      caseId: job.caseId,
      details: { jobId: job.id, type: job.type },
    });
    return job;
  }

  /** Queued and running jobs per type, across every case (for the admins' status page). */
  queueDepth(): Promise<Array<{ type: string; queued: number; running: number }>> {
    return new JobRepository(this.dataSource).depthByType();
  }

  /**
   * Progress events of one visible job; throws NOT_FOUND for a missing or invisible job. Before each
   * event, and whenever access changes in this process, the caller is checked again (session or key
   * still valid, user active and unchanged, job still visible); the stream ends when that fails.
   */
  async progressEvents(principal: Principal, id: string): Promise<AsyncIterableIterator<JobProgressEvent>> {
    if (!(await this.find(principal, id))) throw jobNotFound();
    const events = jobEventIterator({ subscribe: (listener) => this.queue.onProgress(listener) }, (e) => e.jobId === id);
    return guardedIterator(
      events,
      async () => (await this.auth.stillValid(principal)) && (await this.find(principal, id)) !== null,
      (listener) => this.accessEvents.onChange(listener),
    );
  }

  private async canSee(principal: Principal, job: JobRecord): Promise<boolean> {
    if (principal.role === UserRole.ADMIN) return true;
    if (job.caseId === null) return job.createdBy === principal.userId;
    return (await this.access.findVisibleCase(principal, job.caseId)) !== null;
  }

  /** Admins, the job's creator, and users who may edit its case may cancel or retry it. */
  private async requireManageable(principal: Principal, id: string): Promise<JobRecord> {
    const job = await this.find(principal, id);
    if (!job) throw jobNotFound();
    if (principal.role === UserRole.ADMIN || job.createdBy === principal.userId) return job;
    if (job.caseId && this.access.allows(principal, CaseAction.MANAGE_JOBS, await this.access.isAssigned(principal, job.caseId))) return job;
    throw jobNotFound();
  }
}
