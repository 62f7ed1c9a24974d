/** A page of an extracted document: its number and the offset where its text starts. */
export interface PageStart {
  number: number;
  start: number;
}

/** Number of the page whose text contains `offset` (the last page starting at or before it). */
export function pageAt(pages: readonly PageStart[], offset: number): number {
  let found = pages[0]?.number ?? 1;
  for (const p of pages) {
    if (p.start <= offset) found = p.number;
    else break;
  }
  return found;
}

/**
 * Page lookup over several documents (for source spans of a brief or a summary): the page of an
 * offset in a document, or null for a span without a document or a document without pages.
 */
export function pageLookup(documents: ReadonlyArray<{ documentId: string; pages: readonly PageStart[] | null }>) {
  const pagesOf = new Map(documents.map((d) => [d.documentId, d.pages]));
  return (documentId: string | undefined | null, offset: number): number | null => {
    const pages = documentId ? pagesOf.get(documentId) : undefined;
    return pages && pages.length > 0 ? pageAt(pages, offset) : null;
  };
}
