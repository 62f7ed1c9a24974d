#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, USAGE, type CliOptions } from './args.js';
import { loadConfig, type EvalConfig } from './config.js';
import { DATASET_TITLES, streamSplit } from './data/datasets.js';
import { EvalError } from './errors.js';
import { evaluate, formatTable, type MethodResult } from './evaluate.js';
import { baselineMethod, modelMethod, type EvalMethod } from './methods.js';

async function buildMethods(opts: CliOptions, config: EvalConfig, log: (line: string) => void): Promise<EvalMethod[]> {
  const methods: EvalMethod[] = [];
  for (const name of opts.methods) {
    if (name !== 'model') {
      methods.push(baselineMethod(name));
      continue;
    }
    try {
      methods.push(await modelMethod(config, { threads: opts.threads }));
    } catch (err) {
      if (err instanceof EvalError && err.code === 'MODEL_UNAVAILABLE') log(`skipping method "model": ${err.message}`);
      else throw err;
    }
  }
  return methods;
}

export async function main(argv: readonly string[]): Promise<number> {
  const log = (line: string): void => void process.stderr.write(line + '\n');
  let opts: CliOptions | 'help';
  try {
    opts = parseArgs(argv);
  } catch (err) {
    if (err instanceof EvalError) {
      log(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  if (opts === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const base = loadConfig();
  const here = base.invocationDir ?? process.cwd();
  const config: EvalConfig = { ...base, dataDir: opts.dataDir ? resolve(here, opts.dataDir) : base.dataDir };
  if (opts.modelDir) config.modelDir = resolve(here, opts.modelDir);

  const methods = await buildMethods(opts, config, log);
  if (methods.length === 0) {
    log('error: no method left to evaluate');
    return 1;
  }
  const all: MethodResult[] = [];
  const started = performance.now();
  for (const dataset of opts.datasets) {
    const t0 = performance.now();
    const pairs = streamSplit(dataset, opts.split, { dataDir: config.dataDir, limit: opts.limit });
    const results = await evaluate(dataset, pairs, methods, (done) => {
      if (done % 50 === 0) log(`  ${dataset}: ${done} documents`);
    });
    all.push(...results);
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    process.stdout.write(`\n${DATASET_TITLES[dataset]} - ${opts.split} split, ${results[0]?.documents ?? 0} documents, ${seconds} s\n`);
    process.stdout.write(formatTable(results) + '\n');
  }
  process.stdout.write(`\nROUGE F1 x 100 (rouge_score conventions, Porter stemming); summaries cut to the reference word count.\n`);
  for (const m of methods) if (m.name === 'model') process.stdout.write(`model: ${m.label}\n`);
  const totalSeconds = (performance.now() - started) / 1000;
  if (opts.json) {
    const report = {
      split: opts.split,
      limit: opts.limit ?? null,
      datasets: opts.datasets,
      methods: methods.map((m) => ({ name: m.name, label: m.label })),
      seconds: Math.round(totalSeconds * 10) / 10,
      results: all,
    };
    const jsonPath = resolve(here, opts.json);
    writeFileSync(jsonPath, JSON.stringify(report, null, 2) + '\n');
    log(`wrote ${jsonPath}`);
  }
  for (const m of methods) await m.close?.();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof EvalError) process.stderr.write(`error [${err.code}]: ${err.message}\n`);
    else process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
