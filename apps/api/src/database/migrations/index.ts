// Every migration of the API, oldest first. Append new ones; never edit one that has landed.
// Write them with the QueryRunner Table API and the helpers in ../migration-columns.ts so
// one migration runs on SQLite and PostgreSQL alike.
import { InitialSchema1764478800000 } from './1764478800000-initial-schema.js';
import { CreateJobs1764480000000 } from '../../modules/jobs/migrations/1764480000000-create-jobs.js';
import { CreateAuditLog1764480060000 } from '../../modules/audit/migrations/1764480060000-create-audit-log.js';
import { CreateDocuments1764480120000 } from '../../modules/documents/migrations/1764480120000-create-documents.js';
import { CreateSummaries1764480180000 } from '../../modules/summaries/migrations/1764480180000-create-summaries.js';
import { CreateDrafts1764480240000 } from '../../modules/drafts/migrations/1764480240000-create-drafts.js';
import { AddDraftJobId1764480300000 } from '../../modules/drafts/migrations/1764480300000-add-draft-job-id.js';
import { AddUserPreferences1764480360000 } from '../../modules/users/migrations/1764480360000-add-user-preferences.js';
import { AddCaseListIndexes1764480420000 } from '../../modules/cases/migrations/1764480420000-add-case-list-indexes.js';
import { AddAuditKeyId1765100000000 } from '../../modules/audit/migrations/1765100000000-add-audit-key-id.js';
import { AddCaseDocketKey1765100060000 } from '../../modules/cases/migrations/1765100060000-add-case-docket-key.js';
import { AddJobRequestId1765100120000 } from '../../modules/jobs/migrations/1765100120000-add-job-request-id.js';

export const migrations = [InitialSchema1764478800000, CreateJobs1764480000000, CreateAuditLog1764480060000, CreateDocuments1764480120000, CreateSummaries1764480180000, CreateDrafts1764480240000, AddDraftJobId1764480300000, AddUserPreferences1764480360000, AddCaseListIndexes1764480420000, AddAuditKeyId1765100000000, AddCaseDocketKey1765100060000, AddJobRequestId1765100120000];
