import type { CaseInput } from '../src/slots/from-case.js';

/** The claimant's particulars of claim in a fictional negligence case (document "doc-claim"). */
export const claimText = `IN THE HIGH COURT OF JUSTICE
KING'S BENCH DIVISION

Claim No. KB-2025-001234

BETWEEN
MARGARET ELLISON (Claimant)
and
NORTHGATE HOUSING TRUST (Defendant)

PARTICULARS OF CLAIM

1. The Claimant is the tenant of Flat 4, Orchard Court, under a tenancy granted by the Defendant on 1 June 2019.

2. On 14 January 2024 the Claimant fell on the communal stairway of Orchard Court because a handrail had come away from the wall. The Defendant had been told of the loose handrail on 2 December 2023 and did not repair it.

3. The Claimant suffered a fractured wrist and has lost earnings of £8,400.

4. The Defendant owed the Claimant a duty of care in respect of the common parts, applying Donoghue v Stevenson [1932] AC 562 and Robinson v Chief Constable of West Yorkshire Police [2018] UKSC 4. The Claimant claims damages for negligence and for breach of the landlord's repairing covenant.
`;

/** The defence (document "doc-defence"). */
export const defenceText = `DEFENCE

1. The Defendant admits the tenancy and that the Claimant fell on 14 January 2024.

2. The Defendant denies that it was told of the loose handrail before the fall. Its repairs log records no report before 15 January 2024.

3. The Defendant contends that no duty arises beyond the repairing covenant, relying on Caparo Industries plc v Dickman [1990] 2 AC 605.
`;

export const caseDocuments = [
  { documentId: 'doc-claim', text: claimText },
  { documentId: 'doc-defence', text: defenceText },
];

/** The span of `needle` in `text`, for building anchors the way the summarizer reports them. */
export function spanOf(text: string, needle: string): { start: number; end: number } {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture text not found: ${needle}`);
  return { start, end: start + needle.length };
}

const s1 = 'On 14 January 2024 the Claimant fell on the communal stairway of Orchard Court because a handrail had come away from the wall.';
const s2 = 'The Defendant had been told of the loose handrail on 2 December 2023 and did not repair it.';
const s3 = 'The Defendant denies that it was told of the loose handrail before the fall.';
const issue = 'The Defendant owed the Claimant a duty of care in respect of the common parts';
const authority = '[1990] 2 AC 605';
const fall = 'The Defendant admits the tenancy and that the Claimant fell on 14 January 2024.';

export const caseInput: CaseInput = {
  caseRecord: {
    docketNumber: 'KB-2025-001234',
    title: 'Ellison v Northgate Housing Trust',
    court: "High Court of Justice, King's Bench Division",
    caseType: 'civil',
    filedDate: '2025-02-10',
    judge: 'Mrs Justice Okafor',
    parties: [
      { name: 'Margaret Ellison', role: 'Claimant', counsel: 'Ms R. Patel' },
      { name: 'Northgate Housing Trust', role: 'Defendant', counsel: null },
    ],
  },
  summary: {
    documentId: 'doc-claim',
    sentences: [
      { text: s1, ...spanOf(claimText, s1), paragraph: 2 },
      { text: s2, ...spanOf(claimText, s2), paragraph: 2 },
      { text: s3, ...spanOf(defenceText, s3), documentId: 'doc-defence', paragraph: 1 },
    ],
  },
  // The shape buildBrief of @amicus/legal-nlp returns.
  brief: {
    issues: [
      {
        value: 'Whether the Defendant owed the Claimant a duty of care in respect of the common parts.',
        sources: [{ documentId: 'doc-claim', ...spanOf(claimText, issue), text: issue }],
      },
      {
        value: 'Whether the Defendant was told of the loose handrail before the fall.',
        sources: [{ documentId: 'doc-defence', ...spanOf(defenceText, s3), text: s3 }],
      },
    ],
    timeline: [
      { date: '2023-12-02', event: s2, sources: [{ documentId: 'doc-claim', ...spanOf(claimText, s2), text: s2 }] },
      { date: '2024-01-14', event: s1, sources: [{ documentId: 'doc-claim', ...spanOf(claimText, s1), text: s1 }] },
      { date: '2024-01-14', event: fall, sources: [{ documentId: 'doc-defence', ...spanOf(defenceText, fall), text: fall }] },
      { date: '2024-01-15', event: fall, sources: [{ documentId: 'doc-defence', ...spanOf(defenceText, fall), text: fall }] },
    ],
    authorities: [
      {
        caseName: 'Caparo Industries plc v Dickman',
        citations: [authority],
        citedAt: [{ documentId: 'doc-defence', ...spanOf(defenceText, authority), text: authority }],
      },
    ],
  },
};
