import type { DocumentEntity } from '../document.entity.js';

/** The JSON body of the upload route: the document's metadata (the GraphQL `Document` fields, by value). */
export interface DocumentJson {
  id: string;
  caseId: string;
  title: string;
  kind: string;
  filedDate: string | null;
  sha256: string;
  bytes: number;
  mediaType: string;
  originalName: string;
  pages: number | null;
  ocr: boolean;
  extractionStatus: string;
  extractionError: string | null;
  jobId: string | null;
  uploadedBy: string;
  createdAt: string;
}

export function toDocumentJson(d: DocumentEntity): DocumentJson {
  return {
    id: d.id,
    caseId: d.caseId,
    title: d.title,
    kind: d.kind,
    filedDate: d.filedDate,
    sha256: d.sha256,
    bytes: d.bytes,
    mediaType: d.mediaType,
    originalName: d.originalName,
    pages: d.pages,
    ocr: d.ocr,
    extractionStatus: d.extractionStatus,
    extractionError: d.extractionError,
    jobId: d.jobId,
    uploadedBy: d.uploadedBy,
    createdAt: d.createdAt.toISOString(),
  };
}
