import { DataSource } from 'typeorm';
import { BullmqJobQueue } from './bullmq-job-queue.js';
import { DatabaseJobQueue } from './database-job-queue.js';
import { LocalJobEventBus, RedisJobEventBus } from './job-events.js';
import { BaseJobQueue } from './job-queue.base.js';
import { JobsConfig } from './jobs.config.js';

/** Picks the backend from config: BullMQ when a Redis URL is set, the database queue otherwise. */
export function createJobQueue(dataSource: DataSource, config: JobsConfig): BaseJobQueue {
  if (config.backend === 'bullmq') {
    if (!config.redisUrl) throw new Error('The BullMQ job backend needs REDIS_URL');
    return new BullmqJobQueue(dataSource, config, new RedisJobEventBus(config.redisUrl, config.queueName));
  }
  return new DatabaseJobQueue(dataSource, config, new LocalJobEventBus());
}
