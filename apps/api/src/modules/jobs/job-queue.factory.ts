import { DataSource } from 'typeorm';
import { BullmqJobQueue } from './bullmq-job-queue.js';
import { DatabaseJobQueue } from './database-job-queue.js';
import { LocalJobEventBus, RedisJobEventBus } from './job-events.js';
import { BaseJobQueue } from './job-queue.base.js';
import { JobsConfig } from './jobs.config.js';
import { JobTypeRegistry } from './job-types.js';

/**
 * Picks the backend from config: BullMQ when a Redis URL is set, the database queue otherwise. The
 * queue accepts the application's job types (`JOB_TYPES`) unless given another registry.
 */
export function createJobQueue(dataSource: DataSource, config: JobsConfig, types: JobTypeRegistry = new JobTypeRegistry()): BaseJobQueue {
  if (config.backend === 'bullmq') {
    if (!config.redisUrl) throw new Error('The BullMQ job backend needs REDIS_URL');
    return new BullmqJobQueue(dataSource, config, new RedisJobEventBus(config.redisUrl, config.queueName), types);
  }
  return new DatabaseJobQueue(dataSource, config, new LocalJobEventBus(), types);
}
