import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import semver from 'semver';
import { TemplateError, type TemplateProblem } from '../errors.js';
import type { Template } from '../types.js';
import { validateTemplate } from './validate.js';

/** The templates known to the application, by id and version. */
export interface TemplateRegistry {
  /** Every template, ordered by id, then by version (oldest first). */
  list(): Template[];
  ids(): string[];
  /** Versions of one template, oldest first; empty when the id is unknown. */
  versions(id: string): string[];
  /** The highest released version of `id` (a pre-release only when no release exists). */
  latest(id: string): Template;
  get(id: string, version: string): Template;
  has(id: string, version?: string): boolean;
}

export function templateRef(t: { id: string; version: string }): string {
  return `${t.id}@${t.version}`;
}

/** Builds a registry from already-validated templates; rejects a repeated id@version. */
export function createTemplateRegistry(templates: readonly Template[]): TemplateRegistry {
  const byId = new Map<string, Template[]>();
  const problems: TemplateProblem[] = [];
  for (const t of templates) {
    const list = byId.get(t.id) ?? [];
    const clash = list.find((o) => o.version === t.version);
    if (clash) {
      problems.push({
        file: t.file ?? templateRef(t),
        path: '/version',
        message: `duplicate template ${templateRef(t)} (also in ${clash.file ?? 'another template'})`,
      });
      continue;
    }
    list.push(t);
    byId.set(t.id, list);
  }
  if (problems.length > 0) throw new TemplateError('TEMPLATE_DUPLICATE', problems);
  for (const list of byId.values()) list.sort((a, b) => semver.compare(a.version, b.version));
  const ids = [...byId.keys()].sort();

  const notFound = (ref: string): TemplateError =>
    new TemplateError('TEMPLATE_NOT_FOUND', [{ file: ref, path: '', message: `no template ${ref}` }]);

  return {
    list: () => ids.flatMap((id) => byId.get(id) ?? []),
    ids: () => [...ids],
    versions: (id) => (byId.get(id) ?? []).map((t) => t.version),
    latest(id) {
      const list = byId.get(id);
      if (!list || list.length === 0) throw notFound(id);
      const released = list.filter((t) => semver.prerelease(t.version) === null);
      return (released.length > 0 ? released : list).at(-1) as Template;
    },
    get(id, version) {
      const t = byId.get(id)?.find((o) => o.version === version);
      if (!t) throw notFound(`${id}@${version}`);
      return t;
    },
    has: (id, version) => (version === undefined ? byId.has(id) : (byId.get(id) ?? []).some((t) => t.version === version)),
  };
}

/**
 * Parses and validates one template file's contents. `file` names it in problems; when `checkFileName` is set,
 * the file's base name must be `<id>@<version>.json`.
 */
export function parseTemplate(source: string, file: string, checkFileName = true): Template {
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (err) {
    throw new TemplateError('TEMPLATE_INVALID', [{ file, path: '', message: `not valid JSON: ${(err as Error).message}` }]);
  }
  const { template, problems } = validateTemplate(raw, file);
  if (template && checkFileName) {
    const expected = `${templateRef(template)}.json`;
    if (basename(file) !== expected) problems.push({ file, path: '', message: `file name must be ${expected}` });
  }
  if (!template || problems.length > 0) throw new TemplateError('TEMPLATE_INVALID', problems);
  return template;
}

/**
 * Loads every `*.json` file in the given directories (not recursively), validates all of them and returns a
 * registry. Throws one TemplateError listing every problem in every file; a repeated id@version is a problem.
 */
export async function loadTemplates(dirs: string | readonly string[]): Promise<TemplateRegistry> {
  const list = typeof dirs === 'string' ? [dirs] : dirs;
  const templates: Template[] = [];
  const problems: TemplateProblem[] = [];
  for (const dir of list) {
    const abs = resolve(dir);
    let names: string[];
    try {
      names = (await readdir(abs, { withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => e.name);
    } catch (err) {
      problems.push({ file: abs, path: '', message: `cannot read templates directory: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      continue;
    }
    for (const name of names.sort()) {
      const file = join(abs, name);
      try {
        templates.push(parseTemplate(await readFile(file, 'utf8'), file));
      } catch (err) {
        if (err instanceof TemplateError) problems.push(...err.problems);
        else problems.push({ file, path: '', message: (err as Error).message });
      }
    }
  }
  if (problems.length > 0) throw new TemplateError('TEMPLATE_INVALID', problems);
  return createTemplateRegistry(templates);
}
