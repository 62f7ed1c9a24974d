import { setTimeout as sleep } from 'node:timers/promises';
import { BaseJobQueue, describeError } from './job-queue.base.js';

/**
 * The embedded queue: jobs live in the database and an in-process worker claims them with an atomic
 * compare-and-set. Several processes may share one database; each claim is won by one of them.
 */
export class DatabaseJobQueue extends BaseJobQueue {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();
  private lastSweep = 0;

  async start(): Promise<void> {
    if (!this.config.runWorker || this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) {
      await this.events.close();
      return;
    }
    this.running = false;
    this.wake?.();
    await this.loop;
    const all = Promise.allSettled([...this.inFlight]);
    const timer = setTimeout(() => this.executor.abortAll(), graceMs);
    await all;
    clearTimeout(timer);
    await this.events.close();
  }

  protected async deliver(): Promise<void> {
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = false;
      try {
        const now = Date.now();
        if (now - this.lastSweep >= this.config.leaseMs / 2) {
          this.lastSweep = now;
          await this.repo.reclaimExpired(now);
        }
        if (this.inFlight.size < this.config.concurrency) {
          const row = await this.repo.claimNext(this.workerId, [...this.handlers.keys()], this.config.leaseMs);
          if (row) {
            claimed = true;
            const task: Promise<unknown> = this.executor.execute(row).finally(() => {
              this.inFlight.delete(task);
              this.wake?.();
            });
            this.inFlight.add(task);
          }
        }
      } catch (error) {
        // the database is unreachable for a moment: wait for the next poll
        this.logger.warn(`Claiming jobs failed: ${describeError(error)}`);
      }
      if (claimed && this.inFlight.size < this.config.concurrency) continue;
      await this.idle();
    }
  }

  private async idle(): Promise<void> {
    const ac = new AbortController();
    this.wake = () => ac.abort();
    try {
      await sleep(this.config.pollIntervalMs, undefined, { signal: ac.signal });
    } catch {
      // woken early
    } finally {
      this.wake = null;
    }
  }
}
