import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { currentRequestId } from '../../common/logging/request-context.js';
import { JobEntity } from './job.entity.js';
import { JobErrorReason, JobException, jobNotFound } from './job.exception.js';
import { JobExecutor } from './job-executor.js';
import { EnqueueOptions, JobHandler, JobProgressEvent, JobQueue, JobRecord } from './job-queue.js';
import { JobEventBus } from './job-events.js';
import { JobRepository, toJobRecord } from './job.repository.js';
import { JobPriority, JobState } from './job-state.js';
import { JobsConfig } from './jobs.config.js';
import { describeIssues, JobDefinition, JobTypeRegistry } from './job-types.js';

const JOB_TYPE = /^[a-z][a-z0-9_.-]{0,63}$/;
let lastCreatedAt = 0;
/** How long enqueue waits for a delivery (Redis) before answering; the stored row is the job either way. */
const DELIVERY_WAIT_MS = 3000;

/** Waits for `work` at most `ms`; a failure is reported to `onError` (the stored row is the job, a sweep delivers it later). */
async function settleWithin(work: Promise<unknown>, ms: number, onError: (error: unknown) => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(onError), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** The message of an unknown thrown value, for logs. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What both backends share: the job row, handler registry, cancel/retry and events. */
export abstract class BaseJobQueue implements JobQueue {
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  protected readonly repo: JobRepository;
  protected readonly handlers = new Map<string, JobHandler>();
  protected readonly executor: JobExecutor;
  protected readonly logger = new Logger('Jobs');
  private readonly localObservers = new Set<(event: JobProgressEvent) => void>();

  /** The job types this queue accepts, with their payload and result schemas. */
  readonly types: JobTypeRegistry;

  constructor(
    protected readonly dataSource: DataSource,
    protected readonly config: JobsConfig,
    protected readonly events: JobEventBus,
    types: JobTypeRegistry = new JobTypeRegistry(),
  ) {
    this.types = types;
    this.repo = new JobRepository(dataSource);
    this.executor = new JobExecutor(this.repo, this.handlers, types, config, this.workerId, (e) => this.publish(e), this.logger);
  }

  registerHandler<P = unknown, R = unknown>(type: string, handler: JobHandler<P, R>): void {
    this.definition(type);
    this.handlers.set(type, handler as JobHandler);
  }

  get repository(): JobRepository {
    return this.repo;
  }

  async enqueue(type: string, payload: unknown, options: EnqueueOptions = {}): Promise<JobRecord> {
    const parsed = this.definition(type).payload.safeParse(payload);
    if (!parsed.success) {
      throw new JobException(JobErrorReason.INVALID_JOB_PAYLOAD, `Invalid payload for a ${type} job: ${describeIssues(parsed.error)}`);
    }
    const priority = options.priority ?? JobPriority.NORMAL;
    if (!Number.isInteger(priority) || priority < 1 || priority > 1000) {
      throw new JobException(JobErrorReason.INVALID_PRIORITY, 'Priority must be an integer from 1 to 1000');
    }
    // strictly increasing within a process, so jobs of equal priority run in the order they were queued
    const now = Date.now();
    const createdAt = Math.max(now, lastCreatedAt + 1);
    lastCreatedAt = createdAt;
    const row = Object.assign(new JobEntity(), {
      id: randomUUID(),
      type,
      payload: JSON.stringify(parsed.data ?? null),
      caseId: options.caseId ?? null,
      priority,
      state: JobState.QUEUED,
      progress: 0,
      stage: null,
      attempts: 0,
      maxAttempts: Math.max(1, options.maxAttempts ?? this.config.maxAttempts),
      runAfter: now + Math.max(0, options.delayMs ?? 0),
      leaseOwner: null,
      leaseExpiresAt: null,
      cancelRequestedAt: null,
      result: null,
      errorCode: null,
      errorMessage: null,
      createdBy: options.createdBy ?? null,
      requestId: currentRequestId() ?? null,
      createdAt,
      startedAt: null,
      finishedAt: null,
      updatedAt: now,
    } satisfies JobEntity);
    await this.repo.insert(row);
    // the stored row is the job; a delivery that fails now is made by a worker's sweep later
    await settleWithin(this.deliver(row.id, priority, row.runAfter - now, 0), DELIVERY_WAIT_MS, (error) =>
      this.logger.warn(`Job ${row.id}: delivery failed (${describeError(error)}); a sweep delivers it later`),
    );
    const record = toJobRecord(row);
    this.emit(record);
    return record;
  }

  async cancel(id: string): Promise<JobRecord> {
    const before = await this.mustGet(id);
    if (before.state !== JobState.QUEUED && before.state !== JobState.RUNNING) {
      throw new JobException(JobErrorReason.JOB_NOT_CANCELLABLE, `The job is already ${before.state}`);
    }
    await this.repo.requestCancel(id);
    // a job running in this process stops now; one running elsewhere sees the request at its next heartbeat
    this.executor.cancelLocal(id);
    const after = await this.mustGet(id);
    this.emit(after);
    return after;
  }

  async retry(id: string): Promise<JobRecord> {
    const before = await this.mustGet(id);
    if (!(await this.repo.requeue(id))) {
      throw new JobException(JobErrorReason.JOB_NOT_RETRYABLE, `Only failed or cancelled jobs can be retried; the job is ${before.state}`);
    }
    const after = await this.mustGet(id);
    await settleWithin(this.deliver(id, after.priority, 0, 0), DELIVERY_WAIT_MS, (error) =>
      this.logger.warn(`Job ${id}: delivery of the retry failed (${describeError(error)}); a sweep delivers it later`),
    );
    this.emit(after);
    return after;
  }

  get(id: string): Promise<JobRecord | null> {
    return this.repo.find(id);
  }

  onProgress(listener: (event: JobProgressEvent) => void): () => void {
    return this.events.subscribe(listener);
  }

  abstract start(): Promise<void>;
  abstract stop(graceMs?: number): Promise<void>;

  /** Hands a queued job to delivery (BullMQ); the embedded queue just wakes its worker. */
  protected abstract deliver(id: string, priority: number, delayMs: number, attempt: number): Promise<void>;

  onLocalTransition(listener: (event: JobProgressEvent) => void): () => void {
    this.localObservers.add(listener);
    return () => this.localObservers.delete(listener);
  }

  protected emit(record: JobRecord): void {
    this.publish({
      jobId: record.id,
      type: record.type,
      caseId: record.caseId,
      state: record.state,
      progress: record.progress,
      stage: record.stage,
      errorCode: record.errorCode,
      at: new Date().toISOString(),
    });
  }

  private publish(event: JobProgressEvent): void {
    for (const observer of this.localObservers) {
      try {
        observer(event);
      } catch (error) {
        // an observer's failure never affects the job
        this.logger.error(`Job ${event.jobId}: a transition observer failed: ${describeError(error)}`);
      }
    }
    void this.events.publish(event).catch((error: unknown) => this.logger.warn(`Job ${event.jobId}: progress event not published: ${describeError(error)}`));
  }

  /** The definition of a known job type; INVALID_JOB_TYPE (BAD_USER_INPUT) otherwise. */
  private definition(type: string): JobDefinition {
    const definition = JOB_TYPE.test(type) ? this.types.get(type) : undefined;
    if (!definition) throw new JobException(JobErrorReason.INVALID_JOB_TYPE, `Unknown job type "${type}"`);
    return definition;
  }

  private async mustGet(id: string): Promise<JobRecord> {
    const record = await this.repo.find(id);
    if (!record) throw jobNotFound();
    return record;
  }
}
