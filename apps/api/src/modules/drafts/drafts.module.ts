import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { CpuPoolModule } from '../cpu-pool/cpu-pool.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { SummariesModule } from '../summaries/summaries.module.js';
import { DraftEntity, DraftVersionEntity } from './draft.entity.js';
import { DraftProcessor } from './draft.processor.js';
import { DraftsController } from './drafts.controller.js';
import { CaseDraftsResolver, DraftsResolver } from './drafts.resolver.js';
import { DraftsService } from './drafts.service.js';
import { templatesProvider } from './templates.provider.js';

/**
 * Drafting from versioned templates (@amicus/prompts): templates loaded and validated at boot from
 * the shipped directory and AMICUS_TEMPLATES_DIR, drafts made by `draft` jobs, with versions, approval behind the signing
 * gate, DOCX/PDF export of approved drafts.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DraftEntity, DraftVersionEntity]), CasesModule, DocumentsModule, SummariesModule, JobsModule, CpuPoolModule],
  controllers: [DraftsController],
  providers: [templatesProvider, DraftsService, DraftProcessor, DraftsResolver, CaseDraftsResolver],
  exports: [DraftsService],
})
export class DraftsModule {}
