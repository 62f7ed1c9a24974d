/**
 * Whether a summary sentence is a fragment rather than a sentence a reader can use: a heading, a
 * speaker line, a bare citation, page furniture, or a sentence cut off in the middle. Written for
 * evaluation, from the surface of the sentence alone, and kept apart from the summarizer's own filter
 * (which works from the judgment's structure), so that the share it yields can expose that filter.
 */

export type FragmentKind = 'heading' | 'speaker' | 'citation' | 'furniture' | 'cut' | 'continuation';

/** Words ending a sentence that cannot end one: a title or connective means the text was cut after it. */
const DANGLING =
  /^(?:lord|lady|mr|mrs|ms|dr|sir|hon'?ble|v|vs|versus|and|or|of|the|a|an|by|under|see|per|no|nos|art|arts|s|ss|sec|cf|p|pp|vol)$/i;
/** A date cut at a full stop: "dated 9.3.", "on 12.". */
const CUT_NUMBER = /(?:\b\d{1,2}\.\d{1,2}\.|\bdated\s+\d{1,2}\.)$/i;
/** "LORD HODGE:", "LADY HALE (with whom ... agree)", "JUSTICE X:", "K. SUBBA RAO, J." */
const SPEAKER =
  /^(?:(?:LORD|Lord|LADY|Lady|MR|Mr|MRS|Mrs|MS|Ms|DAME|Dame|SIR|Sir)\s+(?:JUSTICE\s+|Justice\s+)?[A-Z][A-Za-z'-]+(?:\s+(?:of\s+[A-Z][A-Za-z'-]+|[A-Z][A-Za-z'-]+))*\s*[:.]?\s*(?:\([^)]*\))?\s*[:.]?|[A-Z][A-Z.\s'-]{2,60},?\s*(?:C\.?\s*J|J|JJ)\.?(?:\s*[:.])?)$/;
/** A case name or report citation standing alone. */
const CITATION_ONLY =
  /^(?:[\p{Lu}][\p{L}.&'()-]*(?:\s+(?:[\p{Lu}][\p{L}.&'()-]*|of|and|the|&|ors?\.?)){0,10}\s+(?:v|vs|versus)\.?\s+[\p{L}.&'()\s-]{1,80}|(?:\(\d{4}\)|\[\d{4}\])\s*\d*\s*[A-Z][A-Za-z.]*\s*\d+|\d{4}\s+(?:SCR|SCC|AIR|UKSC|UKHL|EWCA|AC|QB|WLR|All ER)[^a-z]{0,40})[.,;]?$/u;
/** Page numbers and running headers standing alone. */
const FURNITURE = /^(?:page\s+\d+(?:\s+of\s+\d+)?|-?\s*\d{1,4}\s*-?|\d{1,4}\s*\/\s*\d{1,4})$/i;
const TERMINAL = /[.?!:;।。！？]["'”’)\]]*$/u;

function letters(s: string): number {
  let n = 0;
  for (const ch of s) if (/\p{L}/u.test(ch)) n++;
  return n;
}

/**
 * The kind of fragment `sentence` is, or null for a usable sentence. `lowercaseDocument` tells that
 * the whole judgment is in lower case (some Indian reports), where a lowercase start is no sign of a cut.
 */
export function fragmentKind(sentence: string, lowercaseDocument = false): FragmentKind | null {
  const s = sentence.replace(/\s+/g, ' ').trim();
  if (s === '' || FURNITURE.test(s) || letters(s) < 3) return 'furniture';
  if (SPEAKER.test(s)) return 'speaker';
  if (CITATION_ONLY.test(s)) return 'citation';
  if (!TERMINAL.test(s)) return 'heading';
  const body = s.replace(/["'”’)\]]+$/u, '');
  if (body.endsWith('.') && (DANGLING.test(body.slice(0, -1).split(' ').pop() ?? '') || CUT_NUMBER.test(body))) return 'cut';
  if (!lowercaseDocument && /^[a-z]/.test(s)) return 'continuation';
  return null;
}

/** True when the document's letters are (almost) all lower case. */
export function isLowercaseDocument(text: string): boolean {
  let upper = 0;
  let lower = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return lower > 0 && upper / (upper + lower) < 0.01;
}
