import { Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { JobEventBus } from './job-events.js';
import { BaseJobQueue, describeError } from './job-queue.base.js';
import { JobState } from './job-state.js';
import { JobsConfig } from './jobs.config.js';
import type { JobTypeRegistry } from './job-types.js';

interface DeliveryData {
  id: string;
}

/**
 * BullMQ delivers, the database decides: a delivery only names a job id, and the worker claims the
 * row with the same compare-and-set as the embedded queue. A duplicated or stale delivery finds the
 * row already taken and is acknowledged without running anything. A sweeper re-delivers jobs whose
 * lease expired (worker killed) and queued rows whose delivery was lost.
 */
export class BullmqJobQueue extends BaseJobQueue {
  private readonly connection: Redis;
  private readonly queue: Queue<DeliveryData>;
  private worker: Worker<DeliveryData> | null = null;
  private workerConnection: Redis | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping = false;

  constructor(dataSource: DataSource, config: JobsConfig, events: JobEventBus, types?: JobTypeRegistry) {
    super(dataSource, config, events, types);
    if (!config.redisUrl) throw new Error('The BullMQ job backend needs REDIS_URL');
    // the producer fails fast when Redis is away: the row is stored and the sweeper delivers it later
    this.connection = new Redis(config.redisUrl, { maxRetriesPerRequest: 2 });
    this.connection.on('error', (error) => this.logger.warn(`Redis (queue): ${error.message}`));
    this.queue = new Queue<DeliveryData>(config.queueName, { connection: this.connection });
    this.queue.on('error', (error) => this.logger.warn(`BullMQ queue: ${error.message}`));
  }

  async start(): Promise<void> {
    if (!this.config.runWorker || this.worker) return;
    this.workerConnection = new Redis(this.config.redisUrl!, { maxRetriesPerRequest: null });
    this.workerConnection.on('error', (error) => this.logger.warn(`Redis (worker): ${error.message}`));
    this.worker = new Worker<DeliveryData>(this.config.queueName, (job) => this.process(job), {
      connection: this.workerConnection,
      concurrency: this.config.concurrency,
      lockDuration: this.config.leaseMs,
      stalledInterval: this.config.leaseMs,
      maxStalledCount: 1000,
    });
    this.worker.on('error', (error) => this.logger.warn(`BullMQ worker: ${error.message}`));
    this.worker.on('failed', (job, error) => this.logger.error(`Job ${job?.data.id ?? '?'}: delivery failed: ${error.message}`));
    const interval = Math.max(200, Math.floor(this.config.leaseMs / 2));
    this.sweeper = setInterval(() => void this.sweep(), interval);
    this.sweeper.unref();
    await this.worker.waitUntilReady();
    await this.sweep();
  }

  async stop(graceMs = 10_000): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    if (this.worker) {
      const timer = setTimeout(() => this.executor.abortAll(), graceMs);
      await this.worker.close();
      clearTimeout(timer);
      this.worker = null;
    }
    await this.queue.close();
    await Promise.allSettled([this.connection.quit(), this.workerConnection?.quit(), this.events.close()]);
  }

  protected async deliver(id: string, priority: number, delayMs: number, attempt: number): Promise<void> {
    await this.queue.add(
      'job',
      { id },
      {
        jobId: `${id}-${attempt}`,
        priority,
        delay: Math.max(0, Math.round(delayMs)),
        attempts: 1,
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  private async process(job: Job<DeliveryData>): Promise<void> {
    const row = await this.repo.claimById(job.data.id, this.workerId, this.config.leaseMs);
    if (!row) return;
    const outcome = await this.executor.execute(row);
    if (outcome.state === JobState.QUEUED) {
      await this.deliver(row.id, row.priority, outcome.retryAt - Date.now(), row.attempts);
    } else if (outcome.state === 'released') {
      await this.deliver(row.id, row.priority, 0, row.attempts - 1).catch((error: unknown) =>
        this.logger.warn(`Job ${row.id}: re-delivery after release failed (${describeError(error)}); a sweep delivers it later`),
      );
    }
  }

  /** Re-delivers reclaimed jobs and queued rows that have waited a full lease without being claimed. */
  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const now = Date.now();
      await this.repo.reclaimExpired(now);
      for (const row of await this.repo.dueQueuedIds(now, this.config.leaseMs)) {
        await this.deliver(row.id, row.priority, 0, row.attempts);
      }
    } catch (error) {
      // database or Redis unavailable for a moment: the next sweep tries again
      this.logger.warn(`Job sweep failed: ${describeError(error)}`);
    } finally {
      this.sweeping = false;
    }
  }
}
