export { featurize, fnv1a, tokenId, FEATURE_SPEC, SCALAR_FEATURES } from './features.js';
export type { DocumentFeatures, FeatureSpec, FeaturizeOptions } from './features.js';
export { loadModel, readModelManifest, verifyModel } from './model.js';
export type { LoadedModel, LoadModelOptions, ModelManifest, ManifestFile, TensorDescription, ScorerInput } from './model.js';
export { createSummarizer, LENGTH_PRESETS } from './pipelines/summarize.js';
export type { Summarizer, SummarizerOptions, SummarizeOptions, SummaryLength, SummaryResult, SummarySentence } from './pipelines/summarize.js';
export { InferenceError, EmptyInputError, NotTextError, ModelIntegrityError, InvalidOptionsError } from './errors.js';
export type { InferenceErrorCode } from './errors.js';
