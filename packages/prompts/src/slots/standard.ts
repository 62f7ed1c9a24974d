import type { SlotSource, SlotType } from '../types.js';

/**
 * The values `slotsFromCase` can fill, by key. A template slot whose source is not `user` names one of these
 * keys (its `from`, or its own name), and must agree with its type and source.
 */
export const STANDARD_SLOTS = {
  courtName: { type: 'string', source: 'case', description: 'Name of the court' },
  caseNumber: { type: 'string', source: 'case', description: 'Docket or claim number' },
  caseTitle: { type: 'string', source: 'case', description: 'Short title, e.g. "Smith v Jones"' },
  caseType: { type: 'string', source: 'case', description: 'Kind of proceedings' },
  filedDate: { type: 'date', source: 'case', description: 'Date the case was filed' },
  parties: { type: 'parties', source: 'case', description: 'Parties with their roles and counsel' },
  judgeName: { type: 'string', source: 'case', description: 'Presiding judge' },
  background: { type: 'sentences', source: 'summary', description: 'Summary sentences, each linked to its source' },
  issues: { type: 'sentences', source: 'brief', description: 'Issues identified in the brief' },
  timeline: { type: 'sentences', source: 'brief', description: 'Sentences of the dated events in the brief, in date order' },
  authorities: { type: 'sentences', source: 'brief', description: 'Authorities cited in the case documents' },
} as const satisfies Record<string, { type: SlotType; source: Exclude<SlotSource, 'user'>; description: string }>;

export type StandardSlotKey = keyof typeof STANDARD_SLOTS;

export function isStandardSlotKey(key: string): key is StandardSlotKey {
  return Object.hasOwn(STANDARD_SLOTS, key);
}
