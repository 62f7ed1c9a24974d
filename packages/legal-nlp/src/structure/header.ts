import type { Entity } from '../entities/index.js';
import { findCourtName } from './courts.js';
import { DELIVERED_BY, readIndianHeading, readUkHeading } from './judges.js';
import type { Court, JudgmentHeader, PartyMention, PartyRole, Span } from './types.js';

export interface Line {
  start: number;
  end: number;
  /** The line without surrounding whitespace; `start`/`end` bound it. */
  text: string;
}

/** Lines of the text, trimmed, with offsets; blank lines are left out. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    let s = at;
    let e = nl;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    at = nl + 1;
  }
  return out;
}

export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const ROLE_WORD = 'appellants?|respondents?|petitioners?|claimants?|defendants?|plaintiffs?|applicants?|interveners?|interveners?|accused|complainants?|opposite\\s+part(?:y|ies)';

/** Lines that belong to a header: numbers, "Appeal from", counsel, dates, coram, parties, court names, titles. */
const HEADER_LINE = new RegExp(
  [
    String.raw`^(?:(?:civil|criminal|writ|special\s+leave|transfer|review|original|appellate)\s+)*(?:appeals?|petitions?|applications?|cases?|suits?|writs?|references?|revisions?|misc(?:ellaneous)?\.?)(?:\s*\([^)]{0,40}\))?\s+(?:nos?\.?|numbers?)\s*`,
    String.raw`^(?:civil|criminal)\s+(?:appellate|original)\s+jurisdiction`,
    String.raw`^(?:appeals?|petitions?|applications?)\s+(?:by\s+special\s+leave\s+|under\s+[^.]{0,80}\s+)?(?:from|against|under)\b`,
    String.raw`^(?:from|on\s+appeal\s+from|in\s+the\s+matter\s+of|between|and|versus|vs?\.?)\b|^[–—-]+\s*and\s*[–—-]+$`,
    String.raw`^(?:\d{4}\.?\s*)?${MONTH}\s+\d{1,2}\s*[.,]?\s*(?:\d{4}\.?)?$`,
    String.raw`^\d{4}\.?$`,
    String.raw`^(?:coram|before|present|justices?|bench|judges?|neutral\s+citation|case\s+no|judgment\s+(?:date|delivered)|date\s+of\s+(?:judgment|decision|hearing)|hearing\s+dates?|heard\s+on|decided\s+on|counsel|agent|solicitors?)\b`,
    String.raw`^(?:${ROLE_WORD})\s*[:.]?\s*$|\b(?:${ROLE_WORD})\s*(?:No\.?\s*\d+)?\s*[.]?\s*$`,
    String.raw`^in\s+the\s+[\p{L} ,'’()]*(?:court|tribunal|house\s+of\s+lords|privy\s+council)`,
    String.raw`^\[\d{4}\]\s+[A-Z]+`,
    String.raw`^[^.]{2,150}\s(?:v|vs\.?|versus)\s[^.]{2,150}$|^.{2,150}\s(?:v|vs\.?)\s.{2,120}(?:\[\d{4}\]|\(\d{4}\))`,
    String.raw`^(?:[A-Z]{2,6}\s+)?\d{1,6}\s+of\s+\d{4}$`,
    String.raw`^(?!.*[。；，])[^a-z]{2,120}$`,
    String.raw`^(?:再审申请人|被上诉人|上诉人|被申请人|申请人|原告|被告|第三人|委托诉讼代理人|法定代表人)(?:（[^）]{0,20}）)?[：:]`,
  ].join('|'),
  'iu',
);
/** Counsel: "K.M. Munshi (N. P. Nathvani, with him), for the appellant." (names, then "for the …"; case-sensitive). */
const COUNSEL_LINE = new RegExp(String.raw`^(?:\d+\s+)?(?:(?:[A-Z][\w.'’-]*\.?|and|with|him|them|Mrs?\.?|Ms\.?|Dr\.?|section|\([^)]{0,120}\)),?\s+){1,40}for\s+(?:the\s+)?(?:${ROLE_WORD})\b`);
const LONG_HEADER_LINE = /^(?:appeals?|petitions?|applications?|civil|criminal|from|on\s+appeal)\b/i;
const BODY_START = /^(?:judgment|j\s*u\s*d\s*g\s*m\s*e\s*n\s*t|order|reasons\s+for\s+judgment|introduction)\s*:?\s*$/i;
const LOWER_CUE = /^\s*(?:(?:civil\s+|criminal\s+)?appeals?|petitions?|appeal\s+by\s+special\s+leave|(?:on\s+)?appeal|from|against)\b[^\n]{0,200}?\b(?:from|against|of)\b/i;

const CHINESE_ROLES: Record<string, PartyRole> = {
  上诉人: 'appellant',
  被上诉人: 'respondent',
  原告: 'plaintiff',
  被告: 'defendant',
  申请人: 'applicant',
  被申请人: 'respondent',
  再审申请人: 'applicant',
  第三人: 'intervener',
};
/** "上诉人（原审被告）：北京某某科技有限公司，住所地…" */
const CHINESE_PARTY = /^(再审申请人|被上诉人|上诉人|被申请人|申请人|原告|被告|第三人)(?:（[^）]{0,20}）|\([^)]{0,20}\))?\s*[：:]\s*([^，,。；;\n]{2,60})/;

function partyRole(word: string): PartyRole | undefined {
  if (CHINESE_ROLES[word]) return CHINESE_ROLES[word];
  const w = word.toLowerCase().replace(/s$/, '');
  if (/^opposite/.test(w)) return 'respondent';
  const roles: PartyRole[] = ['appellant', 'respondent', 'petitioner', 'claimant', 'defendant', 'plaintiff', 'applicant', 'intervener', 'accused', 'complainant'];
  return roles.find((r) => w === r);
}

const ROLE_ONLY = new RegExp(String.raw`^(?:${ROLE_WORD})\b`, 'i');
const NAME_STOP = /^(?:states|governments|member|nos|iraqi|in|on|at|the|this|that|it|he|she|his|her|they|their|there|was|is|had|has|who|which|before|after|and|but|court|high|supreme|act|section|article|no|however|also|for|to|by|as|a|an|company|firm|were|are|being|herein|hereinafter|said)$/i;

function cleanName(raw: string): string | null {
  let name = raw
    .replace(/\s+/g, ' ')
    .replace(/^(?:and|v\.?|vs\.?|versus|between|-and-|–\s*and\s*–|-\s*and\s*-)\s+/i, '')
    .replace(/[\s,.;:–—-]+$/, '')
    .replace(/\s*\((?:\d+|[ivx]+)\)\s*$/i, '')
    .trim();
  // Trailing connectors ("Mohammed al Ghabra, referred to" is cut by the caller; "X and" is not a name).
  name = name.replace(/\s+(?:and|of|the|for|de|in)$/i, '');
  if (name.length < 2 || name.length > 120 || NAME_STOP.test(name.split(' ')[0]) || !/[A-Z\p{Lu}\p{Script=Han}]/u.test(name[0])) return null;
  return name;
}

function addParty(out: PartyMention[], text: string, rawStart: number, raw: string, role: PartyRole | undefined, from: PartyMention['from']): void {
  const name = cleanName(raw);
  if (!name) return;
  const start = text.indexOf(name, rawStart);
  if (start < 0) return;
  const key = name.toLowerCase();
  const existing = out.find((p) => p.name.toLowerCase() === key);
  if (existing) {
    existing.role ??= role;
    return;
  }
  const p: PartyMention = { name, from, source: spanOf(text, start, start + name.length) };
  if (role) p.role = role;
  out.push(p);
}

const COUNSEL = /\b(?:for\s+(?:the\s+)?(?:appellant|respondent|petitioner|claimant|defendant|plaintiff|applicant|intervener|accused|complainant|state)s?|advocates?|counsel|Q\.?C\.?|K\.?C\.?|instructed\s+by|solicitors?|agent)\b/i;

/** Parties of the header: "Between … and …" blocks, "X … Appellant" and "PETITIONER: X" lines, "X v Y" title lines. */
function headerParties(text: string, lines: Line[], entities: Entity[], end: number): PartyMention[] {
  const out: PartyMention[] = [];
  const roleAfter = new RegExp(String.raw`^(.{2,200}?)\s*(?:\.{2,}|…+|[–—-]+|,|\s)\s*\(?(${ROLE_WORD})\)?(?:\s*(?:No\.?\s*\d+|\(s\)))?\s*[.;]?\s*$`, 'i');
  const labelFirst = new RegExp(String.raw`^(${ROLE_WORD})\s*[:\-–]\s*(.*)$`, 'i');
  for (let i = 0; i < lines.length && lines[i].start < end; i++) {
    const line = lines[i];
    if (COUNSEL.test(line.text)) continue;
    const cn = CHINESE_PARTY.exec(line.text);
    if (cn) {
      addParty(out, text, line.start, cn[2], partyRole(cn[1]), 'header');
      continue;
    }
    const lf = labelFirst.exec(line.text);
    if (lf) {
      const role = partyRole(lf[1].replace(/\s+/g, ' '));
      if (lf[2].trim()) addParty(out, text, line.start, lf[2], role, 'header');
      else if (lines[i + 1] && lines[i + 1].start < end) addParty(out, text, lines[i + 1].start, lines[i + 1].text, role, 'header');
      continue;
    }
    const ra = roleAfter.exec(line.text);
    if (ra) {
      let nameText = ra[1];
      // "Between: R (on the application of JANE SMITH) Claimant" or a role on the line after the name.
      nameText = nameText.replace(/^(?:between|and)\s*:?\s*/i, '');
      if (cleanName(nameText)) addParty(out, text, line.start, nameText, partyRole(ra[2]), 'header');
      else if (i > 0 && !COUNSEL.test(lines[i - 1].text) && lines[i - 1].start < end && !roleAfter.test(lines[i - 1].text)) {
        addParty(out, text, lines[i - 1].start, lines[i - 1].text.replace(/^(?:between|and)\s*:?\s*/i, ''), partyRole(ra[2]), 'header');
      }
    }
  }
  if (out.length === 0) {
    for (const e of entities) {
      if (e.type !== 'party' || e.start >= Math.max(end, 600)) continue;
      addParty(out, text, e.start, e.text, e.role ? partyRole(e.role) : undefined, 'title');
    }
  }
  return out;
}

const NAME = String.raw`(?:(?:Mr|Mrs|Ms|Miss|Dr|Shri|Smt|Sri|Sardar|Pandit|Lady|Sir|M\/s|Messrs)\.?\s+)?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|and|the|de|la|al|el|bin|van|von|for|&|\(No\.?\s*\d+\)|\([A-Z][\w\s]*\)))*`;
const BODY_PARTY: Array<[RegExp, 'role-name' | 'name-role' | 'appellant' | 'petitioner']> = [
  // "the appellant, GB, who …", "the appellant company, Progress Property Company Ltd (PPC)", "The appellant is the Gujarat State …",
  // "the respondent is the State of Punjab", "respondent No. 1 is Shri Surjeet Singh Bhangul", "The two appellants Haricharan Kurmi and Jogia Hajam"
  [
    new RegExp(
      String.raw`\b(?:[Tt]he\s+(?:two\s+|three\s+|first\s+|second\s+)?)?(${ROLE_WORD})(?:\s+No\.?\s*\d+)?(?:\s+(?:company|companies|firm|bank|wife|husband|mother|father|society|corporation|trust|union|board|council|authority|State))?\s*(?:,\s*|\s+(?:is|was|are|were)\s+|\s+)(?:(?:the|one|a company called)\s+)?(${NAME})`,
      'g',
    ),
    'role-name',
  ],
  // "Mohammed al Ghabra (the appellant)", "Her grandson, Mark Roberts, the appellant,"
  [new RegExp(String.raw`(${NAME})\s*(?:,\s*|\s*\()(?:the\s+|“|")?(${ROLE_WORD})(?:”|")?(?:\)|,|\.|\s+(?:in|herein))`, 'g'), 'name-role'],
  // "This appeal has been preferred by the State of Bihar", "These two appeals by the State of Maharashtra", "the appeals of Mr Iqbal and Mr Mirza"
  [
    new RegExp(
      String.raw`\b(?:appeal|appeals)\s+(?:(?:has|have)\s+been\s+|was\s+|were\s+|is\s+)?(?:(?:preferred|filed|brought|instituted|presented)\s+)?(?:by|of)\s+(?:the\s+|one\s+)?(${NAME})`,
      'g',
    ),
    'appellant',
  ],
  // "The earlier of the two petitions has been filed by one Ujagar Singh"
  [new RegExp(String.raw`\bpetitions?\s+(?:(?:has|have)\s+been\s+|was\s+|were\s+|is\s+)?(?:preferred|filed|brought|presented)\s+by\s+(?:the\s+|one\s+)?(${NAME})`, 'g'), 'petitioner'],
  // "Mrs Owens appeals against an order of the Court of Appeal"
  [new RegExp(String.raw`(?:^|\n|\.\s)(${NAME})\s+appeals\s+(?:against|from|to)\b`, 'g'), 'appellant'],
];

/** Parties named with their roles in the body ("the appellant, GB,"), read from the first part of the judgment. */
export function bodyParties(text: string, from: number, to: number): PartyMention[] {
  const out: PartyMention[] = [];
  const region = text.slice(from, to);
  for (const [re, shape] of BODY_PARTY) {
    for (const m of region.matchAll(re)) {
      const [roleText, nameText] = shape === 'role-name' ? [m[1], m[2]] : shape === 'name-role' ? [m[2], m[1]] : [shape, m[1]];
      // Stop at words that end a name ("GB, who", "Harry whom"); "X and Y" names two parties.
      const cut = nameText.replace(/\s+(?:[Ii]n|[Oo]n|[Aa]t|[Ww]ho|[Ww]hich|[Ww]hose|[Tt]hat|[Ff]or\s+whom)(?:\s.*)?$/, '');
      const names = /^(?:Mr|Mrs|Ms|Shri|Smt|Sri)\b|\b[A-Z][a-z]+\s+[A-Z][a-z]+\s+and\s+[A-Z]/.test(cut) && / and /.test(cut) && shape !== 'name-role' ? cut.split(/\s+and\s+/) : [cut];
      for (const name of names) {
        if (/^(?:[A-Z][a-z]+)$/.test(name) && NAME_STOP.test(name)) continue;
        if (ROLE_ONLY.test(name) || /^(?:Court|High Court|Supreme Court|Tribunal|Act|Section|Article|Rules?|Government)\b/.test(name)) continue;
        addParty(out, text, from + m.index, name, partyRole(roleText.replace(/\s+/g, ' ')), 'body');
        if (out.length >= 8) return out;
      }
    }
  }
  return out.filter((p) => p.name.split(' ').length <= 10);
}

function isOpinionHeading(line: string): boolean {
  return readUkHeading(line) !== null || readIndianHeading(line) !== null;
}

export interface Delivered {
  /** The "… was delivered by" phrase. */
  phrase: Span;
  /** Where the names that follow it start and end (to the end of their line). */
  namesStart: number;
  namesEnd: number;
}

function headerEnd(text: string, lines: Line[]): { end: number; delivered: Delivered | null } {
  const limit = Math.min(text.length, Math.max(3000, Math.min(12000, text.length * 0.3)));
  const m = DELIVERED_BY.exec(text.slice(0, limit));
  if (m) {
    const at = m.index + m[0].length;
    let namesEnd = text.indexOf('\n', at);
    if (namesEnd < 0) namesEnd = text.length;
    // "delivered by.\nRATNAVEL PANDIAN, J.": the names are on the next line.
    if (!/\p{L}{2}/u.test(text.slice(at, namesEnd))) {
      const next = text.indexOf('\n', namesEnd + 1);
      namesEnd = next < 0 ? text.length : next;
    }
    return { end: namesEnd, delivered: { phrase: spanOf(text, m.index, at), namesStart: at, namesEnd } };
  }
  let end = 0;
  for (let i = 0; i < lines.length && i < 80; i++) {
    const line = lines[i];
    if (BODY_START.test(line.text)) return { end, delivered: null };
    const counsel = COUNSEL_LINE.test(line.text);
    if (isOpinionHeading(line.text) || !(counsel || HEADER_LINE.test(line.text))) break;
    if (line.text.length > 150 && !counsel && !LONG_HEADER_LINE.test(line.text)) break;
    end = line.end;
  }
  return { end, delivered: null };
}

/** The header block: its extent, court heading, the court appealed from, neutral citation, case numbers, date, parties. */
export function readHeader(text: string, lines: Line[], entities: Entity[]): JudgmentHeader & { delivered: Delivered | null } {
  const { end, delivered } = headerEnd(text, lines);
  const headLines = lines.filter((l) => l.end <= Math.max(end, 1) || (end === 0 && l.start < 400 && l.text.length <= 150 && /^[^a-z]+$/.test(l.text)));
  let court: JudgmentHeader['court'] = null;
  let lowerCourt: JudgmentHeader['lowerCourt'] = null;
  for (const line of headLines) {
    const found = findCourtName(line.text);
    if (!found) continue;
    const before = line.text.slice(0, found.start);
    if (LOWER_CUE.test(line.text.slice(0, found.end)) || /\b(?:from|of|against|by)\s*(?:the\s+)?$/i.test(before)) {
      lowerCourt ??= { court: found.court, source: spanOf(text, line.start + found.start, line.start + found.end) };
      continue;
    }
    // "IN THE SUPREME COURT OF INDIA"; a Chinese court's name starts with its place ("北京市高级人民法院").
    const placeOnly = /^[\p{Script=Han}]{0,12}$/u.test(before.trim()) && /\p{Script=Han}/u.test(found.court.name);
    if (!court && line.text.length <= 160 && (placeOnly || /^(?:(?:in|before)(?:\s+the)?|the)?$/i.test(before.trim()))) {
      const start = placeOnly ? line.start : line.start + found.start;
      court = { court: found.court, source: spanOf(text, start, line.start + found.end) };
    } else if (end > 0) {
      // Any other court named in a header ("… 1979 of the Karnataka High Court in Regular Second Appeal …") is a court below.
      lowerCourt ??= { court: found.court, source: spanOf(text, line.start + found.start, line.start + found.end) };
    }
  }
  if (!lowerCourt) {
    // "Appeal from the High Court of judicature, Bombay" where the table has no such spelling: keep the phrase.
    for (const line of headLines) {
      const m = /\b(?:[Aa]ppeals?|[Pp]etitions?|APPEALS?|PETITIONS?)\b[^\n]{0,120}?\b(?:from|FROM)\b[^\n]{0,80}?\b((?:the\s+)?(?:\p{Lu}[\p{L}'’]*\s+){0,3}(?:High\s+Court|Court|Tribunal)(?:\s+of\s+(?:[Jj]udicature\s*,?\s*(?:at\s+|for\s+)?)?\p{Lu}\p{L}+)?)/u.exec(line.text);
      if (m) {
        const at = line.start + m.index + m[0].length - m[1].length;
        lowerCourt = { court: findCourtName(m[1])?.court ?? null, source: spanOf(text, at, at + m[1].length) };
        break;
      }
    }
  }
  // The judgment's own neutral citation is in the header, not on an "On appeal from" line (the court below's).
  const neutral = entities.find((e) => {
    if (e.type !== 'case_citation' || e.form !== 'neutral' || e.start >= end) return false;
    const lineStart = text.lastIndexOf('\n', e.start) + 1;
    return !/\b(?:appeal(?:ed)?\s+from|from\s*:|against)\b/i.test(text.slice(lineStart, e.start));
  });
  const caseNumbers = entities.filter((e) => e.type === 'case_number' && e.start < end).map((e) => spanOf(text, e.start, e.end));
  let date: JudgmentHeader['date'] = null;
  const head = text.slice(0, end);
  const yearFirst = new RegExp(String.raw`\b(1[89]\d\d|20\d\d)\.\s*(${MONTH})\s+(\d{1,2})\b`).exec(head);
  if (yearFirst) {
    const month = MONTH.slice(3, -1).split('|').indexOf(yearFirst[2]) + 1;
    date = { iso: `${yearFirst[1]}-${String(month).padStart(2, '0')}-${yearFirst[3].padStart(2, '0')}`, source: spanOf(text, yearFirst.index, yearFirst.index + yearFirst[0].length) };
  } else {
    const d = entities.find((e) => e.type === 'date' && e.start < end && e.normalized && /(?:judgment|decided|delivered|dated|date)\b[^\n]{0,40}$/i.test(text.slice(Math.max(0, e.start - 60), e.start)));
    if (d) date = { iso: d.normalized!, source: spanOf(text, d.start, d.end) };
  }
  const parties = headerParties(text, lines, entities, end);
  return {
    span: spanOf(text, 0, end),
    court,
    lowerCourt,
    neutralCitation: neutral ? spanOf(text, neutral.start, neutral.end) : null,
    caseNumbers,
    date,
    parties,
    delivered,
  };
}

export type { Court };
