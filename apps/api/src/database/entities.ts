// Every TypeORM entity of the API, as classes. A feature module adds its entities here
// (append to the list) and its migrations to ./migrations/index.ts.
import { ApiKeyEntity } from '../modules/auth/api-key.entity.js';
import { AuthSessionEntity } from '../modules/auth/auth-session.entity.js';
import { CaseAssignmentEntity } from '../modules/cases/case-assignment.entity.js';
import { CaseNoteEntity } from '../modules/cases/case-note.entity.js';
import { CaseEntity } from '../modules/cases/case.entity.js';
import { PartyEntity } from '../modules/cases/party.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { JobEntity } from '../modules/jobs/job.entity.js';
import { AuditEntryEntity } from '../modules/audit/audit.entity.js';
import { DocumentEntity, DocumentMentionEntity, DocumentPageEntity } from '../modules/documents/document.entity.js';
import { DraftEntity, DraftVersionEntity } from '../modules/drafts/draft.entity.js';
import { SummaryEntity } from '../modules/summaries/summary.entity.js';

export const entities = [
  UserEntity,
  AuthSessionEntity,
  ApiKeyEntity,
  CaseEntity,
  PartyEntity,
  CaseAssignmentEntity,
  CaseNoteEntity,
  JobEntity,
  AuditEntryEntity,
  DocumentEntity,
  DocumentPageEntity,
  DocumentMentionEntity,
  SummaryEntity,
  DraftEntity,
  DraftVersionEntity,
];
