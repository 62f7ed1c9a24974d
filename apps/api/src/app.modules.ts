// The feature modules of the API. A new feature (documents, jobs, summaries, drafts, audit …)
// lives in src/modules/<feature>/ and is appended here; its entities go to
// src/database/entities.ts and its migrations to src/database/migrations/index.ts.
import { AuditLogModule } from './modules/audit/audit-log.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AccessEventsModule } from './modules/auth/access-events.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CasesModule } from './modules/cases/cases.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { JobsModule } from './modules/jobs/jobs.module.js';
import { LoadMetricsModule } from './modules/load-metrics/load-metrics.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';
import { DraftsModule } from './modules/drafts/drafts.module.js';
import { SummariesModule } from './modules/summaries/summaries.module.js';
import { UsersModule } from './modules/users/users.module.js';

export const featureModules = [AccessEventsModule, UsersModule, AuthModule, CasesModule, HealthModule, MetricsModule, AuditModule, AuditLogModule, JobsModule, DocumentsModule, SummariesModule, DraftsModule, LoadMetricsModule];
