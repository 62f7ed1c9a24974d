/** Injection token of the process's `JobQueue` (see job-queue.ts). */
export const JOB_QUEUE = Symbol('JOB_QUEUE');
