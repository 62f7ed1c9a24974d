import { fileURLToPath } from 'node:url';

/** Absolute path of the templates shipped with Amicus (packages/prompts/templates). */
export const builtinTemplatesDir: string = fileURLToPath(new URL('../templates/', import.meta.url));
