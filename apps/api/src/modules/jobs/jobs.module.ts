import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthModule } from '../auth/auth.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { JobState } from './job-state.js';
import { createJobQueue } from './job-queue.factory.js';
import { JobQueue } from './job-queue.js';
import { JOB_QUEUE } from './job-queue.token.js';
import { JobsResolver } from './jobs.resolver.js';
import { JobsService } from './jobs.service.js';

const FINAL_ACTIONS: Partial<Record<JobState, AuditAction>> = {
  [JobState.SUCCEEDED]: AuditAction.JobSucceeded,
  [JobState.FAILED]: AuditAction.JobFailed,
  [JobState.CANCELLED]: AuditAction.JobCancelled,
};

/**
 * Durable jobs. Feature modules import this module, inject `JOB_QUEUE` and register their handlers
 * in `onModuleInit`; the worker starts once the application has bootstrapped (so every handler is
 * registered) when this process runs one (`--role worker` or the embedded all-in-one process).
 */
@Module({
  imports: [CasesModule, AuthModule],
  providers: [
    {
      provide: JOB_QUEUE,
      inject: [DataSource, APP_CONFIG],
      useFactory: (dataSource: DataSource, config: AppConfig) => createJobQueue(dataSource, config.jobs),
    },
    JobsService,
    JobsResolver,
  ],
  exports: [JOB_QUEUE, JobsService],
})
export class JobsModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    // the process that finishes a job records it in the ledger, once
    this.queue.onLocalTransition((event) => {
      const action = FINAL_ACTIONS[event.state];
      if (!action || (event.state === JobState.CANCELLED && event.errorCode !== 'JOB_CANCELLED')) return;
      void this.audit
        .record({ action, caseId: event.caseId, details: { jobId: event.jobId, type: event.type, errorCode: event.errorCode } })
        .catch((error: unknown) => this.logger.error(`Job ${event.jobId}: the ledger entry ${action} was not written: ${error instanceof Error ? error.message : String(error)}`));
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }
}
