/** A case citation found in text. `key` identifies it regardless of spacing, punctuation and case. */
export interface Citation {
  text: string;
  start: number;
  end: number;
  kind: 'uk-neutral' | 'law-report' | 'us-reporter' | 'in-air' | 'in-scc';
  key: string;
}

const YEAR = '(?:1[6-9]|20)\\d{2}';
const UK_COURTS =
  'UKSC|UKPC|UKHL|UKUT|UKFTT|UKEAT|EWCA\\s+(?:Civ|Crim)|EWHC|EWFC|EWCOP|CSIH|CSOH|HCJAC|NICA|NIQB|NICh|IESC|IECA|IEHC|HCA|FCAFC|FCA|NSWCA|NSWSC|VSCA|NZSC|NZCA|SGCA|SGHC|ZACC|ZASCA|CCJ';
const UK_DIVISIONS = 'Ch|QB|KB|Fam|Admin|Comm|TCC|Pat|IPEC|Costs|Admlty|SCCO|Mercantile';
const REPORTS = [
  'AC', 'QB', 'KB', 'Ch', 'Fam', 'P', 'WLR', 'All\\s?ER(?:\\s?\\(Comm\\)|\\s?\\(D\\))?', "Lloyd's\\s+Rep", 'Cr\\s?App\\s?R(?:\\s?\\(S\\))?',
  'BCLC', 'BCC', 'ICR', 'IRLR', 'EMLR', 'FLR', 'FSR', 'RPC', 'EHRR', 'HLR', 'P\\s?&\\s?CR', 'EG', 'Costs\\s?LR', 'Med\\s?LR',
  'CLR', 'ALR', 'ALJR', 'NZLR', 'SCR', 'DLR(?:\\s?\\(\\d(?:st|nd|rd|th)\\))?', 'SLR', 'SC', 'SLT', 'NI', 'IR', 'TLR', 'LT', 'App\\s?Cas', 'Ex', 'HL\\s?Cas',
];
const US_REPORTERS = [
  'U\\.\\s?S\\.', 'S\\.\\s?Ct\\.', 'L\\.\\s?Ed\\.(?:\\s?2d)?', 'F\\.(?:\\s?(?:2d|3d|4th))?', 'F\\.\\s?Supp\\.(?:\\s?(?:2d|3d))?', "F\\.\\s?App'x",
  'B\\.R\\.', '(?:A|P|N\\.E|N\\.W|S\\.E|S\\.W|So)\\.(?:\\s?(?:2d|3d|4th))?', 'Cal\\.\\s?Rptr\\.(?:\\s?(?:2d|3d))?', 'N\\.Y\\.S\\.(?:\\s?(?:2d|3d))?',
  'Cal\\.(?:\\s?(?:2d|3d|4th|5th))?', 'N\\.Y\\.(?:\\s?(?:2d|3d))?', 'Ill\\.(?:\\s?2d)?',
];

const PATTERNS: Array<{ kind: Citation['kind']; re: RegExp }> = [
  {
    kind: 'uk-neutral',
    re: new RegExp(`\\[${YEAR}\\]\\s+(?:${UK_COURTS})\\s+\\d{1,5}(?:\\s*\\((?:${UK_DIVISIONS})\\))?`, 'g'),
  },
  {
    kind: 'law-report',
    re: new RegExp(
      `[[(]${YEAR}[\\])]\\s+(?:\\d{1,3}\\s+)?(?:${REPORTS.join('|')})(?:\\s?\\((?:HL|PC|J)\\))?\\s+\\d{1,5}(?![\\d/])` +
        `|\\(${YEAR}\\)\\s+LR\\s+\\d{1,2}\\s+(?:Ex|QB|CP|HL|PC|Eq|Ch\\s?App|Ch\\s?D|QBD|App\\s?Cas|Sc\\s?&\\s?Div)\\s+\\d{1,5}(?!\\d)`,
      'g',
    ),
  },
  {
    kind: 'us-reporter',
    re: new RegExp(`(?<![\\w.])\\d{1,4}\\s+(?:${US_REPORTERS.join('|')})\\s+\\d{1,5}(?!\\d)`, 'g'),
  },
  { kind: 'in-air', re: new RegExp(`\\bAIR\\s+${YEAR}\\s+(?:SC|[A-Z][A-Za-z]{1,12}(?:\\s+[A-Z][A-Za-z]{1,12})?)\\s+\\d{1,5}\\b`, 'g') },
  {
    kind: 'in-scc',
    re: new RegExp(
      `\\(${YEAR}\\)\\s+\\d{1,2}\\s+SCC\\s+\\d{1,5}\\b|\\b${YEAR}\\s+\\(\\d{1,2}\\)\\s+SCC\\s+\\d{1,5}\\b|\\b${YEAR}\\s+SCC\\s+OnLine\\s+[A-Z][A-Za-z]*\\s+\\d{1,6}\\b|\\[${YEAR}\\]\\s+\\d{0,2}\\s*(?:Supp\\s+)?SCR\\s+\\d{1,5}\\b`,
      'g',
    ),
  },
];

/** Normalized identity of a citation: lower case, letters and digits only. */
export function citationKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Finds case citations: UK and Commonwealth neutral citations ([2019] UKSC 12), law reports ([1932] AC 562,
 * (1990) 2 WLR 1), US reporters (410 U.S. 113, 12 F. Supp. 2d 34), Indian AIR (AIR 1973 SC 1461) and SCC
 * ((1973) 4 SCC 225, 2019 SCC OnLine SC 123). Sorted by position; overlapping matches keep the longest.
 */
export function extractCitations(text: string): Citation[] {
  const found: Citation[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const t = m[0];
      found.push({ text: t, start: m.index, end: m.index + t.length, kind, key: citationKey(t) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Citation[] = [];
  for (const c of found) {
    const last = out.at(-1);
    if (last && c.start < last.end) continue;
    out.push(c);
  }
  return out;
}
