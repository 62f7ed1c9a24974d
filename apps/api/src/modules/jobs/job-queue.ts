import { JobState } from './job-state.js';
import type { JobTypeRegistry } from './job-types.js';

/** A job as the rest of the API sees it (payload and result parsed). */
export interface JobRecord {
  id: string;
  type: string;
  payload: unknown;
  caseId: string | null;
  priority: number;
  state: JobState;
  progress: number;
  stage: string | null;
  attempts: number;
  maxAttempts: number;
  runAfter: Date;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  cancelRequested: boolean;
  result: unknown;
  errorCode: string | null;
  errorMessage: string | null;
  createdBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
}

export interface EnqueueOptions {
  /** Case the job works on; job queries are filtered by access to this case. */
  caseId?: string | null;
  /** Lower runs first; see `JobPriority` and `priorityForRole`. */
  priority?: number;
  /** User who asked for the job. */
  createdBy?: string | null;
  /** Overrides the configured attempt limit. */
  maxAttempts?: number;
  /** Do not start before this many milliseconds have passed. */
  delayMs?: number;
}

/** What a handler receives. */
export interface JobContext<P = unknown> {
  readonly id: string;
  readonly type: string;
  readonly payload: P;
  readonly caseId: string | null;
  /** 1 on the first run. */
  readonly attempt: number;
  readonly createdBy: string | null;
  /** Aborted when the job is cancelled or the worker shuts down. */
  readonly signal: AbortSignal;
  /** Records progress (0-100, clamped) and the current stage; throws `JobCancelledError` once cancelled. */
  progress(percent: number, stage?: string): Promise<void>;
  /** Throws `JobCancelledError` when cancellation was requested. */
  throwIfCancelled(): void;
}

/**
 * A handler does the work of one job type. It must be idempotent keyed by the job id: a job whose
 * worker died is run again, so results are written with the job id as key (upsert), never appended.
 */
export type JobHandler<P = unknown, R = unknown> = (job: JobContext<P>) => Promise<R>;

/** Progress and state changes, published to subscribers (GraphQL `jobProgress`). */
export interface JobProgressEvent {
  jobId: string;
  type: string;
  caseId: string | null;
  state: JobState;
  progress: number;
  stage: string | null;
  errorCode: string | null;
  at: string;
}

export interface JobQueue {
  /** The job types this queue accepts (payload and result schemas); handlers and jobs of other types are refused. */
  readonly types: JobTypeRegistry;
  /** Registers the handler of a job type; a worker only claims types it has a handler for. */
  registerHandler<P = unknown, R = unknown>(type: string, handler: JobHandler<P, R>): void;
  /** Stores a queued job and hands it to delivery; resolves with the stored row. */
  enqueue(type: string, payload: unknown, options?: EnqueueOptions): Promise<JobRecord>;
  /** Queued jobs are cancelled at once; running ones get a cancellation signal. */
  cancel(id: string): Promise<JobRecord>;
  /** Queues a failed or cancelled job again with a fresh attempt budget. */
  retry(id: string): Promise<JobRecord>;
  get(id: string): Promise<JobRecord | null>;
  /** Starts the worker (when this process runs one) and any background sweeping. */
  start(): Promise<void>;
  /** Stops claiming; waits up to `graceMs` for running jobs, then aborts them (they are reclaimed later). */
  stop(graceMs?: number): Promise<void>;
  /** Subscribes to progress events of every process (through Redis with BullMQ); returns the unsubscribe function. */
  onProgress(listener: (event: JobProgressEvent) => void): () => void;
  /**
   * Observes the transitions made by this process only (the worker that finished a job, the API
   * process that queued or cancelled one): for side effects that must happen once, such as audit entries.
   */
  onLocalTransition(listener: (event: JobProgressEvent) => void): () => void;
  /** Identifier of this worker (lease owner). */
  readonly workerId: string;
}
