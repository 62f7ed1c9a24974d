import { Coverage } from './coverage.js';
import { resolveStatutes } from './instruments.js';
import type { Entity } from './types.js';

// Words that may appear in lower case inside the name of an Act ("Indian Income tax Act", "Law of Property Act").
// A possessive split from its noun in some reports ("Orissa Tenants ' Protection Act") is part of the name too.
const LOWER = "(?:of|and|for|the|on|in|to|at|tax|with|relating|etc\\.?|de|des|la|le|['’]s?)";
// Spaces within a name never cross a line break.
const SP = '[^\\S\\n]';
const CAP = "[A-Z][A-Za-z'’-]*";
const PAREN = `\\((?:[A-Z][A-Za-z'’-]*|of|and|the|for|on|in|to)(?:${SP}(?:[A-Z][A-Za-z'’-]*|of|and|the|for|on|in|to))*\\)`;
const KIND = '(?:Act|Code|Ordinance|Order|Regulations?|Rules|Convention|Charter|Directive|Statute|Treaty|Constitution|Amendment|Bill of Rights)(?![A-Za-z])';
const YEAR_TAIL = `(?:,?${SP}(?:No\\.?${SP}\\d+${SP}of${SP})?\\d{4}(?![\\d/]))?(?:${SP}\\((?:Cth|NSW|Vic|Qld|WA|SA|Tas|ACT|NT|NZ|UK|NI|S|Ireland|India|SI${SP}\\d{4}\\/\\d+|S\\.I\\.${SP}\\d{4}\\/\\d+)\\))*`;

// "Human Rights Act 1998", "Income-tax Act, 1922", "Terrorism (United Nations Measures) Order 2006 (SI 2006/2657)",
// "Copyright Act 1968 (Cth)", "European Convention on Human Rights", "Constitution of India", "Code of Civil Procedure, 1908".
const NAMED = new RegExp(
  `(?<![A-Za-z])(?:${CAP}(?:${SP}(?:${CAP}|${LOWER}|${PAREN})){0,12}${SP}${KIND}(?:${SP}(?:of|on|for)${SP}(?:the${SP})?${CAP}(?:${SP}(?:${CAP}|of|the)){0,5}(?=[\\s,.;:)]|$))?${YEAR_TAIL}|(?:Code|Constitution|Charter|Convention)${SP}(?:of|on|for)${SP}(?:the${SP})?${CAP}(?:${SP}(?:${CAP}|of|and|the)){0,6}(?=[\\s,.;:)]|$)${YEAR_TAIL})`,
  'g',
);
// "Madras Act XXIII of 1949", "Act XI of 1881", "Act No. 5 of 1949"
const NUMBERED_ACT = /\b(?:[A-Z][a-z]+\s)?Act\s(?:No\.\s?)?[IVXLC\d]+\sof\s\d{4}\b/g;
// Kinds of instrument whose bare name is too generic without a year ("Judgment and Order", "the Rules").
const NEEDS_YEAR = /(?:Order|Rules|Regulations?|Directive)$/;
// "Code of Civil Procedure", "Constitution of India": names that start with their kind.
const KIND_FIRST = /^(?:the\s)?(?:Code|Constitution|Charter|Convention)\s(?:of|on|for)\s/;
const KIND_END = /(?:Act|Code|Ordinance|Order|Regulations?|Rules|Convention|Charter|Directive|Statute|Treaty|Constitution|Amendment)(?:,?\s\d{4})?(?:\s\([^)]*\))*$/;

// A provision: "section 66", "s 51(1)(a)", "sections 9 and 10", "Article 14", "paragraph 2(2)", "rule 3A", "Schedule 3",
// "clause (iv)", "sub section (1)", "Order XXI".
const PROVISION_WORD = '(?:[Ss]ections?|[Ss]ub[- ]?sections?|[Ss]ub[- ]?clauses?|[Ss]ub[- ]?rules?|[Ss]s?\\.?|[Aa]rticles?|[Aa]rts?\\.|[Rr]ules?|[Rr]egulations?|[Rr]egs?\\.|[Pp]aragraphs?|[Pp]aras?\\.?|[Cc]lauses?|[Cc]l\\.|[Ss]chedules?|[Ss]ch\\.|[Pp]arts?|[Cc]hapters?|[Oo]rders?)';
const NUM = '(?:\\d+[A-Z]{0,2}|[IVXLC]{1,6}(?![a-z])|\\((?:[0-9]{1,3}[A-Za-z]?|[a-z]{1,4}|[ivxl]{1,6})\\))(?:\\s?\\((?:[0-9]{1,3}(?:\\s?[A-Za-z])?|[a-z]{1,4}|[ivxl]{1,6}|[A-Z]|[IVX]{1,4}\\s?[A-Z])\\))*';
const PROVISION = `${PROVISION_WORD}\\s${NUM}(?:(?:\\s?,\\s?|\\sand\\s|\\sor\\s|\\sto\\s)${NUM})*`;
const PROVISION_CHAIN = `${PROVISION}(?:\\s(?:(?:of|to|in)\\s(?:the\\s)?)?${PROVISION})*`;
const PROVISION_OF = new RegExp(`\\b${PROVISION_CHAIN}(?:\\s(?:of|to|in|under)\\s(?:the\\s|this\\s|that\\s|said\\s|the\\ssaid\\s)*|,\\s(?:the\\s)?)`, 'g');
const GENERIC_INSTRUMENT = /^(?:Act|Code|Constitution|Rules|Regulations|Ordinance|Order|Schedule|Convention)\b/;
// Abbreviated codes written after a provision: "section 437, Cr.P.C.", "section 302 I.P.C."
const CODE_ABBREVIATION = /^(?:Cr\.\s?P\.\s?C\.|C\.\s?P\.\s?C\.|I\.\s?P\.\s?C\.|Cr\.?P\.?C\b|CPC\b|IPC\b)/;

// 42 U.S.C. § 1983 | 28 U.S.C. §§ 1331-1332 | 17 C.F.R. § 240.10b-5
const US_CODE = /\b\d{1,2}\s(?:U\.\s?S\.\s?C\.(?:\s?A\.)?|C\.\s?F\.\s?R\.)\s(?:§§?\s?)?\d+[\w.-]*(?:\([a-zA-Z0-9]{1,4}\))*(?:\s?[-–]\s?\d+[\w.]*)?/g;
// State codes: "Miss. Code Ann. § 41-41-191", "Cal. Civ. Proc. Code § 425.16"
const STATE_CODE = /\b[A-Z][a-z]{1,6}\.\s(?:[A-Z][a-z]*\.?\s){0,3}§§?\s?\d[\w.:-]*(?:\([a-zA-Z0-9]{1,4}\))*/g;

const NOT_A_NAME = /^(?:The|This|That|These|Those|Such|Said|Any|Every|Each|Under|Whereas|If|When|In|On|By|For|An|A|Our|Its|His|Her|Their|Before|After|As|At|Section|Sections|Article|Part|Under|Clause|Rule|Paragraph|Schedule|See|Since|Unlike|Where|While|Both|Neither|Either|Further|Accordingly|Thus|Hence|Also|Although|Once|Then|Here|There|So|It|We|I|He|She|They|Pursuant|Following|Whether)$/;

/** A provision's number left at the start of a name once the provision word is dropped ("VII", "63(7)"). */
const PROVISION_NUMBER = /^(?:[IVXLC]{1,6}|\d+[A-Z]{0,2}(?:\([0-9a-z]{1,4}\))*|\([0-9a-z]{1,4}\))$/;
/** Connectors that cannot end a name ("Code of Civil Procedure and"). */
const TRAILING_CONNECTOR = /(?:\s+(?:and|or|of|the|for|on|in|to|at|with|etc\.?|['’]s?))+$/;

function trimName(start: number, raw: string): { start: number; text: string } | null {
  // Drop leading words that are not part of a title ("The Human Rights Act 1998" -> "Human Rights Act 1998"),
  // and the number of a provision before it ("Part VII of the Housing Act 1996" -> "Housing Act 1996").
  let text = raw.replace(TRAILING_CONNECTOR, '');
  let s = start;
  for (;;) {
    const m = /^(\S+)\s/.exec(text);
    if (!m || !(NOT_A_NAME.test(m[1]) || /^[a-z]/.test(m[1]) || PROVISION_NUMBER.test(m[1]))) break;
    s += m[0].length;
    text = text.slice(m[0].length);
  }
  if (!/\s/.test(text) && GENERIC_INSTRUMENT.test(text)) return null; // "Act", "Constitution" alone
  if (/^(?:Act|Code|Order|Rules|Regulations)\b/.test(text) && !/\s(?:of|on|for)\s/.test(text)) return null;
  return { start: s, text };
}

/** Statutes and provisions: named instruments, "section 66 of the Income-tax Act, 1922", "Article 14 of the Constitution", "42 U.S.C. § 1983". */
export function findStatutes(text: string): Entity[] {
  const named: Array<{ start: number; end: number }> = [];
  const addNamed = (start: number, raw: string): void => {
    const t = trimName(start, raw.replace(/[\s,]+$/, ''));
    if (!t) return;
    if (NEEDS_YEAR.test(t.text) && !/\d{4}/.test(t.text)) return;
    named.push({ start: t.start, end: t.start + t.text.length });
  };
  const numbered: Array<{ start: number; end: number }> = [];
  const numberedCoverage = new Coverage(text.length);
  for (const m of text.matchAll(NUMBERED_ACT)) {
    numbered.push({ start: m.index, end: m.index + m[0].length });
    numberedCoverage.add(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(NAMED)) {
    if (numberedCoverage.overlaps(m.index, m.index + m[0].length)) continue;
    // "the Gas Act 1986 and the Electricity Act 1989": two instruments joined by "and"/"or".
    const joined = /^(.*?)(\s(?:and|or)\s(?:the\s)?)(.*)$/.exec(m[0]);
    if (joined && (KIND_END.test(joined[1]) || KIND_FIRST.test(joined[1])) && (KIND_END.test(joined[3]) || KIND_FIRST.test(joined[3]))) {
      addNamed(m.index, joined[1]);
      addNamed(m.index + joined[1].length + joined[2].length, joined[3]);
    } else {
      addNamed(m.index, m[0]);
    }
  }
  named.push(...numbered);
  named.sort((a, b) => a.start - b.start);
  const namedAt = new Map(named.map((n) => [n.start, n]));
  const out: Entity[] = [];
  const taken = new Coverage(text.length);
  const used = new Set<number>();
  for (const m of text.matchAll(PROVISION_OF)) {
    const after = m.index + m[0].length;
    // The instrument must follow immediately: a named one, "the Act" / "the 1961 Act" / "the Constitution", or a code abbreviation.
    const inst = namedAt.get(after);
    let end: number | undefined;
    if (inst) {
      end = inst.end;
      used.add(inst.start);
    } else {
      const next = text.slice(after, after + 40);
      const generic = /^(?:\d{4}\s)?(?:Act|Constitution|Code|Rules|Regulations|Ordinance|Convention)\b(?:,?\s\d{4})?/.exec(next);
      const abbreviation = CODE_ABBREVIATION.exec(next);
      if (generic && /(?:the|this|that|said)\s$/.test(m[0])) end = after + generic[0].length;
      else if (abbreviation) end = after + abbreviation[0].length;
    }
    if (end === undefined || taken.overlaps(m.index, end)) continue;
    out.push({ type: 'statute', start: m.index, end, text: text.slice(m.index, end) });
    taken.add(m.index, end);
  }
  for (const n of named) {
    if (used.has(n.start) || taken.overlaps(n.start, n.end)) continue;
    out.push({ type: 'statute', start: n.start, end: n.end, text: text.slice(n.start, n.end) });
    taken.add(n.start, n.end);
  }
  for (const re of [US_CODE, STATE_CODE]) {
    for (const m of text.matchAll(re)) {
      if (taken.overlaps(m.index, m.index + m[0].length)) continue;
      out.push({ type: 'statute', start: m.index, end: m.index + m[0].length, text: m[0] });
      taken.add(m.index, m.index + m[0].length);
    }
  }
  for (const e of out) e.normalized = e.text.replace(/\s+/g, ' ');
  out.sort((a, b) => a.start - b.start);
  resolveStatutes(text, out);
  return out;
}
