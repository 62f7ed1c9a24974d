/**
 * Whether a text states how a case ended ("the appeal is dismissed", "Appeal allowed.", "we allow the
 * appeal"). Written for evaluation and kept apart from the product's own disposition finder
 * (@amicus/legal-nlp), so that the figure it yields measures the summarizer instead of agreeing with it.
 */

/** The result classes that references and summaries are compared on. */
export type StatedResult = 'allowed' | 'dismissed';

const PROCEEDING = String.raw`(?:appeals?|petitions?|applications?|writ petitions?|revisions?|cross-appeals?|reference)`;
const PARTIAL = String.raw`(?:(?:partly|partially|in part)\s+)?`;
const BE = String.raw`(?:(?:is|are|was|were|be|stands?|must be|should be|would be|will be|shall be|are accordingly|is accordingly|is therefore|are therefore|accordingly|therefore|hereby)\s+){0,2}`;

function patterns(verb: string, participle: string): RegExp[] {
  return [
    // "The appeal is dismissed", "appeals partly allowed", "the appeal accordingly fails and is dismissed"
    new RegExp(String.raw`\b${PROCEEDING}\b[^.;]{0,60}?\b${BE}${PARTIAL}${participle}\b`, 'i'),
    // "We dismiss the appeal", "The Supreme Court unanimously allows the appeal", "I would allow this appeal"
    new RegExp(String.raw`\b${verb}(?:es|s|ed)?\s+(?:the|this|these|both|all|his|her|their|its)?\s*(?:\w+\s+){0,2}${PROCEEDING}\b`, 'i'),
    // "Appeal dismissed." as a sentence of its own
    new RegExp(String.raw`(?:^|[.!?]\s+)\W*${PROCEEDING}\s+${PARTIAL}${participle}\b`, 'i'),
  ];
}

const CLASSES: Array<[StatedResult, RegExp[]]> = [
  ['dismissed', [...patterns('dismiss', 'dismissed'), new RegExp(String.raw`\b${PROCEEDING}\s+(?:therefore\s+|accordingly\s+|must\s+)?fails?\b`, 'i')]],
  ['allowed', [...patterns('allow', 'allowed'), new RegExp(String.raw`\b${PROCEEDING}\s+(?:therefore\s+|accordingly\s+)?succeeds?\b`, 'i')]],
];

/**
 * A court below or another decision-maker as the subject ("The High Court dismissed the appeal", "the Tribunal
 * allowed the application"): such a sentence tells the history of the case, not its result.
 */
const OTHER_DECIDER =
  /\b(?:high court|court of appeal|inner house|divisional court|tribunal|trial court|trial judge|district (?:court|judge)|sessions (?:court|judge)|magistrate|single judge|learned judge|judicial commissioner|collector|commissioner|board|appellate (?:court|authority)|lower court|courts? below|first instance)\b/i;
/** The deciding court named as the subject. */
const THIS_COURT = /\b(?:supreme court|this court|house of lords|privy council|we|i)\b/i;

/** Every result class the text states (an order can state both: "allowed in part and otherwise dismissed"). */
export function statedResults(text: string): Set<StatedResult> {
  const out = new Set<StatedResult>();
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    for (const [cls, res] of CLASSES) {
      for (const re of res) {
        const m = re.exec(sentence);
        if (!m) continue;
        const before = sentence.slice(0, m.index + m[0].length);
        if (OTHER_DECIDER.test(before) && !THIS_COURT.test(before)) continue;
        out.add(cls);
      }
    }
  }
  return out;
}

/**
 * The result a reference summary states, or null when it states none or states both (a mixed order
 * cannot be checked by class).
 */
export function referenceResult(reference: string): StatedResult | null {
  const found = statedResults(reference);
  return found.size === 1 ? [...found][0] : null;
}

/** True when the summary text (sentences one a line) states `result`. */
export function summaryStatesResult(summary: string, result: StatedResult): boolean {
  return statedResults(summary.replace(/\s+/g, ' ')).has(result);
}
