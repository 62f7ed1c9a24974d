import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { CasesModule } from '../cases/cases.module.js';
import { CpuPoolModule } from '../cpu-pool/cpu-pool.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { createBlobStore } from './blob-store.factory.js';
import { DocumentEntity, DocumentMentionEntity, DocumentPageEntity } from './document.entity.js';
import { DocumentExtractionProcessor } from './document-extraction.processor.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsRepository } from './documents.repository.js';
import { CaseDocumentsResolver, DocumentsResolver } from './documents.resolver.js';
import { DocumentsService } from './documents.service.js';
import { BLOB_STORE } from './documents.tokens.js';

/**
 * Court documents: upload (HTTP multipart) into the content-addressed blob store, text extraction
 * as an `extract` job, page texts and entities, download of the original. Exports `DocumentsService`
 * (see `caseTexts` / `caseTextsFor` / `documentText`) for summaries and drafting.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DocumentEntity, DocumentPageEntity, DocumentMentionEntity]), CasesModule, JobsModule, CpuPoolModule],
  controllers: [DocumentsController],
  providers: [
    {
      provide: BLOB_STORE,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const store = createBlobStore(config);
        // uploads cut off by a crash leave temporary files: removed at start-up
        const removed = await store.removeStaleUploads();
        if (removed.length > 0) new Logger('Documents').log(`Removed ${removed.length} temporary file(s) of interrupted uploads`);
        return store;
      },
    },
    DocumentsRepository,
    DocumentsService,
    DocumentExtractionProcessor,
    DocumentsResolver,
    CaseDocumentsResolver,
  ],
  exports: [DocumentsService, BLOB_STORE],
})
export class DocumentsModule {}
