import type { ServerResponse } from 'node:http';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { CurrentPrincipal } from '../../common/auth/auth.decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { contentDisposition } from '../documents/documents.controller.js';
import type { ExportFormat } from './draft.exporter.js';
import { DraftsService } from './drafts.service.js';

/**
 * Export of approved drafts:
 * - `GET /api/drafts/:id/export.docx` — Word document;
 * - `GET /api/drafts/:id/export.pdf` — PDF.
 * Both need a bearer token and apply the case-access policy (a draft of an invisible case answers
 * 404 as a missing one); a draft not yet approved answers 409 (CONFLICT). The file ends with the
 * disclosure line (AMICUS_DISCLOSURE_TEXT) naming the machine-assisted sections. Each export is
 * recorded in the ledger with the file's sha256.
 */
@Controller('api/drafts')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Get(':id/export.docx')
  docx(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Res() res: ServerResponse): Promise<void> {
    return this.send(principal, id, 'docx', res);
  }

  @Get(':id/export.pdf')
  pdf(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Res() res: ServerResponse): Promise<void> {
    return this.send(principal, id, 'pdf', res);
  }

  private async send(principal: Principal, id: string, format: ExportFormat, res: ServerResponse): Promise<void> {
    const file = await this.drafts.export(principal, id, format);
    res.statusCode = 200;
    res.setHeader('content-type', file.mediaType);
    res.setHeader('content-length', String(file.bytes.byteLength));
    res.setHeader('content-disposition', contentDisposition(file.fileName));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, no-store');
    res.end(file.bytes);
  }
}
