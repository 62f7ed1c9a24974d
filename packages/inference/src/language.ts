/**
 * Whether the model was trained on the language of a document. A model trained on English judgments
 * still returns a valid selection for a Chinese or Hindi text (driven by position and length), but not a
 * meaningful one, and the reader must be told so. The language itself comes from @amicus/legal-nlp.
 */
import { detectLanguage } from '@amicus/legal-nlp';

export interface LanguageReport {
  /** ISO 639-1 code ("en", "zh", "hi"), or "und" when the text gives too little to tell. */
  code: string;
  /** English name of the language, or the code when the name is not known here. */
  name: string;
  /** True when the model was trained on text in this language (or the language could not be told). */
  supported: boolean;
  /** The warning to show with the summary when `supported` is false. */
  warning?: string;
}

const NAMES: Record<string, string> = {
  en: 'English',
  zh: 'Chinese',
  ja: 'Japanese',
  ko: 'Korean',
  hi: 'Hindi',
  bn: 'Bengali',
  ta: 'Tamil',
  te: 'Telugu',
  gu: 'Gujarati',
  pa: 'Punjabi',
  kn: 'Kannada',
  ml: 'Malayalam',
  ar: 'Arabic',
  ru: 'Russian',
  el: 'Greek',
  he: 'Hebrew',
  th: 'Thai',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  nl: 'Dutch',
  pt: 'Portuguese',
};

/** Languages of the model's training data when its manifest does not list them (every model up to 1.3.0). */
export const DEFAULT_MODEL_LANGUAGES: readonly string[] = ['en'];

export function languageName(code: string): string {
  return code === 'und' ? 'undetermined' : (NAMES[code] ?? code);
}

/** Names the language of `text` and says whether a model trained on `modelLanguages` was trained on it. */
export function checkLanguage(text: string, modelLanguages: readonly string[] = DEFAULT_MODEL_LANGUAGES): LanguageReport {
  const code = detectLanguage(text).language;
  const name = languageName(code);
  const supported = code === 'und' || modelLanguages.includes(code);
  const report: LanguageReport = { code, name, supported };
  if (!supported) {
    const trained = modelLanguages.map(languageName).join(', ');
    report.warning =
      `The text appears to be in ${name}; the summarization model was trained only on ${trained} judgments. ` +
      'Its sentences were chosen mostly by position and length, not meaning: read the judgment itself.';
  }
  return report;
}
