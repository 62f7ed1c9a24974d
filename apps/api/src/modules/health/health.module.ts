import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { SummariesModule } from '../summaries/summaries.module.js';
import { HealthController } from './health.controller.js';
import { StatusResolver } from './status.resolver.js';

@Module({ imports: [JobsModule, SummariesModule], controllers: [HealthController], providers: [StatusResolver] })
export class HealthModule {}
