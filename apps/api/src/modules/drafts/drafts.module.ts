import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { CpuPoolModule } from '../cpu-pool/cpu-pool.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { SummariesModule } from '../summaries/summaries.module.js';
import { UsersModule } from '../users/users.module.js';
import { DraftExporter } from './draft.exporter.js';
import { DraftRenderer } from './draft.renderer.js';
import { DraftEntity, DraftVersionEntity } from './draft.entity.js';
import { DraftProcessor } from './draft.processor.js';
import { DraftsController } from './drafts.controller.js';
import { CaseDraftsResolver, DraftsResolver } from './drafts.resolver.js';
import { DraftsRepository } from './drafts.repository.js';
import { DraftsService } from './drafts.service.js';
import { templatesProvider } from './templates.provider.js';

/**
 * Drafting from versioned templates (@amicus/prompts), laid out as summaries are: templates loaded and
 * validated at boot from the shipped directory and AMICUS_TEMPLATES_DIR (templates.provider.ts);
 * DraftsService checks requests and queues `draft` jobs, edits and approves behind the signing gate;
 * DraftProcessor runs the jobs with DraftRenderer; DraftExporter writes DOCX/PDF of approved drafts;
 * DraftsRepository is the only one touching draft tables. Other modules' data comes through their services.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DraftEntity, DraftVersionEntity]), CasesModule, DocumentsModule, SummariesModule, JobsModule, UsersModule, CpuPoolModule],
  controllers: [DraftsController],
  providers: [templatesProvider, DraftsRepository, DraftRenderer, DraftExporter, DraftsService, DraftProcessor, DraftsResolver, CaseDraftsResolver],
  exports: [DraftsService],
})
export class DraftsModule {}
