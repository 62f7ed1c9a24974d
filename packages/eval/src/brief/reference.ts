/**
 * The result a reference summary states, when it states one in a form that cannot be a lower court's:
 * UK press summaries ("The Supreme Court unanimously dismisses the appeal", "Appeal allowed"), Indian
 * headnotes ("Allowing the appeal, the Court HELD: …", or ending "Appeal allowed." / "Petition dismissed."). Mixed results (allowed on one issue, dismissed
 * on another) are not a single result and give null. Used to check the brief's outcome over the training data,
 * and usable to check that a summary states the result.
 */
export type ReferenceResult = 'allowed' | 'dismissed' | 'partly_allowed';

const UK_COURT =
  /\bThe (?:Supreme )?Court\s+(?:\w+\s+){0,6}?(?:unanimously\s+|by a majority[^,.]{0,40},?\s+|therefore\s+|accordingly\s+)?(allows|dismisses)\b[^.]{0,60}?\bappeals?\b(\s+in\s+part)?/gi;
const STANDALONE = /(?:^|[.]\s+|\n)\s*(?:The\s+)?(?:Appeals?|Petitions?|Writ Petitions?|Cross-appeals?)\s+(?:unanimously\s+|partly\s+)?(allowed|dismissed)(\s+in\s+part)?\s*(?:[.;]|$)/gi;

/** Indian headnotes: "Allowing the appeal, the Court HELD: …", "Dismissing the petitions, HELD …". */
const HEADNOTE = /(?:^|[.:]\s+|\n)\s*(Allowing|Dismissing)\s+the\s+(?:\w+\s+){0,3}?(?:appeals?|petitions?)\b(\s+in\s+part|\s+partly)?/g;

export function referenceResult(summary: string): ReferenceResult | null {
  const found = new Set<ReferenceResult>();
  for (const m of summary.matchAll(HEADNOTE)) found.add(m[2] ? 'partly_allowed' : m[1] === 'Allowing' ? 'allowed' : 'dismissed');
  for (const m of summary.matchAll(UK_COURT)) {
    found.add(m[2] ? 'partly_allowed' : m[1].toLowerCase() === 'allows' ? 'allowed' : 'dismissed');
    // "… allows Mr Shah's appeal and dismisses Mr Patel's appeal": two results, not one.
    const rest = summary.slice(m.index + m[0].length).split(/(?<=\.)\s/)[0];
    const other = /\b(allows|dismisses)\b/i.exec(rest);
    if (other) found.add(other[1].toLowerCase() === 'allows' ? 'allowed' : 'dismissed');
  }
  for (const m of summary.matchAll(STANDALONE)) {
    const partly = /partly/i.test(m[0]) || m[2] !== undefined;
    found.add(partly ? 'partly_allowed' : m[1].toLowerCase() === 'allowed' ? 'allowed' : 'dismissed');
  }
  if (found.size !== 1) return null;
  return [...found][0];
}

/** Whether a brief's disposition agrees with a stated result (an appeal allowed in part agrees with "allowed in part" only). */
export function agrees(disposition: string | null | undefined, result: ReferenceResult): boolean {
  if (!disposition) return false;
  if (result === 'partly_allowed') return disposition === 'partly_allowed';
  if (result === 'allowed') return disposition === 'allowed' || disposition === 'set_aside' || disposition === 'granted';
  return disposition === 'dismissed' || disposition === 'refused';
}
