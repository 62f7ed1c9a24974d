/**
 * Judges' names as judgments write them: UK speaker headings ("LORD KERR: (dissenting)", "LADY HALE (with whom
 * … agree)", "MR JUSTICE SWIFT"), Indian headings and signatures ("DAS J.", "SABYASACHI MUKHARJI, J.",
 * "Sd/- X"), "delivered by" and coram lines, and names inside "with whom …" and "I agree with …".
 */

export interface JudgeName {
  /** Display name with title: "Lord Phillips", "Mr Justice Swift", "Mehr Chand Mahajan J". */
  name: string;
  /** Lower-case surname: "phillips", "swift", "mahajan". */
  key: string;
  /** Offsets of the name in the string it was read from. */
  start: number;
  end: number;
}

const UPPER_WORD = "[A-Z][A-Z'’\\-]+";
const NAME_WORD = "[A-Z][a-zA-Z'’\\-]+";
const TITLE_WORDS = /^(?:lord|lady|baroness|sir|dame|mr|mrs|ms|justice|the|hon|honble|hon'ble|honourable|chief|judge|his|her|president|deputy)$/i;
const SUFFIXES = /^(?:j|jj|cj|c\.j|lj|ljj|jsc|scj|psc|dpsc|lcj|mr|p|v-?c|ag|acj)$/i;

function titleCase(word: string): string {
  if (!/[a-z]/.test(word) && word.length > 1) return word[0] + word.slice(1).toLowerCase().replace(/([-'’])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());
  return word;
}

/** "phillips" from "Lord Phillips of Worth Matravers", "mahajan" from "MEHR CHAND MAHAJAN J.". */
export function judgeKey(raw: string): string {
  const words = raw
    .replace(/\bof\b.*$/i, '')
    .replace(/[.,:;()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !TITLE_WORDS.test(w) && !SUFFIXES.test(w) && !/^[A-Z]$/i.test(w));
  return (words.pop() ?? '').toLowerCase().replace(/[’']s$/, '');
}

/** A display name: title case for names written in capitals, titles and suffixes kept. */
export function displayName(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .replace(/[\s,:;.]+$/, '')
    .split(' ')
    .map((w) => (/^(?:JJ?|CJ|LJJ?|JSC|SCJ|PSC|DPSC|LCJ|MR)\.?$/.test(w) ? w.replace(/\.$/, '') : titleCase(w)))
    .join(' ')
    .replace(/ ,/g, ',')
    .replace(/,? (J|CJ|C\.J)$/, ' $1');
}

function judge(raw: string, start: number): JudgeName | null {
  const trimmed = raw.replace(/[\s,:;.]+$/, '');
  const key = judgeKey(trimmed);
  if (key.length < 2 || NOT_A_NAME.has(key)) return null;
  return { name: displayName(trimmed), key, start, end: start + trimmed.length };
}

/** Words that look like names after a title but are not ("Lord Chancellor", "Lord Justice", "Justice Department"). */
const NOT_A_NAME = new Set([
  'chancellor',
  'justice',
  'advocate',
  'ordinary',
  'president',
  'court',
  'appeal',
  'the',
  'like',
  'unlike',
  'and',
  'in',
  'as',
  'per',
  'see',
  'by',
  'learned',
  'this',
]);

/** UK speaker heading: a line that starts with one or more judges' names in capitals. */
const UK_HEADING = new RegExp(
  `^(?:(?:LORD|LADY|BARONESS|SIR|DAME)\\s+(?:JUSTICE\\s+)?|(?:MR|MRS|MS)\\.?\\s+JUSTICE\\s+|THE\\s+(?:LORD\\s+)?CHIEF\\s+JUSTICE\\s*)${UPPER_WORD}(?:\\s+(?:OF\\s+)?${UPPER_WORD}){0,4}`,
);
const UK_NAME = new RegExp(
  `(?:(?:LORD|LADY|BARONESS|SIR|DAME)\\s+(?:JUSTICE\\s+)?|(?:MR|MRS|MS)\\.?\\s+JUSTICE\\s+)(?:${UPPER_WORD})(?:\\s+(?:OF\\s+)?(?!AND\\b|LORD\\b|LADY\\b|SIR\\b|BARONESS\\b|DISSENTING\\b|WITH\\b)${UPPER_WORD}){0,4}`,
  'g',
);

/** A UK heading run into the end of a line: "… both courts below and LORD CLARKE: (dissenting)". */
export const UK_HEADING_IN_LINE = /(?:^|[\s.])((?:LORD|LADY|BARONESS)\s+[A-Z]{2,}(?:\s+(?:OF\s+)?[A-Z]{2,})?:?\s*\((?:dissenting|with whom[^)]{0,200})\))/;

export interface OpinionHeading {
  judges: JudgeName[];
  /** Names inside "(with whom … agree)". */
  joinedBy: JudgeName[];
  dissenting: boolean;
  concurring: boolean;
}

/** Reads a UK speaker heading line ("LORD RODGER, with whom Lady Hale agrees", "LORD HOPE, dissenting 9."). */
export function readUkHeading(line: string): OpinionHeading | null {
  const m = UK_HEADING.exec(line);
  if (!m || line.length > 220) return null;
  const rest = line.slice(m[0].length);
  // What follows the names must look like a heading, not a sentence in capitals.
  if (/^\s*[a-z]/.test(rest) && !/^\s*(?:dissenting|concurring|and)\b/i.test(rest)) return null;
  const names = [...line.slice(0, line.length).matchAll(UK_NAME)];
  const judges: JudgeName[] = [];
  let cursor = 0;
  for (const n of names) {
    // Judges of the heading are the capitalised names before any "with whom".
    const between = line.slice(cursor, n.index);
    if (cursor > 0 && !/^[\s,]*(?:AND|and|&)?[\s,]*$/.test(between)) break;
    const j = judge(n[0], n.index);
    if (j) judges.push(j);
    cursor = n.index + n[0].length;
  }
  if (judges.length === 0) return null;
  const tail = line.slice(cursor);
  const whom = /with whom\b(.*?)(?:agrees?|concurs?|$)/i.exec(tail);
  const joinedBy = whom ? namesIn(whom[1]).map((j) => ({ ...j, start: j.start + cursor + whom.index + 'with whom'.length, end: j.end + cursor + whom.index + 'with whom'.length })) : [];
  return { judges, joinedBy, dissenting: /dissent/i.test(tail), concurring: /concur(?:ring)?\b/i.test(tail) && !whom };
}

/** Indian heading or signature line: "DAS J.", "SABYASACHI MUKHARJI, J.", "K. SUBBA RAO, C.J. (dissenting)". */
const IN_HEADING = /^((?:[A-Z][A-Z'’-]*\.?\s*){1,5}?|(?:[A-Z]\.\s?)*[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}),?\s*(C\.\s?J\.?|J\.?|JJ\.?)(?:\s*\((dissenting|concurring)\))?\s*[:.-]?\s*$/;
/** An Indian heading at the start of a line followed by the opinion's first sentence: "Bose J. I agree …". */
const IN_INLINE = /^((?:[A-Z][A-Za-z'’-]*\.?\s+){0,3}[A-Z][A-Za-z'’-]*),?\s*(C\.\s?J\.|J\.)\s+(?=(?:I|We)\s)/;

export function readIndianHeading(line: string): (OpinionHeading & { length: number }) | null {
  const m = IN_HEADING.exec(line) ?? IN_INLINE.exec(line);
  if (!m) return null;
  const raw = `${m[1].trim()} ${m[2].replace(/\s/g, '')}`;
  const j = judge(raw, 0);
  if (!j || /^(?:APPEAL|ORDER|JUDGMENT|CIVIL|CRIMINAL|ORIGINAL|THE|IN|BY|PER)\b/i.test(m[1])) return null;
  j.end = m[1].trimEnd().length;
  return { judges: [j], joinedBy: [], dissenting: m[3] === 'dissenting', concurring: m[3] === 'concurring', length: m[0].length };
}

const NAME_RE = new RegExp(
  [
    // Lord Phillips (of Worth Matravers), Lady Hale, Sir John Dyson SCJ, LORD KERR
    `\\b(?:Lord|Lady|Baroness|Sir|Dame|LORD|LADY|BARONESS|SIR|DAME)\\s+(?:Justice\\s+)?(?:${NAME_WORD})(?:\\s+(?!Lord\\b|Lady\\b|Sir\\b)${NAME_WORD}){0,2}(?:\\s+of\\s+${NAME_WORD}(?:\\s+${NAME_WORD}){0,2})?(?:\\s+(?:SCJ|JSC|PSC|DPSC|CJ|LCJ|MR))?(?![a-z])`,
    // Mr Justice Swift, Hon'ble Mr. Justice K. Subba Rao
    `\\b(?:(?:Hon'?ble|Honourable)\\s+)?(?:(?:Mr|Mrs|Ms|MR|MRS|MS)\\.?\\s+)?(?:Justice|JUSTICE)\\s+(?:[A-Z]\\.\\s?)*(?:${NAME_WORD})(?:\\s+${NAME_WORD}){0,2}`,
    // Mahajan J., Mehr Chand Mahajan J, Gummow, Hayne and Heydon JJ, K. S. Hegde, J.
    `\\b(?:[A-Z]\\.\\s?)*(?:${NAME_WORD})(?:\\s+(?:[A-Z]\\.\\s?)*${NAME_WORD}){0,3}(?:,\\s*|\\s+)(?:C\\.\\s?J\\.|CJ|JJ|J|LJ|LJJ)(?![a-z])\\.?`,
  ].join('|'),
  'g',
);

/** Every judge named in a passage (a coram line, a "with whom" clause, an agreement sentence). */
export function namesIn(passage: string): JudgeName[] {
  const out: JudgeName[] = [];
  for (const m of passage.matchAll(NAME_RE)) {
    const raw = m[0];
    // "Gummow, Hayne and Heydon JJ": several names before a plural suffix.
    const plural = /^(.*?),?\s+(JJ|LJJ)\.?$/.exec(raw);
    if (plural) {
      const list = plural[1].split(/\s*,\s*|\s+and\s+/);
      let at = m.index;
      for (const part of list) {
        const offset = passage.indexOf(part, at);
        const j = judge(`${part} ${plural[2] === 'JJ' ? 'J' : 'LJ'}`, offset);
        if (j) out.push({ ...j, end: offset + part.length });
        at = offset + part.length;
      }
      continue;
    }
    const first = raw.split(/\s+/)[0];
    if (/^(?:The|In|See|As|Per|Like|Unlike|And|But|Then|Before|Coram|Present|With|By|For|Of|On|Counsel|Learned|My|Our|His|Her|Their|Both|Sd)$/.test(first)) {
      const rest = raw.slice(first.length).trimStart();
      const j = judge(rest, m.index + raw.length - rest.length);
      if (j && /\s/.test(rest)) out.push(j);
      continue;
    }
    const j = judge(raw, m.index);
    if (j) out.push(j);
  }
  // "my brothers Mahajan and Mukherjea" (Indian): surnames after "brother(s)".
  for (const m of passage.matchAll(/\b(?:my\s+)?(?:learned\s+)?(?:brothers?|sisters?|colleagues?)\s+((?:[A-Z][a-z'’-]+\s*(?:,\s*|\s+and\s+|(?=\s*[JC.,;:]|\s)))+)/g)) {
    let at = m.index + m[0].length - m[1].length;
    for (const part of m[1].split(/\s*,\s*|\s+and\s+/)) {
      const name = part.trim();
      if (!name || /^(?:Judge|Judges|Justice|J)$/.test(name)) continue;
      const offset = passage.indexOf(name, at);
      const key = name.toLowerCase();
      if (!out.some((o) => o.key === key)) out.push({ name: `${name} J`, key, start: offset, end: offset + name.length });
      at = offset + name.length;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** "The judgment of the Court was delivered by MEHR CHAND MAHAJAN J.", "The Court delivered judgment as follows: MAHAJAN J." */
export const DELIVERED_BY =
  /\b(?:(?:judgments?|opinions?|order)\s+of\s+the\s+(?:Court|Bench|Board)\s+(?:was|were)\s+(?:delivered|given|pronounced)(?:\s*,?\s*by)?|(?:judgments?|opinions?)\s+of\s+[^\n]{3,200}?\s+(?:was|were)\s+delivered\s+by|(?:Court|Bench)\s+delivered\s+(?:the\s+)?(?:following\s+)?(?:judgments?|opinions?)(?:\s+as\s+follows)?\s*:?|(?:judgments?|opinions?)\s+(?:was|were)\s+delivered\s+by)\s*[:.]?\s*/i;

/** "The Judgment of B. P. Sinha, C.J., K. Subba Rao … JJ. was delivered by …": the judges who joined the judgment. */
export const JUDGMENT_OF = /\b[Jj]udgments?\s+of\s+(?!the\s+(?:Court|Bench|Board)\b)([^]{3,300}?)\s+(?:was|were)\s+delivered\b/;
/** "SHAH J. delivered a dissenting opinion", "P. N. Bhagwati, J. gave a dissenting opinion". */
export const SEPARATE_OPINION = /((?:(?!J\.?\s)[A-Z][A-Za-z'’-]*\.?\s+){0,4}(?!J\.?\s)[A-Z][A-Za-z'’-]+),?\s*(?:C\.\s?)?J\.?\s+(?:delivered|gave|wrote)\s+(?:a\s+)?(?:separate\s+)?(dissenting|concurring|separate)\b/g;

/** Coram-type lines: "Coram:", "Before:", "Present:", "JUSTICES:", "Bench:". */
export const CORAM = /^\s*(?:CORAM|Coram|BEFORE|Before|PRESENT|Present|JUSTICES?|Justices?|BENCH|Bench|JUDGES?|Judges?)\s*[:\-–]\s*/;

/** The bench of a Chinese judgment, signed at its end: "审判长 张某", "审判员 李某", "人民陪审员 王某" (with an ideographic space). */
export const CHINESE_BENCH = /^(审判长|代理审判员|审判员|人民陪审员)[\s\u3000]*([\p{Script=Han}·]{2,6})$/u;

/** A signature: "Sd/- X", "(X) J." or "…J. (K. S. RADHAKRISHNAN)" alone on a line. */
export const SIGNATURE = /^\s*(?:Sd\/-?\s*(.+?)|[.…]{2,}\s*,?\s*(?:C\.\s?)?J\.?\s*\(([^)]{3,60})\)|\(([A-Z][A-Z.\s]{3,60})\)\s*,?\s*J\.?)\s*$/;
