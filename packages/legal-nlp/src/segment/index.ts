export { segment, DEFAULT_MAX_SENTENCE_CHARS } from './segment.js';
export type { Paragraph, Sentence, Segmentation, SegmentOptions } from './segment.js';
export { wordTokens, countWords } from './tokens.js';
