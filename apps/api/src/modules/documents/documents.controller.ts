import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { CurrentPrincipal } from '../../common/auth/auth.decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { DocumentsService, safeFileName } from './documents.service.js';
import { toDocumentJson } from './dto/document.json.js';
import { UploadExceptionFilter } from './upload-exception.filter.js';

/**
 * HTTP routes for document files (GraphQL carries everything else):
 * - `POST /api/cases/:id/documents` — multipart/form-data upload (fields `title`, `kind`,
 *   `filedDate`; one file), streamed into the store; 201 with the document.
 * - `GET /api/documents/:id/content` — the original bytes, streamed.
 * Both need a bearer token and apply the case-access policy: a case or document the caller may not
 * see answers 404 exactly as a missing one.
 */
@Controller('api')
@UseFilters(UploadExceptionFilter)
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('cases/:id/documents')
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Param('id') caseId: string,
    @Req() req: IncomingMessage,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const document = await this.documents.upload(principal, caseId, req);
    res.statusCode = 201;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('location', `/api/documents/${document.id}/content`);
    res.end(JSON.stringify({ document: toDocumentJson(document) }));
  }

  @Get('documents/:id/content')
  async content(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Res() res: ServerResponse): Promise<void> {
    const { document, stream } = await this.documents.openContent(principal, id);
    res.statusCode = 200;
    res.setHeader('content-type', document.mediaType);
    res.setHeader('content-length', String(document.bytes));
    res.setHeader('content-disposition', contentDisposition(safeFileName(document.originalName)));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('etag', `"${document.sha256}"`);
    res.setHeader('cache-control', 'private, no-store');
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 8187). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
