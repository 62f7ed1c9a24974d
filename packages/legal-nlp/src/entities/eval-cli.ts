import { evaluateEntities, formatEntityTable } from './evaluate.js';

const evaluation = evaluateEntities();
process.stdout.write(`${formatEntityTable(evaluation)}\n`);
if (process.argv.includes('--errors')) {
  for (const e of evaluation.errors) process.stdout.write(`${e.kind.padEnd(8)} ${e.type.padEnd(14)} ${e.fixture}@${e.start} ${JSON.stringify(e.text)}\n`);
}
