import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/auth.decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { mapConnection } from '../../common/pagination/connection.js';
import { JobConnection, JobProgressType, JobsArgs, JobType, toJobProgressType, toJobType } from './dto/job.type.js';
import { JobProgressEvent } from './job-queue.js';
import { JobsService } from './jobs.service.js';

@Resolver(() => JobType)
export class JobsResolver {
  constructor(private readonly service: JobsService) {}

  @Query(() => JobType, { nullable: true, description: 'One job (poll it for progress); null when it does not exist or its case is not visible.' })
  async job(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'Job id.' }) id: string): Promise<JobType | null> {
    const job = await this.service.find(principal, id);
    return job ? toJobType(job) : null;
  }

  @Query(() => JobConnection, { description: 'Jobs of the cases the caller may see, newest first.' })
  async jobs(@CurrentPrincipal() principal: Principal, @Args() args: JobsArgs): Promise<JobConnection> {
    return mapConnection(await this.service.list(principal, args), toJobType);
  }

  @Mutation(() => JobType, { description: 'Cancels a job: a queued job at once, a running one at its next checkpoint.' })
  async cancelJob(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'Job id.' }) id: string): Promise<JobType> {
    return toJobType(await this.service.cancel(principal, id));
  }

  @Mutation(() => JobType, { description: 'Queues a failed or cancelled job again with a fresh attempt budget.' })
  async retryJob(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'Job id.' }) id: string): Promise<JobType> {
    return toJobType(await this.service.retry(principal, id));
  }

  @Subscription(() => JobProgressType, {
    description: 'Progress and state changes of one job, over graphql-ws.',
    resolve: (event: JobProgressEvent) => toJobProgressType(event),
  })
  async jobProgress(
    @CurrentPrincipal() principal: Principal,
    @Args('jobId', { type: () => ID, description: 'Job id.' }) jobId: string,
  ): Promise<AsyncIterableIterator<JobProgressEvent>> {
    return this.service.progressEvents(principal, jobId);
  }
}
