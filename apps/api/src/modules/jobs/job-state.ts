/** Lifecycle of a durable job. `queued` and `running` are live; the other three are final. */
export enum JobState {
  QUEUED = 'queued',
  RUNNING = 'running',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
  CANCELLED = 'cancelled',
}

export const FINAL_JOB_STATES: readonly JobState[] = [JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED];

/**
 * Queue priority: a lower number runs first. A judge's request goes before the bulk backlog of a
 * case-management system.
 */
export enum JobPriority {
  URGENT = 1,
  NORMAL = 5,
  BULK = 10,
}

/** Priority for a request made by a user of the given role (lower-case role names, as stored). */
export function priorityForRole(role: string | null | undefined): JobPriority {
  switch ((role ?? '').toLowerCase()) {
    case 'judge':
      return JobPriority.URGENT;
    case 'admin':
    case 'clerk':
      return JobPriority.NORMAL;
    default:
      return JobPriority.BULK;
  }
}
