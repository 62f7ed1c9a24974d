import { availableParallelism } from 'node:os';

/** Typed settings of the job system; the config module builds this from the environment. */
export interface JobsConfig {
  /** `database`: queue stored in the database (embedded default); `bullmq`: delivery through Redis. */
  backend: 'database' | 'bullmq';
  /** Redis connection URL; required for the `bullmq` backend. */
  redisUrl?: string;
  /** Whether this process runs jobs (role `worker` or the embedded all-in-one process). */
  runWorker: boolean;
  /** Jobs one worker process runs at the same time. */
  concurrency: number;
  /** How often an idle embedded worker looks for work (a new local job wakes it at once). */
  pollIntervalMs: number;
  /** A running job's lease; a worker renews it every `leaseMs / 3` while the handler runs. */
  leaseMs: number;
  /** Attempts before a job is marked failed. */
  maxAttempts: number;
  /** First retry delay; doubles on every further attempt up to `backoffMaxMs`. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** BullMQ queue name (and Redis key prefix for progress events). */
  queueName: string;
}

/** Default concurrency: one model job per two cores, at least one. */
export function defaultJobConcurrency(cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / 2));
}

export function defaultJobsConfig(overrides: Partial<JobsConfig> = {}): JobsConfig {
  const backend = overrides.backend ?? (overrides.redisUrl ? 'bullmq' : 'database');
  return {
    backend,
    runWorker: true,
    concurrency: defaultJobConcurrency(),
    pollIntervalMs: 1000,
    leaseMs: 30_000,
    maxAttempts: 3,
    backoffBaseMs: 2000,
    backoffMaxMs: 5 * 60_000,
    queueName: 'amicus-jobs',
    ...overrides,
  };
}
