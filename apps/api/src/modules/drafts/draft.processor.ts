import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue.js';
import { JOB_QUEUE } from '../jobs/job-queue.token.js';
import { DRAFT_JOB, DraftJobPayload, DraftJobResult, DraftsService } from './drafts.service.js';

/** Runs `draft` jobs in any worker: `DraftsService.generate` renders and stores the draft once per job. */
@Injectable()
export class DraftProcessor implements OnModuleInit {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly drafts: DraftsService,
  ) {}

  onModuleInit(): void {
    this.queue.registerHandler<DraftJobPayload, DraftJobResult>(DRAFT_JOB, (job) => this.drafts.generate(job));
  }
}
