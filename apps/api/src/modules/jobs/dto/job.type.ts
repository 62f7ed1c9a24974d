import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ConnectionType, PageArgs } from '../../../common/pagination/connection.js';
import { JobProgressEvent, JobRecord } from '../job-queue.js';
import { JobState } from '../job-state.js';
import { typedJobResult } from '../job-types.js';

registerEnumType(JobState, {
  name: 'JobState',
  description: 'Lifecycle of a background job.',
  valuesMap: {
    QUEUED: { description: 'Waiting for a worker (possibly until a retry delay has passed).' },
    RUNNING: { description: 'A worker is running it.' },
    SUCCEEDED: { description: 'Finished; `result` holds its output.' },
    FAILED: { description: 'Gave up after its last attempt; see `errorCode` and `errorMessage`.' },
    CANCELLED: { description: 'Cancelled before it finished.' },
  },
});

@ObjectType('Job', { description: 'A background job (extraction, summarization, drafting …) and its progress.' })
export class JobType {
  @Field(() => ID, { description: 'Job id.' })
  id: string;

  @Field({ description: 'Job type, such as `summarize`.' })
  type: string;

  @Field(() => ID, { nullable: true, description: 'Case the job works on.' })
  caseId: string | null;

  @Field(() => JobState, { description: 'Current state.' })
  state: JobState;

  @Field(() => Int, { description: 'Progress from 0 to 100.' })
  progress: number;

  @Field(() => String, { nullable: true, description: 'Name of the current stage, such as `extracting` or `scoring`.' })
  stage: string | null;

  @Field(() => Int, { description: 'Queue priority; lower runs first (1 urgent, 5 normal, 10 bulk).' })
  priority: number;

  @Field(() => Int, { description: 'Attempts started so far.' })
  attempts: number;

  @Field(() => Int, { description: 'Attempts allowed before the job fails.' })
  maxAttempts: number;

  @Field({ description: 'Whether cancellation was requested while the job was running.' })
  cancelRequested: boolean;

  @Field(() => String, { nullable: true, description: 'JSON text of the job’s output, once it succeeded, shaped by its job type’s result schema.' })
  result: string | null;

  @Field(() => String, { nullable: true, description: 'Stable code of the last failure.' })
  errorCode: string | null;

  @Field(() => String, { nullable: true, description: 'Message of the last failure.' })
  errorMessage: string | null;

  @Field(() => ID, { nullable: true, description: 'User who requested the job.' })
  createdBy: string | null;

  @Field({ description: 'When the job was queued.' })
  createdAt: Date;

  @Field({ description: 'Earliest time the job (or its next attempt) may start.' })
  runAfter: Date;

  @Field(() => Date, { nullable: true, description: 'When the current or last attempt started.' })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the job reached a final state.' })
  finishedAt: Date | null;
}

export function toJobType(job: JobRecord): JobType {
  return {
    id: job.id,
    type: job.type,
    caseId: job.caseId,
    state: job.state,
    progress: job.progress,
    stage: job.stage,
    priority: job.priority,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    cancelRequested: job.cancelRequested,
    result: job.result === null || job.result === undefined ? null : JSON.stringify(typedJobResult(job.type, job.result)),
    errorCode: job.errorCode,
    errorMessage: job.errorMessage,
    createdBy: job.createdBy,
    createdAt: job.createdAt,
    runAfter: job.runAfter,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

@ObjectType({ description: 'A page of jobs, newest first.' })
export class JobConnection extends ConnectionType(JobType, 'Job') {}

@ArgsType()
export class JobsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only jobs of this case.' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @Field(() => JobState, { nullable: true, description: 'Only jobs in this state.' })
  @IsOptional()
  @IsEnum(JobState)
  state?: JobState;
}

@ObjectType('JobProgress', { description: 'A progress or state change of a job.' })
export class JobProgressType {
  @Field(() => ID, { description: 'Job id.' })
  jobId: string;

  @Field({ description: 'Job type.' })
  type: string;

  @Field(() => JobState, { description: 'State after the change.' })
  state: JobState;

  @Field(() => Int, { description: 'Progress from 0 to 100.' })
  progress: number;

  @Field(() => String, { nullable: true, description: 'Current stage name.' })
  stage: string | null;

  @Field(() => String, { nullable: true, description: 'Failure code, for a failed or retried attempt.' })
  errorCode: string | null;

  @Field({ description: 'When the change happened.' })
  at: Date;
}

export function toJobProgressType(e: JobProgressEvent): JobProgressType {
  return { jobId: e.jobId, type: e.type, state: e.state, progress: e.progress, stage: e.stage, errorCode: e.errorCode, at: new Date(e.at) };
}
