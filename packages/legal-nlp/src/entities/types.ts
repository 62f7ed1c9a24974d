export const ENTITY_TYPES = ['case_citation', 'statute', 'party', 'judge', 'date', 'money', 'case_number', 'court'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Kinds of case citation. */
export type CitationForm =
  | 'neutral' // [2011] UKSC 12, [2006] FCA 1
  | 'law_report' // [1984] 1 WLR 904, (2005) 220 ALR 1, (2019) 3 SCC 123
  | 'indian' // AIR 1973 SC 1461, ILR 45 Bom 1
  | 'us_reporter' // 410 U.S. 113, 123 F.3d 456
  | 'case_name' // an authority cited by name alone: "Yunus Shaikh vs The State", "Edgar v Edgar"
  | 'short'; // Id., ibid, supra

export interface SourceRef {
  start: number;
  end: number;
  text: string;
}

export interface Entity {
  type: EntityType;
  /** Exactly `source.slice(start, end)`. */
  text: string;
  /** UTF-16 offsets into the text given to `extractEntities`. */
  start: number;
  end: number;
  /** A canonical form: ISO 8601 for dates, "INR 621764" for money, whitespace-normalised citations, etc. */
  normalized?: string;
  /** case_citation: which kind of citation. */
  form?: CitationForm;
  /** case_citation: the case name written just before the citation ("Roe v. Wade"), when present. */
  caseName?: string;
  /** case_citation: year, volume, reporter (or court code) and first page when the citation has them. */
  year?: number;
  volume?: number;
  reporter?: string;
  page?: number;
  /** Short forms (Id., ibid, supra): the full citation they point back to, when it can be found. */
  resolvesTo?: SourceRef & { normalized?: string };
  /** money: ISO 4217 currency code and amount. */
  currency?: string;
  amount?: number;
  /** party: role from the title or a label (appellant, respondent, petitioner, plaintiff, ...). */
  role?: string;
  /**
   * statute: the instrument's full name ("Housing Act 1996") when the mention names it, or when the text
   * defines its short form ("the 1996 Act", "the Act") or names one instrument it can only mean; absent
   * when that cannot be told.
   */
  instrument?: string;
  /** statute: the provision cited ("section 63(7)", "Part VII", "Article 226"), when there is one. */
  provision?: string;
  /** judge: the names without titles ("Lord Hope" -> "Hope", "Gummow, Hayne and Heydon JJ" -> three names). */
  names?: string[];
}
