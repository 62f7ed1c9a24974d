/** Lifecycle of a durable job. `queued` and `running` are live; the other three are final. */
export enum JobState {
  Queued = 'queued',
  Running = 'running',
  Succeeded = 'succeeded',
  Failed = 'failed',
  Cancelled = 'cancelled',
}

export const FINAL_JOB_STATES: readonly JobState[] = [JobState.Succeeded, JobState.Failed, JobState.Cancelled];

/**
 * Queue priority: a lower number runs first. A judge's request goes before the bulk backlog of a
 * case-management system.
 */
export enum JobPriority {
  Urgent = 1,
  Normal = 5,
  Bulk = 10,
}

/** Priority for a request made by a user of the given role (lower-case role names, as stored). */
export function priorityForRole(role: string | null | undefined): JobPriority {
  switch ((role ?? '').toLowerCase()) {
    case 'judge':
      return JobPriority.Urgent;
    case 'admin':
    case 'clerk':
      return JobPriority.Normal;
    default:
      return JobPriority.Bulk;
  }
}
