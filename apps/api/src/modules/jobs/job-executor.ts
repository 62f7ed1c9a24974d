import { Logger } from '@nestjs/common';
import { runInContext } from '../../common/logging/request-context.js';
import { jobDuration } from '../metrics/metrics.registry.js';
import { JobEntity } from './job.entity.js';
import { JobCancelledError, PermanentJobError } from './job.exception.js';
import { JobContext, JobHandler, JobProgressEvent } from './job-queue.js';
import { JobRepository } from './job.repository.js';
import { JobState } from './job-state.js';
import { JobsConfig } from './jobs.config.js';
import { describeIssues, JobTypeRegistry } from './job-types.js';

export type ExecutionOutcome =
  | { state: JobState.SUCCEEDED | JobState.FAILED | JobState.CANCELLED }
  | { state: JobState.QUEUED; retryAt: number }
  /** The lease was lost or the worker is stopping: another worker (or a restart) takes the job over. */
  | { state: 'released' };

class LeaseLostError extends Error {
  constructor() {
    super('The job lease was lost');
  }
}

class ShutdownError extends Error {
  constructor() {
    super('The worker is stopping');
  }
}

const logger = new Logger('Jobs');

/** Retry delay after the given failed attempt (1-based): base · 2^(attempt-1), capped. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Runs one claimed job: keeps its lease alive, relays progress, honours cancellation and writes the
 * final transition. Shared by both queue backends.
 */
export class JobExecutor {
  private readonly running = new Map<string, { controller: AbortController; cancel: () => void }>();

  constructor(
    private readonly repo: JobRepository,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly types: JobTypeRegistry,
    private readonly config: JobsConfig,
    private readonly workerId: string,
    private readonly publish: (event: JobProgressEvent) => void,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  get activeCount(): number {
    return this.running.size;
  }

  /** Aborts every running handler (worker shutdown); their jobs are released for another worker. */
  abortAll(): void {
    for (const { controller } of this.running.values()) controller.abort(new ShutdownError());
  }

  /** Cancels a job this worker is running now (cancellation asked in this process); false when it runs elsewhere. */
  cancelLocal(id: string): boolean {
    const job = this.running.get(id);
    job?.cancel();
    return job !== undefined;
  }

  /** Runs the job in its log context (job id, type and the id of the request that queued it), timed by outcome. */
  execute(row: JobEntity): Promise<ExecutionOutcome> {
    return runInContext({ ...(row.requestId ? { requestId: row.requestId } : {}), jobId: row.id, jobType: row.type }, async () => {
      const started = process.hrtime.bigint();
      logger.log({ msg: 'job started', attempt: row.attempts });
      const outcome = await this.run(row);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const label = outcome.state === JobState.QUEUED ? 'retry' : outcome.state;
      jobDuration.observe({ type: row.type, outcome: label }, seconds);
      logger.log({ msg: 'job finished', outcome: label, seconds: Math.round(seconds * 1000) / 1000 });
      return outcome;
    });
  }

  private async run(row: JobEntity): Promise<ExecutionOutcome> {
    const controller = new AbortController();
    let cancelled = false;
    let lost = false;
    const leaseMs = this.config.leaseMs;
    const owner = this.workerId;
    let progress = row.progress;
    let stage = row.stage;

    const observe = (check: { owned: boolean; cancelRequested: boolean }): void => {
      if (!check.owned) {
        lost = true;
        controller.abort(new LeaseLostError());
      } else if (check.cancelRequested && !cancelled) {
        cancelled = true;
        controller.abort(new JobCancelledError());
      }
    };
    this.running.set(row.id, { controller, cancel: () => observe({ owned: true, cancelRequested: true }) });
    const heartbeat = setInterval(
      () => {
        this.repo.heartbeat(row.id, owner, leaseMs).then(observe, (error: unknown) =>
          this.logger.warn(`Job ${row.id}: lease not renewed (${error instanceof Error ? error.message : String(error)}); the next heartbeat tries again`),
        );
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();

    const event = (state: JobState, errorCode: string | null = null): JobProgressEvent => ({
      jobId: row.id,
      type: row.type,
      caseId: row.caseId,
      state,
      progress,
      stage,
      errorCode,
      at: new Date().toISOString(),
    });
    this.publish(event(JobState.RUNNING));

    const definition = this.types.get(row.type);
    const payload = definition?.payload.safeParse(JSON.parse(row.payload));
    const context: JobContext = {
      id: row.id,
      type: row.type,
      payload: payload?.success ? payload.data : undefined,
      caseId: row.caseId,
      attempt: row.attempts,
      createdBy: row.createdBy,
      signal: controller.signal,
      throwIfCancelled: () => {
        if (cancelled) throw new JobCancelledError();
        if (controller.signal.aborted) throw controller.signal.reason;
      },
      progress: async (percent: number, nextStage?: string) => {
        context.throwIfCancelled();
        progress = Math.max(0, Math.min(100, Math.round(percent)));
        if (nextStage !== undefined) stage = nextStage.slice(0, 100);
        observe(await this.repo.progress(row.id, owner, progress, stage, leaseMs));
        this.publish(event(JobState.RUNNING));
        context.throwIfCancelled();
      },
    };

    try {
      const handler = this.handlers.get(row.type);
      if (!handler || !definition) throw new PermanentJobError('UNKNOWN_JOB_TYPE', `No handler is registered for job type "${row.type}"`);
      if (!payload?.success) throw new PermanentJobError('INVALID_PAYLOAD', `The stored payload does not fit the ${row.type} job: ${payload ? describeIssues(payload.error) : ''}`);
      const output = definition.result.safeParse(await handler(context));
      if (!output.success) throw new PermanentJobError('INVALID_RESULT', `The ${row.type} handler returned a result that does not fit its type: ${describeIssues(output.error)}`);
      const result = output.data;
      if (lost) return { state: 'released' };
      if (await this.repo.complete(row.id, owner, result)) {
        progress = 100;
        this.publish(event(JobState.SUCCEEDED));
        return { state: JobState.SUCCEEDED };
      }
      return { state: 'released' };
    } catch (error) {
      if (lost) return { state: 'released' };
      if (cancelled || error instanceof JobCancelledError) {
        await this.repo.markCancelled(row.id, owner);
        this.publish(event(JobState.CANCELLED, 'JOB_CANCELLED'));
        return { state: JobState.CANCELLED };
      }
      if (error instanceof ShutdownError || controller.signal.reason instanceof ShutdownError) {
        await this.repo.release(row.id, owner);
        return { state: 'released' };
      }
      const code = error instanceof PermanentJobError ? error.code : errorCode(error);
      const message = error instanceof Error ? error.message : String(error);
      const retryable = !(error instanceof PermanentJobError) && row.attempts < row.maxAttempts;
      const retryAt = retryable ? Date.now() + backoffDelay(row.attempts, this.config.backoffBaseMs, this.config.backoffMaxMs) : null;
      await this.repo.fail(row.id, owner, code, message, retryAt);
      if (retryAt !== null) {
        this.publish(event(JobState.QUEUED, code));
        return { state: JobState.QUEUED, retryAt };
      }
      this.publish(event(JobState.FAILED, code));
      return { state: JobState.FAILED };
    } finally {
      clearInterval(heartbeat);
      this.running.delete(row.id);
    }
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? code : 'JOB_FAILED';
}
