import { Inject, Injectable } from '@nestjs/common';
import type { Draft } from '@amicus/prompts';
import type { Principal } from '../../common/auth/principal.js';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { CasesService } from '../cases/cases.service.js';
import { CpuPool } from '../cpu-pool/cpu-pool.service.js';
import { UsersService } from '../users/users.service.js';
import { sha256Text } from './draft-content.js';
import { DraftEntity, DraftStatus } from './draft.entity.js';
import { DraftsRepository } from './drafts.repository.js';
import { DraftErrorReason, DraftException, draftNotFound } from './drafts.exception.js';

export type ExportFormat = 'docx' | 'pdf';

const MEDIA_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export interface ExportedDraft {
  draft: DraftEntity;
  bytes: Buffer;
  mediaType: string;
  fileName: string;
}

/** Approved drafts as DOCX or PDF files with the disclosure line; every export recorded in the ledger. */
@Injectable()
export class DraftExporter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: DraftsRepository,
    private readonly cases: CasesService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly cpu: CpuPool,
  ) {}

  /** `d` is a draft the caller may see (checked by the caller). */
  async export(principal: Principal, d: DraftEntity, format: ExportFormat): Promise<ExportedDraft> {
    if (d.status !== DraftStatus.APPROVED || d.approvedVersion === null) {
      throw new DraftException(DraftErrorReason.DRAFT_NOT_APPROVED, 'Only an approved draft can be exported');
    }
    const version = await this.repo.version(d.id, d.approvedVersion);
    const c = await this.cases.findById(d.caseId);
    if (!c) throw draftNotFound();
    const approver = d.approvedBy ? await this.users.findById(d.approvedBy) : null;
    const draft = JSON.parse(version.content) as Draft;
    const options = {
      court: c.court,
      caseNumber: c.docketNumber,
      ...(approver ? { author: approver.displayName } : {}),
      ...(this.config.disclosureText ? { disclosure: this.config.disclosureText } : {}),
    };
    const file = await this.cpu.run('exportDraft', { draft, format, options });
    const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    await this.audit.record({
      action: AuditAction.Export,
      actor: { id: principal.userId, role: principal.role },
      caseId: d.caseId,
      details: { draftId: d.id, version: d.approvedVersion, format, bytes: bytes.byteLength },
      inputHashes: [version.sha256],
      outputHash: sha256Text(bytes),
      template: { id: d.templateId, version: d.templateVersion },
    });
    const base = `${c.docketNumber}-${d.templateId}-v${d.approvedVersion}`.replace(/[^A-Za-z0-9._-]+/g, '_');
    return { draft: d, bytes, mediaType: MEDIA_TYPES[format], fileName: `${base}.${format}` };
  }
}
