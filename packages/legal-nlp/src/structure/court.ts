import type { Entity } from '../entities/index.js';
import { apexOf, courtTable, findCourtName } from './courts.js';
import { spanOf } from './header.js';
import type { Court, DecidingCourt, JudgmentStructure, Jurisdiction, Span } from './types.js';

const IN_SIGNS = /\bRs\.?\s?\d|\bIndia\b|\bIndian\b|\b(?:Rajasthan|Bombay|Madras|Calcutta|Bihar|Punjab|Uttar Pradesh|Mysore|Kerala|Hyderabad|Andhra|Gujarat|Orissa|Assam|Delhi|Jaipur|Patna|Allahabad|Lahore|Nagpur|Travancore|Madhya Pradesh|Karnataka|Maharashtra|Haryana)\b|\bAct,\s(?:18|19|20)\d\d\b|\bI\.\s?P\.\s?C\b|\bSessions Judge\b|\bUnion of India\b|\bCode of Civil Procedure\b|\bCr\.?\s?P\.?\s?C\b|\bArticles?\s+(?:32|136|226|133|134)\b|\bspecial leave\b|\blakhs?\b|\bcrores?\b|\bHigh Court of (?:Judicature|Bombay|Madras|Calcutta|Allahabad|Patna|Punjab)/g;
const UK_SIGNS = /\bLJJ?\b|\bLord Justice\b|\bSecretary of State\b|\bNorthern Ireland\b|£\s?\d|\bQC\b|\bKC\b|\bCourt of Session\b|\bStrasbourg\b|\bUKSC\b|\bEWCA\b|\bEWHC\b|\bUKHL\b/g;
const US_SIGNS = /\bU\.\s?S\.\s?C\.|\bF\.\s?(?:2d|3d|4th)\b|\bCir\.\b|\bcertiorari\b|\bFourteenth Amendment\b|\bFirst Amendment\b/g;
const CN_SIGNS = /人民法院|判决|本院|原告|被告/g;

/** The jurisdiction the text's own vocabulary points to, or null when it does not clearly point to one. */
function jurisdictionOf(text: string): Jurisdiction | null {
  const sample = text.length > 60000 ? text.slice(0, 40000) + text.slice(-20000) : text;
  const score = (re: RegExp) => (sample.match(re) ?? []).length;
  const scores: Array<[Jurisdiction, number]> = [
    ['IN', score(IN_SIGNS)],
    ['UK', score(UK_SIGNS)],
    ['US', score(US_SIGNS)],
    ['CN', score(CN_SIGNS)],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  return scores[0][1] >= 2 && scores[0][1] >= 2 * scores[1][1] ? scores[0][0] : null;
}

const THIS_COURT = /\b(?:this|the present)\s+[Cc]ourt\b|本院/;
const THIS_HOUSE = /\b(?:this House|your Lordships'? House)\b/;
const SELF_NAMED = /\b(?:(?:appeals?|permission\s+to\s+appeal|leave\s+to\s+appeal|special\s+leave(?:\s+to\s+appeal)?)(?:\s+[\w,]+){0,4}?\s+(?:to|in|before)\s+(?:the\s+|this\s+)?|Justices\s+of\s+the\s+|(?:this|the present)\s+Court\s+\(\s*(?:the\s+)?)(Supreme\s+Court(?:\s+of\s+(?:India|the\s+United\s+Kingdom))?)\b/;
/** "appeal from the judgments and decrees, dated …, of the Orissa High Court": a window after "from"/"against" to look up. */
const LOWER = /\b(?:appeals?|appealed|appealing|petitions?)\b[^.\n]{0,40}?\b(?:from|against)\b([^\n]{0,220})/gi;
/** Courts below named as such in UK judgments: "the Court of Appeal (Ward, Longmore and Jackson LJJ)", "the Court of Appeal, by a majority, allowed". */
const UK_BELOW =
  /\b(Court of Appeal(?:\s+in\s+Northern\s+Ireland)?|Inner House|First Division|Second Division|Extra Division)\s*(?:\([^)]*\)\s*)?(?:,[^,.]{0,40},\s*)?(?:held|allowed|dismissed|reversed|upheld|decided|concluded|reached|rejected|accepted|found|took|granted|refused|agreed|disagreed|was\s+(?:right|wrong)|erred)\b|\b(?:decision|judgment|order|interlocutor)\s+of\s+the\s+(Court of Appeal(?:\s+in\s+Northern\s+Ireland)?|Inner House|First Division|Second Division|Extra Division)\b/g;

const RANK: Record<Court['level'], number> = { apex: 4, appellate: 3, tribunal: 2, trial: 1, other: 0 };

/**
 * The deciding court with its evidence, strongest first: a heading line of the header naming the court, the
 * judgment's own neutral citation, the text naming itself ("permission to appeal to the Supreme Court",
 * "this House"), or the route of appeal (an appeal from a court whose appeals go to one court, heard by
 * "this Court"). Null, with no guess, when none of these is in the text.
 */
export function decidingCourt(text: string, s: JudgmentStructure, entities: Entity[]): DecidingCourt | null {
  const h = s.header;
  if (h.court) {
    return { court: h.court.court, basis: 'heading', confidence: 0.95, reason: `named on a heading line of the header`, sources: [h.court.source] };
  }
  if (h.neutralCitation) {
    const e = entities.find((x) => x.start === h.neutralCitation!.start);
    const code = e?.reporter?.split(' ')[0];
    const court = code ? courtTable().byCode.get(code) : undefined;
    if (court) return { court, basis: 'neutral_citation', confidence: 0.95, reason: `the judgment's own neutral citation (${code})`, sources: [h.neutralCitation] };
  }
  // A cover sheet run into the text: "Trinity Term [2010] UKSC 26 On appeal from: [2009] EWCA Civ 1" names the judgment's own citation.
  const term = /\b(?:Michaelmas|Hilary|Easter|Trinity)\s+Term\s+(\[\d{4}\]\s+(UKSC|UKPC|UKHL)\s+\d+)/.exec(text);
  if (term) {
    const court = courtTable().byCode.get(term[2])!;
    const at = term.index + term[0].length - term[1].length;
    return { court, basis: 'neutral_citation', confidence: 0.9, reason: `the judgment's own neutral citation on its cover sheet (${term[2]})`, sources: [spanOf(text, at, at + term[1].length)] };
  }
  const usable = s.roles.filter((r) => r.role !== 'quotation' && r.role !== 'citation_only' && r.role !== 'submission');
  let thisCourt: Span | null = null;
  let thisHouse: Span | null = null;
  for (const r of usable) {
    const sentence = text.slice(r.start, r.end);
    const named = SELF_NAMED.exec(sentence);
    if (named && !/\b(?:refused|dismissed\s+an?\s+application)\b/.test(sentence)) {
      const name = named[1];
      const jurisdiction: Jurisdiction | null = /India/.test(name) ? 'IN' : /United Kingdom/.test(name) ? 'UK' : jurisdictionOf(text);
      const court = jurisdiction ? apexOf(jurisdiction) : undefined;
      if (court && (court.jurisdiction === 'UK' || court.jurisdiction === 'IN')) {
        const at = r.start + named.index + named[0].length - name.length;
        return { court, basis: 'self_reference', confidence: 0.9, reason: `the judgment speaks of the appeal to ${name.replace(/\s+/g, ' ')}${/of/.test(name) ? '' : ` (a ${jurisdiction} text)`}`, sources: [spanOf(text, at, at + name.length)] };
      }
    }
    if (!thisCourt) {
      const m = THIS_COURT.exec(sentence);
      if (m) thisCourt = spanOf(text, r.start + m.index, r.start + m.index + m[0].length);
    }
    if (!thisHouse) {
      const m = THIS_HOUSE.exec(sentence);
      if (m) thisHouse = spanOf(text, r.start + m.index, r.start + m.index + m[0].length);
    }
  }
  // The route of appeal: the highest court the case came from, whose appeals go to one court.
  let lower: { court: Court | null; source: Span } | null = h.lowerCourt;
  if (!lower?.court) {
    const limit = Math.min(text.length, Math.max(20000, text.length * 0.4));
    const region = text.slice(h.span.end, limit);
    for (const m of region.matchAll(LOWER)) {
      const found = findCourtName(m[1]);
      if (!found) continue;
      const at = h.span.end + m.index + m[0].length - m[1].length;
      const candidate = { court: found.court, source: spanOf(text, at + found.start, at + found.end) };
      if (!lower?.court || RANK[candidate.court.level] > RANK[lower.court.level]) lower = candidate;
    }
    for (const m of region.matchAll(UK_BELOW)) {
      const name = m[1] ?? m[2];
      const found = findCourtName(name);
      if (!found || (lower?.court && RANK[found.court.level] <= RANK[lower.court.level])) continue;
      const at = h.span.end + m.index + m[0].indexOf(name);
      lower = { court: found.court, source: spanOf(text, at, at + name.length) };
    }
  }
  const jurisdiction = jurisdictionOf(text);
  let target: Court | undefined;
  if (lower?.court?.appealsTo) target = courtTable().byId.get(lower.court.appealsTo);
  else if (lower && !lower.court && /High\s+Court/i.test(lower.source.text) && jurisdiction === 'IN') target = apexOf('IN');
  else if (jurisdiction === 'IN' && /\b(?:appeals?|petitions?)\s+(?:\(?[^)]{0,20}\)?\s+)?by\s+special\s+leave\b/i.test(text.slice(0, Math.max(h.span.end, 2000)))) {
    const court = apexOf('IN')!;
    const m = /\bspecial\s+leave\b/i.exec(text)!;
    return { court, basis: 'appeal_route', confidence: 0.8, reason: 'appeal by special leave (article 136 of the Constitution of India: the Supreme Court of India)', sources: [spanOf(text, m.index, m.index + m[0].length)] };
  }
  if (!target && jurisdiction === 'IN' && /\b(?:Article|Art\.)\s*32\b/.test(text.slice(0, Math.max(h.span.end, 3000))) && /\bpetition/i.test(text.slice(0, 3000))) {
    const court = apexOf('IN')!;
    return { court, basis: 'appeal_route', confidence: 0.8, reason: 'petition under Article 32 of the Constitution (original jurisdiction of the Supreme Court of India)', sources: [] };
  }
  if (target && lower) {
    if (target.id === 'uksc' && thisHouse && !thisCourt) {
      const hl = courtTable().byId.get('ukhl')!;
      return { court: hl, basis: 'self_reference', confidence: 0.8, reason: `appeal from the ${lower.source.text.replace(/\s+/g, ' ')}; the judgment speaks of "${thisHouse.text}"`, sources: [lower.source, thisHouse] };
    }
    const sources = thisCourt ? [lower.source, thisCourt] : [lower.source];
    return {
      court: target,
      basis: 'appeal_route',
      confidence: thisCourt ? 0.8 : 0.6,
      reason: `appeal from the ${lower.source.text.replace(/\s+/g, ' ').replace(/^the\s+/i, '')}, whose appeals go to the ${target.name}${thisCourt ? `, heard by "${thisCourt.text}"` : ''}`,
      sources,
    };
  }
  return null;
}
