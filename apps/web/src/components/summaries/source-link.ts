// What a source link opens: a passage of one document's extracted text.
export interface SourcePassage {
  documentId: string;
  start: number;
  end: number;
  /** What the link is for, such as "Summary sentence 3". */
  label: string;
}
