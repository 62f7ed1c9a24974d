import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { SUBSCRIPTION_TOPICS } from '../../common/graphql/subscription-topics.js';
import { JobProgressEvent } from './job-queue.js';

/**
 * Carries job progress from the process that runs a job to the processes serving subscriptions.
 * In one process an EventEmitter does; with Redis, worker processes publish on a Redis channel.
 */
export interface JobEventBus {
  publish(event: JobProgressEvent): Promise<void>;
  subscribe(listener: (event: JobProgressEvent) => void): () => void;
  close(): Promise<void>;
}

export class LocalJobEventBus implements JobEventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  async publish(event: JobProgressEvent): Promise<void> {
    this.emitter.emit('progress', event);
  }

  subscribe(listener: (event: JobProgressEvent) => void): () => void {
    this.emitter.on('progress', listener);
    return () => this.emitter.off('progress', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

export class RedisJobEventBus implements JobEventBus {
  private readonly local = new LocalJobEventBus();
  private readonly publisher: Redis;
  private subscriber: Redis | null = null;
  private readonly channel: string;
  private readonly logger = new Logger('JobEvents');

  constructor(
    private readonly redisUrl: string,
    queueName: string,
  ) {
    // connection errors surface as failed publishes; ioredis reconnects by itself
    this.publisher = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
    this.publisher.on('error', (error) => this.logger.warn(`Redis (progress publisher): ${error.message}`));
    this.channel = `${queueName}:${SUBSCRIPTION_TOPICS.jobProgress}`;
  }

  async publish(event: JobProgressEvent): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  subscribe(listener: (event: JobProgressEvent) => void): () => void {
    if (!this.subscriber) {
      const sub = new Redis(this.redisUrl, { maxRetriesPerRequest: null });
      sub.on('error', (error) => this.logger.warn(`Redis (progress subscriber): ${error.message}`));
      this.subscriber = sub;
      sub.subscribe(this.channel).catch((error: unknown) => this.logger.error(`Subscribing to ${this.channel} failed: ${error instanceof Error ? error.message : String(error)}`));
      sub.on('message', (_channel: string, message: string) => {
        try {
          void this.local.publish(JSON.parse(message) as JobProgressEvent);
        } catch {
          // a malformed message on the channel is dropped (it names no job that could be logged)
          this.logger.warn(`A malformed progress message on ${this.channel} was dropped`);
        }
      });
    }
    return this.local.subscribe(listener);
  }

  async close(): Promise<void> {
    await this.local.close();
    await Promise.allSettled([this.publisher.quit(), this.subscriber?.quit()]);
  }
}

/**
 * Turns the bus into the async iterator a GraphQL subscription resolver returns, filtered to one job.
 * The iterator ends when the consumer stops (return()).
 */
export function jobEventIterator(
  bus: Pick<JobEventBus, 'subscribe'>,
  accept: (event: JobProgressEvent) => boolean,
): AsyncIterableIterator<JobProgressEvent> {
  const buffer: JobProgressEvent[] = [];
  const waiting: Array<(r: IteratorResult<JobProgressEvent>) => void> = [];
  let done = false;
  const unsubscribe = bus.subscribe((event) => {
    if (done || !accept(event)) return;
    const resolve = waiting.shift();
    if (resolve) resolve({ value: event, done: false });
    else buffer.push(event);
  });
  const finish = (): Promise<IteratorResult<JobProgressEvent>> => {
    if (!done) {
      done = true;
      unsubscribe();
      for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next() {
      if (buffer.length) return Promise.resolve({ value: buffer.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: finish,
    throw(error?: unknown) {
      void finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
