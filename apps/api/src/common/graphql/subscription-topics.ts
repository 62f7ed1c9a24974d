import type { JobProgressEvent } from '../../modules/jobs/job-queue.js';

/**
 * Every subscription topic of the API and the payload it carries. Publishers and resolvers use
 * these names only; a Redis channel for a topic is `<prefix>:<topic>`.
 */
export const SUBSCRIPTION_TOPICS = {
  jobProgress: 'job-progress',
} as const;

export type SubscriptionTopic = (typeof SUBSCRIPTION_TOPICS)[keyof typeof SUBSCRIPTION_TOPICS];

export interface SubscriptionPayloads {
  'job-progress': JobProgressEvent;
}
