import { extractEntities, type CitationForm, type Entity } from '@amicus/legal-nlp';

/** A full case citation found in text. Two citations of the same report have the same `key`, however written. */
export interface Citation {
  text: string;
  start: number;
  end: number;
  form: Exclude<CitationForm, 'short' | 'case_name'>;
  key: string;
}

/** Text reduced to lower-case letters and digits, so spacing and punctuation do not matter. */
export function citationKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The identity of a citation: year, volume, reporter and first page where the extractor found them. A US
 * reporter citation leaves out the year, which sits in an optional parenthetical ("410 U.S. 113 (1973)").
 */
function identity(e: Entity): string {
  if (e.reporter === undefined || e.page === undefined) return citationKey(e.text);
  const year = e.form === 'us_reporter' ? '' : (e.year ?? '');
  return `${year}|${e.volume ?? ''}|${citationKey(e.reporter)}|${e.page}`;
}

/**
 * Full case citations in text, from the shared entity extractor of @amicus/legal-nlp: neutral citations
 * ([2018] UKSC 4), law reports ([1932] AC 562, (1973) 4 SCC 225), Indian reports (AIR 1973 SC 1461,
 * 2019 SCC OnLine SC 123) and US reporters (410 U.S. 113). Short forms (Id., ibid, supra) are left out: they
 * point back at a full citation that is checked itself. So are authorities named without a citation ("Edgar v
 * Edgar"): a name alone gives nothing to check against the record.
 */
export function extractCitations(text: string): Citation[] {
  const out: Citation[] = [];
  for (const e of extractEntities(text)) {
    if (e.type !== 'case_citation' || e.form === undefined || e.form === 'short' || e.form === 'case_name') continue;
    out.push({ text: e.text, start: e.start, end: e.end, form: e.form, key: identity(e) });
  }
  return out;
}
