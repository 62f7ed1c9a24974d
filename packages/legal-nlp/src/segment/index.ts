export { segment, DEFAULT_MAX_SENTENCE_CHARS } from './segment.js';
export type { Paragraph, Sentence, Segmentation, SegmentOptions } from './segment.js';
export { wordTokens, countWords } from './tokens.js';
export { detectLanguage } from './language.js';
export type { LanguageGuess } from './language.js';
export { detectFurniture } from './furniture.js';
export type { Furniture, FurnitureKind } from './furniture.js';
