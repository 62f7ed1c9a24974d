import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { CpuPoolModule } from '../cpu-pool/cpu-pool.module.js';
import { DocumentEntity } from '../documents/document.entity.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { ModelProvider } from './model.provider.js';
import { SummarizeProcessor } from './summarize.processor.js';
import { CaseSummariesResolver, SummariesResolver } from './summaries.resolver.js';
import { SummariesService } from './summaries.service.js';
import { SummaryEntity } from './summary.entity.js';

/**
 * Case and document summaries: the `summarize` job runs the model (one load per process, see
 * `ModelProvider`) and stores versioned summaries with source spans and the brief. Exports
 * `SummariesService` (drafting reads the latest summary) and `ModelProvider`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SummaryEntity, DocumentEntity]), CasesModule, DocumentsModule, JobsModule, CpuPoolModule],
  providers: [ModelProvider, SummarizeProcessor, SummariesService, SummariesResolver, CaseSummariesResolver],
  exports: [SummariesService, ModelProvider],
})
export class SummariesModule {}
