// Cutting a document's text around a highlighted passage (UTF-16 offsets, as the API gives them).

export interface PassageParts {
  before: string;
  passage: string;
  after: string;
}

/** Splits `text` at `[start, end)`, clamped to the text; an empty or reversed span gives an empty passage. */
export function splitPassage(text: string, start: number, end: number): PassageParts {
  const s = Math.max(0, Math.min(text.length, Math.floor(start)));
  const e = Math.max(s, Math.min(text.length, Math.floor(end)));
  return { before: text.slice(0, s), passage: text.slice(s, e), after: text.slice(e) };
}
