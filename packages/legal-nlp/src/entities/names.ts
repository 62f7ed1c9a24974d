import type { Entity } from './types.js';

const NAME = "[A-Z][a-z][A-Za-z'’-]*";
const UPPER_NAME = "[A-Z][A-Z'’-]+";

// ---------------------------------------------------------------- courts
const COURT_PATTERNS: RegExp[] = [
  // Supreme Court of India, High Court of Judicature at Bombay, Federal Court of Australia, High Court
  new RegExp(
    `(?<!Deputy\\s)\\b(?:(?:United States|U\\.S\\.)\\s)?(?:Full\\s)?(?:Supreme|High|District|Federal|Family|County|Crown|Magistrates['’]?|Sessions|Circuit|Appellate|Constitutional|Superior|Bankruptcy|Tax|Industrial|Land|Labour|Labor|Commercial|Chief\\sJudicial\\sMagistrate['’]?s?|Federal\\sMagistrates|Federal\\sCircuit|Small\\sCauses|City\\sCivil|Civil|Criminal|Divisional|Youth)\\sCourts?(?!\\sJudge)(?:\\s(?:of|for)\\s(?:the\\s)?(?:Judicature|Justice|Appeals?|Criminal\\sAppeal|${NAME})(?:\\s(?:of|for|the|at)?\\s?(?:${NAME})){0,5}(?=[\\s,.;:)]|$))?(?:\\s(?:at|for)\\s(?:the\\s)?${NAME}(?:\\s${NAME}){0,3})?`,
    'g',
  ),
  // Court of Appeal, Court of Session, Court of Justice of the European Union, Court of Criminal Appeal
  /\b(?:(?:United\sStates|U\.S\.)\s)?(?:(?:Full|Divisional)\s)?Court\sof\s(?:Appeals|Appeal|Sessions|Session|Criminal\sAppeal|Justice|Chancery|King['’]s\sBench|Queen['’]s\sBench|Protection|Cassation)(?:\s(?:of|for)\s(?:the\s)?(?:[A-Z][a-z]+)(?:\s(?:the\s)?[A-Z][a-z]+){0,4})?(?:\s\((?:Civil|Criminal)\sDivision\))?/g,
  /\b(?:House\sof\sLords|Judicial\sCommittee\sof\sthe\sPrivy\sCouncil|Privy\sCouncil|Full\sCourt(?:\sof\sthe\s(?:Federal|Family|High|Supreme)\sCourt(?:\sof\s[A-Z][a-z]+)?)?|European\sCourt\sof\s(?:Human\sRights|Justice)|General\sCourt|Chancery\sDivision|Queen['’]s\sBench\sDivision|King['’]s\sBench\sDivision|Administrative\sCourt|Employment\sAppeal\sTribunal|Upper\sTribunal|First-tier\sTribunal)\b/g,
  // Tribunals: "Income-tax Appellate Tribunal", "Administrative Appeals Tribunal", "Refugee Review Tribunal"
  /\b(?:[A-Z][a-z][\w-]*\s(?:(?:of|for|tax)\s)?){1,4}Tribunal\b/g,
  // Upper-case headings: "IN THE SUPREME COURT OF INDIA", "HIGH COURT OF JUSTICE"
  new RegExp(`\\b(?:SUPREME|HIGH|DISTRICT|FEDERAL|FAMILY|COUNTY|CROWN)\\sCOURT(?:\\sOF\\s(?:${UPPER_NAME})(?:\\s(?:OF|AT|THE)?\\s?${UPPER_NAME}){0,3})?|\\bCOURT\\sOF\\sAPPEALS?\\b|\\bHOUSE\\sOF\\sLORDS\\b`, 'g'),
  // Allahabad High Court, Madras High Court
  /\b[A-Z][a-z]{2,}(?:\sand\s[A-Z][a-z]+)?\sHigh\sCourt\b(?!\sJudge)/g,
  /\b(?:[A-Z][a-z]+\s)?(?:Ninth|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Tenth|Eleventh|First|D\.C\.|Federal)\sCircuit\b/g,
];
const COURT_TAIL_STOP = /\s(?:of|for|at|the)$/;

export function findCourts(text: string): Entity[] {
  const out: Entity[] = [];
  for (const re of COURT_PATTERNS) {
    for (const m of text.matchAll(re)) {
      // A court's name never runs over a line break.
      let value = m[0].split('\n')[0];
      while (COURT_TAIL_STOP.test(value)) value = value.replace(COURT_TAIL_STOP, '');
      // A tribunal match must not begin with a sentence-opening word.
      const lead = /^(?:The|This|That|In|On|By|Before|After|Both|When|If|As|A|An|Our|His|Her|Its|See|Per|From|Under|Whereas|While|Since|Then|Thus|So|But|And|Or|Where|Hence)\s/.exec(value);
      let start = m.index;
      if (lead) {
        start += lead[0].length;
        value = value.slice(lead[0].length);
      }
      if (/^Tribunal$/.test(value) || !/(?:Court|Tribunal|Lords|Council|Division|Circuit|COURT|LORDS|APPEALS?|Court of [A-Z][\w' ]+)/.test(value)) continue;
      out.push({ type: 'court', start, end: start + value.length, text: value, normalized: value.replace(/\s+/g, ' ') });
    }
  }
  return out;
}

// ---------------------------------------------------------------- judges
const EXCLUDED_LORDS = new Set(['Chancellor', 'Advocate', 'Mayor', 'Lieutenant', 'President', 'Privy', 'Provost', 'Bishop', 'Commissioner', 'Commissioners', 'Lord', 'Lords', 'God', 'Jesus', 'Ordinary', 'Chamberlain', 'Protector', 'Steward', 'Speaker', 'Keeper', 'Chief', 'Justice', 'Justices']);
const LORD = new RegExp(
  `\\b(?:Lord|Lady|Baroness)\\s(?:Justice\\s)?(${NAME}(?:\\s${NAME})?(?:\\sof\\s${NAME}(?:\\s${NAME}){0,2})?)(?:\\s(MR|CJ|LCJ|LJ|JSC|PSC|DPSC))?\\b`,
  'g',
);
const MR_JUSTICE = new RegExp(`\\b(?:Mr|Mrs|Ms|Dame|Sir)\\.?\\sJustice\\s(${NAME}(?:\\s${NAME}){0,2})\\b`, 'g');
const CHIEF_JUSTICE = new RegExp(`\\b(?:Chief\\sJustice|Justice|Judge|Magistrate|Registrar)\\s((?:[A-Z]\\.\\s?){0,3}${NAME}(?:\\s(?:${NAME}|[A-Z]\\.)){0,3}(?<!\\s[A-Z]\\.))(?:\\s(?:QC|KC|SC))?\\b`, 'g');
const SUFFIX_TITLES = 'CJ|ACJ|DCJ|J|JJ|JA|JJA|LJ|LJJ|AJ|FM|P|DP|SC|JSC|V-C|VC|MR|C\\.\\s?J|J\\.\\s?A';
// "Wilcox J", "Gleeson CJ", "Gummow, Hayne and Heydon JJ", "Sedley LJ"
const SUFFIX = new RegExp(
  `\\b((?:${NAME}(?:\\s${NAME}){0,2},\\s)*(?:${NAME}(?:\\s${NAME}){0,2}\\sand\\s)?${NAME}(?:\\s${NAME})?)\\s(${SUFFIX_TITLES})\\b(?![.\\w]\\w)`,
  'g',
);
// "MEHR CHAND MAHAJAN J.", "S. R. DAS J.", "PATANJALI SASTRI C.J."; also the "SASTRI.C.J." of some reports
const UPPER_SUFFIX = new RegExp(`\\b((?:[A-Z]\\.\\s?){0,3}${UPPER_NAME}(?:\\s${UPPER_NAME}){0,3})(?:,?\\s|\\.(?=C\\.\\s?J\\.))(C\\.\\s?J|J)(?=\\.)`, 'g');
const NOT_JUDGE_WORD = /^(?:The|This|That|In|On|By|Part|Schedule|Section|Article|Form|Exhibit|Appendix|Annexure|Table|Plan|See|And|Or|Para|Item|Rule|Division|Column|Class|Group|Type|Case|Vitamin|Appellant|Respondent|Court|Tribunal|Council|Act|Order|House|High|Supreme|Federal|Justice|Judge|Of|As|Per|Category|Grade|Level|Model|Schedules|Sch|Step|Stage|Point|Phase|Option|Annex|Chapter|Clause|Regulation|Reg)$/;

function splitNames(raw: string): string[] {
  return raw
    .split(/\s*,\s*|\s+and\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function findJudges(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(LORD)) {
    const first = m[1].split(/\s/)[0];
    if (EXCLUDED_LORDS.has(first)) continue;
    out.push({ type: 'judge', start: m.index, end: m.index + m[0].length, text: m[0], names: [m[1]], normalized: m[1] });
  }
  for (const m of text.matchAll(MR_JUSTICE)) {
    out.push({ type: 'judge', start: m.index, end: m.index + m[0].length, text: m[0], names: [m[1]], normalized: m[1] });
  }
  for (const m of text.matchAll(CHIEF_JUSTICE)) {
    if (NOT_JUDGE_WORD.test(m[1].split(/\s/)[0])) continue;
    out.push({ type: 'judge', start: m.index, end: m.index + m[0].length, text: m[0], names: [m[1]], normalized: m[1] });
  }
  for (const m of text.matchAll(SUFFIX)) {
    let start = m.index;
    let list = m[1];
    // Drop words before the names that are not names ("See Gummow, Hayne and Heydon JJ", "In Smith J").
    for (let lead = /^(\S+)\s+/.exec(list); lead && NOT_JUDGE_WORD.test(lead[1].replace(/,$/, '')); lead = /^(\S+)\s+/.exec(list)) {
      start += lead[0].length;
      list = list.slice(lead[0].length);
    }
    const names = splitNames(list);
    if (names.length === 0 || names.some((n) => NOT_JUDGE_WORD.test(n.split(/\s/)[0]))) continue;
    if (m[2] === 'P' || m[2] === 'SC' || m[2] === 'DP' || m[2] === 'VC') {
      // Ambiguous one-letter titles: only after a single surname.
      if (names.length !== 1 || /\s/.test(names[0])) continue;
    }
    const end = m.index + m[0].length;
    out.push({ type: 'judge', start, end, text: text.slice(start, end), names, normalized: names.join('; ') });
  }
  for (const m of text.matchAll(UPPER_SUFFIX)) {
    const raw = m[1];
    if (/^(?:THE|AND|OF|IN|BY|ORDER|JUDGMENT|CIVIL|CRIMINAL|APPEAL|PETITION)$/.test(raw.split(/\s/).pop() ?? '')) continue;
    const words = raw.split(/\s+/).filter((w) => !/^(?:THE|BY|DELIVERED|JUDGMENT|OF|COURT|WAS)$/.test(w));
    const name = words.join(' ');
    const start = m.index + raw.indexOf(words[0]);
    const end = m.index + m[0].length;
    out.push({ type: 'judge', start, end, text: text.slice(start, end), names: [name], normalized: name });
  }
  return out;
}

// ---------------------------------------------------------------- case numbers
const CASE_NUMBER_PATTERNS: RegExp[] = [
  // Civil Appeal No. 123 of 2019 | Criminal Appeal Nos. 12 and 13 of 1950 | Writ Petition (Civil) No. 1 of 2020 | Appeal No. LXVI of 1949
  /\b(?:(?:Civil|Criminal|Crl\.?|Writ|Special\sLeave|Transfer|Original|Review|Curative|Election|Income[- ]?[Tt]ax|Tax|Misc(?:ellaneous)?\.?|Letters\sPatent|First|Second|Regular|Sessions|Company|Contempt|Arbitration|Execution|Reference)\s)*(?:Appeals?|Petitions?|Applications?|Suits?|Cases?|References?|Revisions?|Writs?|Matters?)\s?(?:\((?:Civil|Crl\.?|C|Criminal|Cri\.?)\)\s?)?Nos?\.?\s?(?:[\dIVXLCM]+[A-Z]?(?:\/\d+)?)(?:\s?(?:,|and|&|to|-)\s?[\dIVXLCM]+[A-Z]?)*\s(?:of|OF)\s(?:Sa[mv]bat\s)?\d{4}\b/g,
  // A bare number at the head of a line: "No. XVI of 1950."
  /^[^\S\n]*No\.\s?[\dIVXLCM]+[A-Z]?\sof\s\d{4}\b/gm,
  // UKSC 2009/0018
  /\bUKSC\s\d{4}\/\d{4}\b/g,
  // NSD 1234 of 2005 (Federal Court of Australia file numbers)
  /\b(?:NSD|VID|QUD|WAD|SAD|NTD|TAD|ACD|NSW|VIC|QLD)\s?\d{1,5}\s(?:of\s)?\d{4}\b/g,
  // Case No. 1:20-cv-01234 | No. 21-1234 | Docket No. 19-1392
  /\b(?:(?:Case|Docket|Civil\sAction|Cause)\s)?No\.\s?\d{1,2}:\d{2}-[a-z]{2,4}-\d{3,6}(?:-[A-Z]{2,5})*\b/g,
  /\b(?:(?:Case|Docket|Civil\sAction|Cause)\s)?No\.\s?\d{2}-\d{1,5}\b/g,
];

export function findCaseNumbers(text: string): Entity[] {
  const out: Entity[] = [];
  for (const re of CASE_NUMBER_PATTERNS) {
    for (const m of text.matchAll(re)) {
      out.push({ type: 'case_number', start: m.index, end: m.index + m[0].length, text: m[0], normalized: m[0].replace(/\s+/g, ' ') });
    }
  }
  return out;
}

// ---------------------------------------------------------------- parties
const TITLE_CONNECTORS = new Set(['of', 'the', 'and', 'for', 'in', 're', 'ex', 'parte', 'on', 'application', 'liquidation', 'v', 'vs', 'v.', 'vs.', 'versus', 'by', 'its', 'as', 'de', 'da', 'van', 'von', 'du', 'le', 'la', 'und', 'et', 'al']);
const VERSUS = /\s+(?:v|vs|v\.|vs\.|versus|VS\.?|VERSUS)\s+/;
const VERSUS_UPPER = /\s+(?:V|V\.|VS\.?|VERSUS)\s+/;
const ROLE_WORDS: Array<[RegExp, [string, string]]> = [
  [/\bappellants?\b/i, ['appellant', 'respondent']],
  [/\bpetitioners?\b/i, ['petitioner', 'respondent']],
  [/\bplaintiffs?\b/i, ['plaintiff', 'defendant']],
  [/\bclaimants?\b/i, ['claimant', 'defendant']],
  [/\bapplicants?\b/i, ['applicant', 'respondent']],
  [/\bprosecut(?:or|ion)\b/i, ['prosecution', 'accused']],
];
const LABELLED = /^[^\S\n]*(?:\d+\.[^\S\n]*)?([^\n]{2,150}?)[^\S\n]*(?:\.{2,}|…|-{1,3}|–|—|:|\()[^\S\n]*(Appellants?|Respondents?|Petitioners?|Plaintiffs?|Defendants?|Claimants?|Applicants?|Accused|Complainants?)[^\S\n]*\)?[^\S\n]*\.?[^\S\n]*$/gm;
const LABEL_FIRST = /^\s*(APPELLANTS?|RESPONDENTS?|PETITIONERS?|PLAINTIFFS?|DEFENDANTS?|Appellants?|Respondents?|Petitioners?|Plaintiffs?|Defendants?)\s*:\s*([^\n]{2,150}?)\s*$/gm;

function roleName(word: string): string {
  return word.toLowerCase().replace(/s$/, '');
}

/**
 * Parties named in the case title near the top of a document: "X v Y" on a title line (before any
 * citation), lines ending with a role ("X ... Appellant"), or labels ("PETITIONER: X").
 */
export function findParties(text: string): Entity[] {
  const head = text.slice(0, 3000);
  const out: Entity[] = [];
  for (const m of head.matchAll(LABEL_FIRST)) {
    const name = m[2].replace(/[.,\s]+$/, '');
    const start = m.index + m[0].indexOf(m[2]);
    out.push({ type: 'party', start, end: start + name.length, text: name, role: roleName(m[1]), normalized: name });
  }
  if (out.length === 0) {
    for (const m of head.matchAll(LABELLED)) {
      const name = m[1].replace(/^(?:and|AND|v|vs|Between:?|BETWEEN:?)\s+/, '').replace(/[.,\s…]+$/, '');
      if (!name || /^(?:the|for|by|and|v|vs)\b/i.test(name) || /\b(?:for|with him|on behalf of)\b/.test(name) || name.split(/\s+/).length > 14) continue;
      const start = m.index + m[0].indexOf(name);
      out.push({ type: 'party', start, end: start + name.length, text: name, role: roleName(m[2]), normalized: name });
    }
  }
  if (out.length > 0) return out;
  // A title line: "Smith v Jones", "Sharman Networks Ltd v Universal Music Australia Pty Ltd [2006] FCA 1 (5 January 2006)".
  const lines = head.split('\n').slice(0, 6);
  let offset = 0;
  for (const line of lines) {
    const trimmed = line.trim();
    const title = trimmed
      .replace(/\s*(?:\[\d{4}\]|\(\d{4}\)|,?\s\d{1,4}\s+[A-Z]).*$/, '')
      .replace(/[\s.,;:]+$/, '')
      .replace(/\s*\(No\.?\s?\d+\)$/, '');
    const rest = trimmed.slice(title.length);
    const upper = title === title.toUpperCase();
    const parts = title.split(upper ? VERSUS_UPPER : VERSUS);
    const lowerWords = title.split(/\s+/).filter((w) => /^[a-z]/.test(w) && !TITLE_CONNECTORS.has(w.replace(/[(),]/g, ''))).length;
    const titleLike =
      parts.length === 2 &&
      trimmed.split(upper ? VERSUS_UPPER : VERSUS).length === 2 &&
      title.length < 250 &&
      lowerWords <= 1 &&
      /^[A-Z]/.test(parts[0]) &&
      /^[A-Z(]/.test(parts[1]) &&
      !/^(?:In|See|As|The|This|That|Following|Applying|Per|Cf|Compare|Contrast|Also)\b:?\s(?!re\b)/.test(title) &&
      // Nothing but the citation and date may follow the title on its line.
      !/\b(?!(?:January|February|March|April|June|July|August|September|October|November|December)\b)[a-z]{4,}/.test(rest.replace(/\([^)]*\d{4}\)/g, ''));
    if (titleLike) {
      const rolePair = ROLE_WORDS.find(([re]) => re.test(text.slice(0, 20000)))?.[1];
      const firstStart = offset + line.indexOf(parts[0]);
      const secondStart = offset + line.indexOf(parts[1], line.indexOf(parts[0]) + parts[0].length);
      for (const [i, [name, start]] of ([[parts[0].trim(), firstStart], [parts[1].trim(), secondStart]] as Array<[string, number]>).entries()) {
        const entity: Entity = { type: 'party', start, end: start + name.length, text: name, normalized: name };
        if (rolePair) entity.role = rolePair[i];
        out.push(entity);
      }
      break;
    }
    offset += line.length + 1;
  }
  return out;
}
