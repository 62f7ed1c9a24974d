import { findCaseCitations } from './citations.js';
import { findDates } from './dates.js';
import { findMoney } from './money.js';
import { findCaseNumbers, findCourts, findJudges, findParties } from './names.js';
import { findStatutes } from './statutes.js';
import type { Entity, EntityType } from './types.js';

export { ENTITY_TYPES, type Entity, type EntityType, type CitationForm, type SourceRef } from './types.js';
export { caseNameBefore, findFullCitations } from './citations.js';
export { resolveStatutes, splitStatuteMention, type StatuteInstrument } from './instruments.js';
export { findReporterCitations, lookupReporter, type ReporterCitation, type ReporterEdition } from './reporters.js';
export { findStatutes } from './statutes.js';

/** When two entities overlap, the one of the higher priority (then the longer one) is kept. */
const PRIORITY: Record<EntityType, number> = {
  case_citation: 8,
  statute: 7,
  case_number: 6,
  money: 5,
  date: 4,
  judge: 3,
  court: 2,
  party: 1,
};

/**
 * Entities with character spans: case citations (full and short forms, resolved), statutes and
 * provisions, parties from the title, judges, dates (ISO 8601), money (with currency), case numbers
 * and courts. Deterministic; offsets are UTF-16 indices into `text`, and `text.slice(start, end)`
 * equals `entity.text`.
 */
export function extractEntities(text: string): Entity[] {
  const candidates = [
    ...findCaseCitations(text),
    ...findStatutes(text),
    ...findCaseNumbers(text),
    ...findMoney(text),
    ...findDates(text),
    ...findJudges(text),
    ...findCourts(text),
    ...findParties(text),
  ];
  candidates.sort((a, b) => PRIORITY[b.type] - PRIORITY[a.type] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  // Characters already covered by a kept entity (spans are short, so this is linear in the text).
  const taken = new Uint8Array(text.length);
  const kept: Entity[] = [];
  for (const c of candidates) {
    if (c.end <= c.start) continue;
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
