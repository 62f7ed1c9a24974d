import type { Disposition } from './types.js';

/**
 * Disposition sentences spoken by the court or by a judge about this case: "the appeal is allowed", "I would
 * dismiss the appeal", "we allow the appeal in part", "Appeal allowed.", "the matter is remitted to …".
 * Reports of other decisions ("the Court of Appeal dismissed the appeal", "the appeal was allowed") are not
 * dispositions; whether a sentence is a submission, a quotation or a dissent is decided by the structure.
 */

const SUBJECT = String.raw`(?:(?:the|this|these|both|all|each of the|present|cross|second|first|civil|criminal|writ|special leave|revision|review|original|(?:the\s+)?[a-z]+'s?|appellants?'?s?|respondents?'?s?|claimants?'?s?|defendants?'?s?)\s+)*(?:appeals?|petitions?|applications?|revisions?|suits?|claims?|references?|cross-appeals?|review petitions?|writs? petitions?|matters?)`;
const MODAL = String.raw`(?:is|are|must|should|will|would|shall|be|stands?|must\s+be|should\s+be|will\s+be|would\s+be|shall\s+be|ought\s+to\s+be|is\s+to\s+be|are\s+to\s+be|will\s+therefore\s+be|must\s+therefore\s+be|is\s+accordingly|are\s+accordingly|is\s+therefore|are\s+therefore|is\s+hereby|are\s+hereby|would\s+accordingly\s+be|should\s+accordingly\s+be|must\s+accordingly\s+be|is\s+consequently|are\s+consequently)`;
const ADV = String.raw`(?:\s+(?:accordingly|therefore|also|hereby|consequently|in\s+consequence|partly|partially|only|substantially|unanimously))*`;
const FIRST_PERSON = String.raw`\b(?:I|we|We)\s+(?:would|will|must|shall|therefore|accordingly|also|consequently|respectfully|unanimously|(?:would|should)\s+(?:therefore|accordingly|also|for\s+my\s+part)|would\s+have|should\s+have)?\s*`;

const PARTLY = new RegExp(
  String.raw`\b${SUBJECT}\s+${MODAL}${ADV}\s+(?:partly|partially|allowed\s+in\s+part|allowed\s+to\s+(?:a|the)\s+(?:limited\s+)?extent|allowed\s+in\s+(?:the\s+)?terms)|\b(?:partly|partially)\s+allow(?:ed)?\b|${FIRST_PERSON}allow\s+(?:the\s+|this\s+|both\s+|these\s+)?(?:appeals?|petitions?)\s+(?:in\s+part|to\s+(?:a|the)\s+(?:limited\s+)?extent|only\s+to)|\ballowed\s+in\s+part\b`,
  'i',
);
const ALLOWED = new RegExp(
  String.raw`\b(?:I|we)\s+would\b[^.;]{0,120}?,?\s+(?:but|and)\s+allow\s+(?:the|this|these|both)\s+(?:\w+\s+)?appeals?\b|\b${SUBJECT}\s+${MODAL}${ADV}\s+(?:allowed|accepted|successful|upheld)\b|${FIRST_PERSON}allow(?:ed)?\s+(?:the\s+|this\s+|both\s+|these\s+|each\s+of\s+the\s+|all\s+the\s+|the\s+present\s+)?(?:\w+\s+){0,3}?(?:appeals?|petitions?|applications?|cross-appeals?)\b|\b${SUBJECT}\s+(?:therefore\s+|accordingly\s+|must\s+|should\s+|would\s+|will\s+)?succeeds?\b|^\s*(?:the\s+)?(?:appeals?|petitions?|writ petitions?|applications?)\s+(?:are\s+|is\s+)?allowed\b|\brule\s+(?:is\s+)?made\s+absolute\b`,
  'i',
);
const DISMISSED = new RegExp(
  String.raw`\b(?:I|we)\s+would\b[^.;]{0,120}?,?\s+(?:but|and)\s+dismiss\s+(?:the|this|these|both)\s+(?:\w+\s+)?appeals?\b|\b${SUBJECT}\s+${MODAL}${ADV}\s+(?:dismissed|rejected|refused|disallowed)\b|${FIRST_PERSON}dismiss(?:ed)?\s+(?:the\s+|this\s+|both\s+|these\s+|each\s+of\s+the\s+|all\s+the\s+|the\s+present\s+)?(?:\w+\s+){0,3}?(?:appeals?|petitions?|applications?|cross-appeals?)\b|\b${SUBJECT}\s+(?:therefore\s+|accordingly\s+|must\s+|should\s+|would\s+|will\s+)?fails?\b|\b${SUBJECT}\s+(?:must|should|would|will)\s+(?:therefore\s+|accordingly\s+)?fail\b|^\s*(?:the\s+)?(?:appeals?|petitions?|writ petitions?|applications?)\s+(?:are\s+|is\s+)?dismissed\b|\bdismissed\s+with\s+costs\b|\brule\s+(?:is\s+)?discharged\b`,
  'i',
);
const REMITTED = /\b(?:remit(?:ted)?|remand(?:ed)?|sent back)\b[^.;]{0,120}\b(?:to|for)\b/i;
const SET_ASIDE =
  /\b(?:conviction|order|judgment|decree|decision|sentence|award|direction|certificate|interlocutor|finding|notification|proceedings?|assessment)s?\b[^.;]{0,80}\b(?:is|are|be|stand)\s+(?:hereby\s+|accordingly\s+|therefore\s+)?(?:set\s+aside|quashed)\b|\b(?:I|we)\s+(?:would\s+|therefore\s+|accordingly\s+)?(?:set\s+aside|quash)\b/i;
const NO_ORDER = /\b(?:I|we)\s+(?:would\s+|shall\s+)?make\s+no\s+order\b(?!\s+(?:as\s+to|for|on)\s+costs)|\bno\s+order\s+(?:is\s+)?(?:made|required)\s+on\s+the\s+(?:appeal|petition|application)/i;
const GRANTED = /\b(?:leave|permission|special leave|relief|injunction|writ|declaration)\b[^.;]{0,40}\b(?:is|be|are|will be|should be)\s+(?:hereby\s+)?granted\b/i;
const REFUSED = /\b(?:leave|permission|special leave|relief|injunction|declaration)\b[^.;]{0,40}\b(?:is|are|will\s+be|should\s+be|must\s+be)\s+(?:hereby\s+|accordingly\s+|therefore\s+)?(?:refused|declined)\b|\b(?:I|we)\s+(?:would\s+)?refuse\s+(?:leave|permission|special leave|the\s+application)/i;

const ACCORDINGLY = /^\s*(?:there\s+will\s+be\s+an?\s+)?orders?\s+accordingly\b|\bwe\s+(?:would\s+)?dispose\s+of\s+the\s+(?:appeals?|petitions?)\s+accordingly\b/i;

/** Reports and non-decisions that contain disposition words. */
const NOT_OWN = /\b(?:whether|if\s+the\s+appeal\s+(?:is|were|was)|unless|was\s+(?:partly\s+)?(?:allowed|dismissed)|were\s+(?:partly\s+)?(?:allowed|dismissed)|had\s+been\s+(?:allowed|dismissed)|(?:should|would|must)\s+not\s+be\s+(?:allowed|dismissed))\b|\?\s*$/i;

/** Where the deciding verb of a match stands ("I would dismiss X's appeal and allow the cross appeal": dismiss first). */
function verbAt(m: RegExpExecArray): number {
  const at = m[0].search(/dismiss|allow|fail|succe|reject|accept|refus|upheld/i);
  return m.index + Math.max(0, at);
}

export interface DispositionCue {
  disposition: Disposition;
  also: Disposition[];
}

/** The disposition a sentence states, if it states one in the court's or a judge's own voice. */
/** Chinese judgments: 驳回上诉 (appeal dismissed), 发回重审 (remitted for retrial), 撤销…判决 (set aside), 改判 (varied on appeal). */
function chineseDisposition(sentence: string): DispositionCue | null {
  const also: Disposition[] = [];
  if (/发回.{0,8}重审/.test(sentence)) also.push('remitted');
  if (/撤销.{0,60}(?:判决|裁定|决定)/.test(sentence)) also.push('set_aside');
  if (/驳回(?:上诉|再审申请)/.test(sentence)) return { disposition: 'dismissed', also };
  if (/驳回.{0,12}(?:诉讼请求|申请|起诉)/.test(sentence)) return { disposition: 'dismissed', also };
  if (/改判/.test(sentence)) return { disposition: 'allowed', also };
  return also.length > 0 ? { disposition: also[0], also: also.slice(1) } : null;
}

export function dispositionOf(sentence: string): DispositionCue | null {
  if (sentence.length > 700) return null;
  if (/\p{Script=Han}/u.test(sentence)) return chineseDisposition(sentence);
  const own = !NOT_OWN.test(sentence) || /\b(?:would\s+be|is|are|will\s+be)\s+(?:allowed|dismissed)\b/i.test(sentence.replace(/\bwhether\b.*$/i, ''));
  let main: Disposition | null = null;
  if (own) {
    if (PARTLY.test(sentence)) main = 'partly_allowed';
    else {
      const a = ALLOWED.exec(sentence);
      const d = DISMISSED.exec(sentence);
      // Both in one sentence ("the appeal is allowed and the cross-appeal dismissed"): the first stated wins.
      if (a && d) main = verbAt(a) <= verbAt(d) ? 'allowed' : 'dismissed';
      else if (a) main = 'allowed';
      else if (d) main = 'dismissed';
    }
  }
  const also: Disposition[] = [];
  if (REMITTED.test(sentence) && !/\bwas\s+remitted\b/i.test(sentence)) also.push('remitted');
  if (SET_ASIDE.test(sentence)) also.push('set_aside');
  if (NO_ORDER.test(sentence)) also.push('no_order');
  if (!main) {
    if (GRANTED.test(sentence)) main = 'granted';
    else if (REFUSED.test(sentence)) main = 'refused';
    else if (also.length > 0 && own && !/\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:set\s+aside|quashed|remitted|remanded)\b/.test(sentence)) main = also.shift()!;
    else if (ACCORDINGLY.test(sentence)) main = 'order_accordingly';
  }
  return main ? { disposition: main, also: also.filter((x) => x !== main) } : null;
}

/** A closing order line: "Appeal allowed.", "Appeals dismissed.", "Petition allowed in part.", "Appeal partly allowed." */
export const ORDER_LINE =
  /^\s*(?:(?:[A-Z]\.\s?){1,4}\s*)?(?:\d{1,4}\s+)?(?:the\s+)?(?:(?:civil|criminal|writ|special\s+leave|review|transfer|cross)\s+)?(?:appeals?|petitions?|applications?|revisions?|references?)(?:\s+(?:are|is))?\s+(?:partly\s+|partially\s+)?(?:allowed|dismissed|disposed\s+of|rejected|accepted)(?:\s+in\s+part|\s+with\s+costs|\s+without\s+costs|\s+partly|\s+accordingly|\s+as\s+withdrawn)*\s*[.:]?\s*$/i;

/** The order of the court after divided opinions: "ORDER In accordance with the opinion of the majority, the appeal is dismissed". */
export const MAJORITY_ORDER =
  /^\s*(?:\d{1,4}\s+)?ORDER(?:\s+(?:OF|BY)\s+(?:THE\s+)?COURT)?\b|\b(?:in\s+accordance\s+with|in\s+view\s+of|in\s+terms\s+of)\s+the\s+(?:opinion|judgment|view|decision)s?\s+of\s+the\s+majority\b/;

/** Costs and consequential orders that follow a disposition. */
export const CONSEQUENTIAL = /\b(?:costs?|restored|set\s+aside|remitted|remanded|directions?|order\s+accordingly|bail|released|refund|declare|declaration)\b/i;

export function voteOf(d: Disposition): 'allowed' | 'dismissed' | 'partly_allowed' | null {
  if (d === 'allowed' || d === 'set_aside' || d === 'granted') return 'allowed';
  if (d === 'dismissed' || d === 'refused') return 'dismissed';
  if (d === 'partly_allowed') return 'partly_allowed';
  return null;
}
