#!/usr/bin/env node
/**
 * Regenerates the reporter table that drives US (and other) law-report citation matching, and the held-out
 * set of example citation strings the entity evaluation scores recall on, from Free Law Project's
 * reporters-db (BSD-2-Clause).
 *
 *   node scripts/reporters-table.mjs [path/to/reporters-db]
 *
 * Default source: ../../../shared/data/citation-tables/reporters-db (the shared data beside the repository).
 * Writes:
 *   src/entities/data/reporters.json                  abbreviation spellings -> canonical edition
 *   src/entities/data/LICENSE.reporters-db            the licence, which travels with the derived table
 *   fixtures/entities/us-reporter-examples/examples.json   reporters-db's example citations (evaluation only)
 *   fixtures/entities/us-reporter-examples/LICENSE.reporters-db
 * The output is deterministic (sorted keys), so a rerun on the same source changes nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '..');
const source = path.resolve(process.argv[2] ?? path.join(pkg, '../../../shared/data/citation-tables/reporters-db'));
const SOURCE_NAME = 'freelawproject/reporters-db @ 6b3af48';

const reporters = JSON.parse(readFileSync(path.join(source, 'reporters.json'), 'utf8'));

/**
 * Spellings of a reporter that are written as "volume SPELLING page". Spellings without a digit or a capital
 * letter, a lone letter, or a bare capitalised English word ("Law", "Ware") are left out: in running text they
 * are far more often words than reporters.
 */
function usable(spelling) {
  if (!/[A-Z0-9]/.test(spelling) || spelling.length > 40) return false;
  if (/^[A-Z][a-z]+$/.test(spelling)) return false;
  // A lone letter ("P") is an exhibit or a schedule far more often than a reporter.
  if (/^[A-Za-z]$/.test(spelling)) return false;
  return /^[A-Za-z0-9.'’&() ,-]+$/.test(spelling);
}

const editions = new Map(); // spelling -> { edition, name, type }
const add = (spelling, edition, name, type) => {
  const key = spelling.trim().replace(/\s+/g, ' ');
  if (!usable(key)) return;
  const known = editions.get(key);
  // A spelling shared by several reporters keeps the first in the source's order (its main reporter).
  if (!known) editions.set(key, { edition, name, type });
};
for (const key of Object.keys(reporters).sort()) {
  for (const r of reporters[key]) {
    for (const edition of Object.keys(r.editions).sort()) add(edition, edition, r.name, r.cite_type);
    for (const [variant, edition] of Object.entries(r.variations ?? {}).sort()) add(variant, edition, r.name, r.cite_type);
  }
}

const names = new Map(); // edition -> [reporter name, cite type]
for (const v of editions.values()) if (!names.has(v.edition)) names.set(v.edition, [v.name, v.type]);
const sorted = (entries) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const table = {
  source: SOURCE_NAME,
  licence: 'BSD-2-Clause; see LICENSE.reporters-db beside this file',
  generatedBy: 'packages/legal-nlp/scripts/reporters-table.mjs',
  /** canonical edition abbreviation -> [reporter name, reporters-db cite_type] */
  editions: Object.fromEntries(sorted([...names.entries()])),
  /** every usable spelling (the editions themselves and their variations) -> canonical edition */
  spellings: Object.fromEntries(sorted([...editions.entries()].map(([k, v]) => [k, v.edition]))),
};
const dataDir = path.join(pkg, 'src/entities/data');
mkdirSync(dataDir, { recursive: true });
writeFileSync(path.join(dataDir, 'reporters.json'), JSON.stringify(table, null, 1) + '\n');
writeFileSync(path.join(dataDir, 'LICENSE.reporters-db'), readFileSync(path.join(source, 'LICENSE')));

const examples = [];
for (const key of Object.keys(reporters).sort()) {
  for (const r of reporters[key]) for (const e of r.examples ?? []) examples.push({ reporter: key, citeType: r.cite_type, text: e });
}
const exampleDir = path.join(pkg, 'fixtures/entities/us-reporter-examples');
mkdirSync(exampleDir, { recursive: true });
writeFileSync(
  path.join(exampleDir, 'examples.json'),
  JSON.stringify({ source: SOURCE_NAME, licence: 'BSD-2-Clause; see LICENSE.reporters-db', examples }, null, 1) + '\n',
);
writeFileSync(path.join(exampleDir, 'LICENSE.reporters-db'), readFileSync(path.join(source, 'LICENSE')));
process.stdout.write(`${editions.size} spellings of ${Object.keys(reporters).length} reporters; ${examples.length} example citations\n`);
