export { analyzeJudgment } from './analyze.js';
export { courtTable, findCourtName, courtKey, type CourtTable } from './courts.js';
export { dispositionOf } from './disposition.js';
export { judgeKey } from './judges.js';
export { SENTENCE_ROLES } from './types.js';
export type {
  AnalyzeOptions,
  BenchEvidence,
  BenchMember,
  Court,
  CourtBasis,
  CourtDisposition,
  DecidingCourt,
  JudgmentHeader,
  JudgmentStructure,
  Jurisdiction,
  Opinion,
  OpinionKind,
  PartyMention,
  PartyRole,
  SentenceInfo,
  SentenceRole,
  Span,
  Vote,
} from './types.js';
