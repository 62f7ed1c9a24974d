export { rouge, rougeN, rougeL, rougeLsum, lcsLength, ngramCounts, ROUGE_TYPES } from './rouge/rouge.js';
export type { Score, RougeType, RougeScores, RougeOptions } from './rouge/rouge.js';
export { rougeTokens, porterStem, lsumSentences } from './rouge/tokenize.js';
export { checkFaithfulness, defaultFactExtractor } from './faithfulness/faithfulness.js';
export type { FaithfulnessReport, FactExtractor } from './faithfulness/faithfulness.js';
export { extractFacts, foldText } from './faithfulness/facts.js';
export type { Fact, FactKind } from './faithfulness/facts.js';
export {
  isValidation,
  splitOf,
  readPairs,
  streamSplit,
  loadSplit,
  datasetPath,
  isDatasetName,
  DATASETS,
  DATASET_FILES,
} from './data/datasets.js';
export type { Pair, DatasetName, Split, LoadOptions } from './data/datasets.js';
export { truncateWords } from './summarizers/truncate.js';
export { assemble } from './summarizers/extractive.js';
export type { ExtractiveSummary, BudgetOptions } from './summarizers/extractive.js';
export { leadSummary, leadFromSentences } from './summarizers/lead.js';
export { textRankSummary, textRankFromSentences, textRankScores } from './summarizers/textrank.js';
export type { TextRankOptions } from './summarizers/textrank.js';
export { oracleSummary, oracleFromSentences, oracleIndices } from './summarizers/oracle.js';
export type { OracleOptions } from './summarizers/oracle.js';
export { evaluate, formatTable } from './evaluate.js';
export type { MethodResult } from './evaluate.js';
export { baselineMethod, modelMethod, METHODS } from './methods.js';
export type { EvalMethod, MethodName } from './methods.js';
export { loadConfig, repoRoot } from './config.js';
export type { EvalConfig } from './config.js';
export { EvalError } from './errors.js';
export type { EvalErrorCode } from './errors.js';
export { briefPart, loadAnnotations, scoreBrief, summarize as summarizeBriefScores, formatBriefTable, sameParty } from './brief/score.js';
export type { BriefAnnotation, BriefPart, BriefSummary, JudgmentScore } from './brief/score.js';
export { referenceResult, agrees } from './brief/reference.js';
export type { ReferenceResult } from './brief/reference.js';
