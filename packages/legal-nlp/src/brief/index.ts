export { buildBrief, splitStatute } from './build.js';
export type {
  BriefAuthority,
  BriefCourt,
  BriefDocument,
  BriefJudge,
  BriefMissing,
  BriefOptions,
  BriefOutcome,
  BriefParty,
  BriefStatute,
  BriefValue,
  CaseBrief,
  Disposition,
  SourceSpan,
  TimelineEvent,
} from './types.js';
