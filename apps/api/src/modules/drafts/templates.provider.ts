import type { Provider } from '@nestjs/common';
import { builtinTemplatesDir, loadTemplates, type TemplateRegistry } from '@amicus/prompts';
import { APP_CONFIG, AppConfig } from '../../config/app-config.js';

/** Injection token of the `TemplateRegistry` (shipped templates plus AMICUS_TEMPLATES_DIR). */
export const TEMPLATES = Symbol('TEMPLATES');

/** The template directories of this configuration: the shipped ones, then the court's own. */
export function templateDirs(config: Pick<AppConfig, 'templatesDir'>): string[] {
  return config.templatesDir ? [builtinTemplatesDir, config.templatesDir] : [builtinTemplatesDir];
}

/**
 * Loads and validates every template once at boot. An invalid file (or the same id@version twice)
 * stops the boot: the `TemplateError` lists every problem with its file and location, and nothing
 * starts until the files are fixed.
 */
export const templatesProvider: Provider = {
  provide: TEMPLATES,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): Promise<TemplateRegistry> => loadTemplates(templateDirs(config)),
};
