import table from './data/reporters.json' with { type: 'json' };

/**
 * Law reporters known by their abbreviations, from Free Law Project's reporters-db (BSD-2-Clause; the
 * licence is kept beside the derived table in ./data, and scripts/reporters-table.mjs regenerates it).
 * About 1,200 US federal, regional, state, tax-court and specialty reporters, each with the spellings
 * courts write it in ("P.2d", "P. 2d", "P2d"; "N.Y.2d", "NY2d").
 */
export interface ReporterEdition {
  /** Canonical edition abbreviation ("P.2d"). */
  edition: string;
  /** The reporter's name ("Pacific Reporter"). */
  name: string;
  /** reporters-db's kind: federal, state, state_regional, specialty, neutral, … */
  citeType: string;
}

const editions = table.editions as unknown as Record<string, [string, string]>;
const spellings = table.spellings as Record<string, string>;

/** Spellings without their spaces ("F.Supp.2d"), as written with or without spaces between parts. */
const bySpelling = new Map<string, string>();
/** Spellings without spaces or periods ("FSupp2d", "NY2d"), for the no-period forms of dotted names. */
const byBareSpelling = new Map<string, string>();
for (const [spelling, edition] of Object.entries(spellings)) {
  const key = spelling.replace(/\s+/g, '');
  if (!bySpelling.has(key)) bySpelling.set(key, edition);
}
for (const [spelling, edition] of Object.entries(spellings)) {
  if (!spelling.includes('.')) continue;
  const bare = spelling.replace(/[\s.]+/g, '');
  // A bare form must be distinctive: three characters or more, or a series ("P2d"); never a word.
  if (bare.length < 3 || /^[A-Z]?[a-z]+$/.test(bare) || bySpelling.has(bare) || byBareSpelling.has(bare)) continue;
  byBareSpelling.set(bare, edition);
}

/** The reporter edition a written abbreviation names, or undefined. */
export function lookupReporter(written: string): ReporterEdition | undefined {
  const key = written.replace(/\s+/g, '');
  const edition = bySpelling.get(key) ?? (key.includes('.') ? undefined : byBareSpelling.get(key));
  if (edition === undefined) return undefined;
  const [name, citeType] = editions[edition] ?? [edition, 'unknown'];
  return { edition, name, citeType };
}

export interface ReporterCitation {
  start: number;
  end: number;
  volume: number;
  /** The abbreviation as written, whitespace normalised. */
  reporter: string;
  edition: ReporterEdition;
  page: number;
  /** The year from a parenthetical that follows ("(9th Cir. 1997)"), when present. */
  year?: number;
}

// The forms follow reporters-db's citation templates (regexes.json): a volume ("12", "71A", "93-1"), the
// reporter, optionally a year ("(1857)") or, for early reports, the nominative reporter ("(1 Wall.)"), or a
// paragraph marker ("¶", "P", "par."), then the page ("113", "1028A", "25,508").
const VOLUME = /(?<![\w.§\]/\-–,])(\d{1,4}(?:-\d{1,2})?A?)[ \t]+(?=[A-Z])/g;
// A reporter is written in up to six space-separated parts before the page.
const MAX_PARTS = 6;
const PART = /[A-Za-z0-9.'’&()-]+,?/y;
const INSERT = /(?:\((?:1[789]\d{2}|20\d{2}),?\)[ \t]|\(\d{1,3}[ \t][A-Z][A-Za-z.'’ ]{0,24}\)[ \t]|(?:¶|P|par\.|para\.)[ \t]?)?/y;
// A letter after the page ("1028A", "154b") but not a series ("2d", "3d" of "F. Supp. 3d").
const PAGE = /(\d{1,7}(?:,\d{3})*)(?:[A-Za-ce-z])?(?![\w-])/y;
// "(9th Cir. 1997)", "(S.D.N.Y. 2008)", "(1973)" right after the page.
const PARENTHETICAL = /[ \t]?\(((?:[A-Z0-9][A-Za-z0-9.']*[ \t]?){0,6}(\d{4}))\)/y;
// Format-neutral citations: "2000-NMSC-123", "2008-ND-12".
const FORMAT_NEUTRAL = /(?<![\w-])(1[789]\d{2}|20\d{2})-([A-Za-z][A-Za-z.]{1,10})-(\d{1,7})(?![\w-])/g;

/**
 * Citations whose reporter is in the reporters-db table: "410 U.S. 113", "672 P2d 231", "63 NY2d 582",
 * "123 T.C. 45", "550 F. Supp. 2d 100 (S.D.N.Y. 2008)", "66 Ky. (3 Bush) 456", "93-1 BCA ¶ 25,508",
 * "2000-NMSC-123". Matches do not overlap and are in document order.
 */
export function findReporterCitations(text: string): ReporterCitation[] {
  const out: ReporterCitation[] = [];
  VOLUME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VOLUME.exec(text)) !== null) {
    const found = reporterAndPage(text, m.index + m[0].length);
    if (!found) continue;
    const citation: ReporterCitation = { start: m.index, end: found.end, volume: parseInt(m[1], 10), reporter: found.reporter, edition: found.edition, page: found.page };
    PARENTHETICAL.lastIndex = found.end;
    const p = PARENTHETICAL.exec(text);
    if (p) {
      citation.end = found.end + p[0].length;
      citation.year = Number(p[2]);
    }
    out.push(citation);
    VOLUME.lastIndex = citation.end;
  }
  for (const n of text.matchAll(FORMAT_NEUTRAL)) {
    const edition = lookupReporter(n[2]);
    if (!edition) continue;
    const end = n.index + n[0].length;
    if (out.some((c) => c.start < end && n.index < c.end)) continue;
    out.push({ start: n.index, end, volume: Number(n[1]), reporter: n[2], edition, page: Number(n[3]), year: Number(n[1]) });
  }
  return out.sort((a, b) => a.start - b.start);
}

function reporterAndPage(text: string, at: number): { reporter: string; edition: ReporterEdition; page: number; end: number } | undefined {
  const parts: string[] = [];
  let pos = at;
  for (let i = 0; i < MAX_PARTS; i++) {
    PART.lastIndex = pos;
    const part = PART.exec(text);
    if (!part) return undefined;
    parts.push(part[0]);
    pos += part[0].length;
    // Parts are separated by one space; what follows the reporter is separated from it by one space.
    if (text[pos] !== ' ' && text[pos] !== '\t') return undefined;
    pos++;
    const written = parts.join(' ').replace(/,$/, '');
    const edition = lookupReporter(written);
    if (!edition) continue;
    INSERT.lastIndex = pos;
    const insert = INSERT.exec(text);
    PAGE.lastIndex = pos + (insert ? insert[0].length : 0);
    const page = PAGE.exec(text);
    if (page) return { reporter: written, edition, page: parseInt(page[1].replace(/,/g, ''), 10), end: PAGE.lastIndex };
  }
  return undefined;
}
