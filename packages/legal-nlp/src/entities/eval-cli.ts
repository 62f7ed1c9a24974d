import path from 'node:path';
import { ENTITY_FIXTURE_DIR, evaluateEntities, evaluateReporterExamples, formatEntityTable, formatReporterRecall, loadEntityFixtures } from './evaluate.js';

const showErrors = process.argv.includes('--errors');
const sets: Array<[string, string]> = [
  ['Development set (fixtures/entities)', ENTITY_FIXTURE_DIR],
  ['Held-out set (fixtures/entities/held-out)', path.join(ENTITY_FIXTURE_DIR, 'held-out')],
];
for (const [title, dir] of sets) {
  const evaluation = evaluateEntities(loadEntityFixtures(dir));
  process.stdout.write(`${title}\n\n${formatEntityTable(evaluation)}\n\n`);
  if (showErrors) {
    for (const e of evaluation.errors) {
      process.stdout.write(`${e.kind.padEnd(8)} ${e.type.padEnd(14)} ${e.fixture}@${e.start} ${JSON.stringify(e.text)}\n`);
    }
    process.stdout.write('\n');
  }
}

const reporters = evaluateReporterExamples();
process.stdout.write(`US and other law-report citations: recall on reporters-db's example strings (held out; fixtures/entities/us-reporter-examples)\n\n${formatReporterRecall(reporters)}\n`);
if (showErrors) process.stdout.write(`\nmissed:\n${reporters.missed.map((m) => `  ${m}`).join('\n')}\n`);
