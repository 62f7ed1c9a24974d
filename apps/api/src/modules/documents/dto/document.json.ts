import type { DocumentEntity } from '../document.entity.js';
import { toDocumentType, type DocumentType } from './document.type.js';

/** The JSON body of the upload route: the GraphQL `Document` fields, by value, with the time as ISO 8601. */
export type DocumentJson = Omit<DocumentType, 'createdAt'> & { createdAt: string };

export function toDocumentJson(d: DocumentEntity): DocumentJson {
  const document = toDocumentType(d);
  return { ...document, createdAt: document.createdAt.toISOString() };
}
