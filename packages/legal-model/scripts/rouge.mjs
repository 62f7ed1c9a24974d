#!/usr/bin/env node
// ROUGE-1/2 F1 of pre-tokenized summaries for the Python trainer, computed by the evaluation
// package's scorer (@amicus/eval), so validation during training and the published table use one
// ROUGE implementation.
//
//   node packages/legal-model/scripts/rouge.mjs < pairs.jsonl > scores.jsonl
//
// Input: one JSON line per summary, `[candidateTokens, referenceTokens]` (rouge_score-style tokens:
// lower-case, Porter-stemmed, as prepare-data.mjs writes them to eval.jsonl).
// Output: one JSON line per input line, `[rouge1F1, rouge2F1]`, in the same order.
import { createInterface } from 'node:readline';
import { rougeN } from '@amicus/eval';

const out = [];
let line = 0;
for await (const text of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  line++;
  if (!text.trim()) continue;
  const pair = JSON.parse(text);
  if (!Array.isArray(pair) || pair.length !== 2 || !pair.every(Array.isArray)) {
    throw new Error(`line ${line}: expected [candidateTokens, referenceTokens]`);
  }
  const [candidate, reference] = pair;
  out.push(JSON.stringify([rougeN(reference, candidate, 1).f1, rougeN(reference, candidate, 2).f1]));
}
process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
