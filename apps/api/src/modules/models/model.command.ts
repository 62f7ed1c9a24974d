// `amicus model list | verify DIR | evaluate DIR [--dev FILE] [--limit N] | activate NAME@VERSION [--force] | rollback`
import { createReadStream, existsSync } from 'node:fs';
import { cp, rm, writeFile, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { createSummarizer, loadModel, ModelIntegrityError, verifyModel } from '@amicus/inference';
import { rouge, streamSplit, type Pair } from '@amicus/eval';
import { countWords } from '@amicus/legal-nlp';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { dataSourceOptions } from '../../database/data-source-options.js';
import { runMigrationsLocked } from '../../database/migrate.js';
import { AuditService } from '../audit/audit.service.js';
import { loadLedgerKey } from '../audit/ledger-key.js';
import { ActivationDetails, EVALUATION_FILE, isModelKey, MODEL_ACTIVATED, ModelCatalog } from './model-catalog.js';

export interface ModelIo {
  stdout: Writable;
  stderr: Writable;
}

export class ModelCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Pairs evaluated when no --dev file is given: the first of the UK validation split. */
const DEFAULT_DEV_LIMIT = 50;

/** What `evaluate` stores beside an installed model; `activate` reads it. */
export interface ModelEvaluation {
  model: string;
  sha256: string;
  against: string;
  dev: string;
  pairs: number;
  /** Mean F1 (ROUGE-1, ROUGE-2, ROUGE-Lsum) and their average, for the candidate and the active model. */
  candidate: RougeSummary;
  active: RougeSummary;
  notWorse: boolean;
  at: string;
}

interface RougeSummary {
  rouge1: number;
  rouge2: number;
  rougeLsum: number;
  mean: number;
}

async function withDataSource<T>(config: AppConfig, fn: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource({ ...dataSourceOptions(config), migrationsRun: false, logging: false }).initialize();
  try {
    await runMigrationsLocked(dataSource, { log: () => undefined } as never);
    return await fn(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function verified(dir: string): Promise<{ key: string; sha256: string }> {
  try {
    const { manifest, sha256 } = await verifyModel(dir);
    return { key: `${manifest.name}@${manifest.version}`, sha256 };
  } catch (error) {
    if (error instanceof ModelIntegrityError) throw new ModelCommandError(`${dir}: ${error.message}`);
    throw error;
  }
}

async function* readDevFile(path: string): AsyncGenerator<Pair> {
  if (!existsSync(path)) throw new ModelCommandError(`No dev set at ${path}`, 2);
  const stream = createReadStream(path);
  const lines = createInterface({ input: path.endsWith('.gz') ? stream.pipe(createGunzip()) : stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let rec: Partial<Pair>;
    try {
      rec = JSON.parse(line) as Partial<Pair>;
    } catch {
      throw new ModelCommandError(`${path}:${n}: not JSON`, 2);
    }
    if (typeof rec.text !== 'string' || typeof rec.summary !== 'string') throw new ModelCommandError(`${path}:${n}: needs string fields text and summary`, 2);
    yield { id: typeof rec.id === 'string' ? rec.id : String(n), text: rec.text, summary: rec.summary };
  }
}

async function scoreModels(dirs: string[], pairs: AsyncIterable<Pair>, threads: number): Promise<{ scores: RougeSummary[]; n: number }> {
  const models = await Promise.all(dirs.map((d) => loadModel(d, { intraOpThreads: threads, interOpThreads: 1 })));
  const summarizers = models.map((m) => createSummarizer(m));
  const sums = dirs.map(() => ({ rouge1: 0, rouge2: 0, rougeLsum: 0 }));
  let n = 0;
  try {
    for await (const pair of pairs) {
      const words = countWords(pair.summary);
      for (let i = 0; i < summarizers.length; i++) {
        const result = await summarizers[i].summarize(pair.text, { words });
        const scores = rouge(pair.summary, result.sentences.map((s) => s.text).join('\n'));
        sums[i].rouge1 += scores.rouge1.f1;
        sums[i].rouge2 += scores.rouge2.f1;
        sums[i].rougeLsum += scores.rougeLsum.f1;
      }
      n++;
    }
  } finally {
    await Promise.all(models.map((m) => m.release()));
  }
  if (n === 0) throw new ModelCommandError('The dev set holds no pairs', 2);
  const pct = (v: number) => Math.round((10000 * v) / n) / 100;
  return {
    n,
    scores: sums.map((s) => {
      const r = { rouge1: pct(s.rouge1), rouge2: pct(s.rouge2), rougeLsum: pct(s.rougeLsum) };
      return { ...r, mean: Math.round(((r.rouge1 + r.rouge2 + r.rougeLsum) / 3) * 100) / 100 };
    }),
  };
}

async function list(config: AppConfig, io: ModelIo): Promise<number> {
  return withDataSource(config, async (ds) => {
    const catalog = new ModelCatalog(config, ds);
    const active = await catalog.active().catch((e: Error) => ({ key: `(${e.message})`, pinned: false }));
    for (const e of catalog.entries()) {
      const evaluation = existsSync(join(e.dir, EVALUATION_FILE)) ? (JSON.parse(await readFile(join(e.dir, EVALUATION_FILE), 'utf8')) as ModelEvaluation) : null;
      const marks = [e.key === active.key ? 'active' : '', e.shipped ? 'shipped' : '', evaluation ? `evaluated ${evaluation.candidate.mean} vs ${evaluation.against} ${evaluation.active.mean}` : ''].filter(Boolean);
      io.stdout.write(`${e.key}\t${e.dir}${marks.length ? `\t(${marks.join(', ')})` : ''}\n`);
    }
    if (active.pinned) io.stdout.write(`AMICUS_MODEL_DIR pins the model: ${active.key}\n`);
    return 0;
  });
}

async function evaluate(config: AppConfig, io: ModelIo, dir: string, dev: string | undefined, limit: number): Promise<number> {
  const candidate = await verified(dir);
  return withDataSource(config, async (ds) => {
    const catalog = new ModelCatalog(config, ds);
    const active = await catalog.active();
    let entry = catalog.find(candidate.key);
    if (entry && !entry.shipped && (await verified(entry.dir)).sha256 !== candidate.sha256) {
      throw new ModelCommandError(`${candidate.key} is already installed with other files; give the new model another version`);
    }
    if (!entry) {
      const target = join(catalog.modelsDir, candidate.key);
      await cp(resolve(dir), target, { recursive: true, errorOnExist: true, force: false });
      await rm(join(target, EVALUATION_FILE), { force: true });
      await verified(target);
      entry = { key: candidate.key, dir: target, shipped: false };
      io.stdout.write(`Installed ${candidate.key} in ${target}\n`);
    }
    const pairs = dev ? readDevFile(dev) : streamSplit('uk', 'validation', { limit });
    io.stdout.write(`Evaluating ${candidate.key} against the active model ${active.key} on ${dev ?? `the first ${limit} UK validation judgments`}\n`);
    const { scores, n } = await scoreModels([entry.dir, active.dir], pairs, config.inferenceThreads);
    const [cand, act] = scores;
    const evaluation: ModelEvaluation = {
      model: candidate.key,
      sha256: candidate.sha256,
      against: active.key,
      dev: dev ? resolve(dev) : `uk validation (first ${limit})`,
      pairs: n,
      candidate: cand,
      active: act,
      notWorse: cand.mean >= act.mean,
      at: new Date().toISOString(),
    };
    if (!entry.shipped) await writeFile(join(entry.dir, EVALUATION_FILE), `${JSON.stringify(evaluation, null, 2)}\n`);
    io.stdout.write(
      `model\tROUGE-1\tROUGE-2\tROUGE-Lsum\tmean\n${candidate.key}\t${cand.rouge1}\t${cand.rouge2}\t${cand.rougeLsum}\t${cand.mean}\n${active.key} (active)\t${act.rouge1}\t${act.rouge2}\t${act.rougeLsum}\t${act.mean}\n`,
    );
    io.stdout.write(
      evaluation.notWorse
        ? `${candidate.key} scores no lower than ${active.key} on ${n} pairs; activate it with: amicus model activate ${candidate.key}\n`
        : `${candidate.key} scores LOWER than ${active.key} on ${n} pairs; activation will be refused unless --force\n`,
    );
    return 0;
  });
}

async function activate(config: AppConfig, io: ModelIo, key: string, options: { force: boolean; rollback: boolean }): Promise<number> {
  return withDataSource(config, async (ds) => {
    const catalog = new ModelCatalog(config, ds);
    const current = await catalog.activation();
    let target = key;
    if (options.rollback) {
      if (!current?.previous) throw new ModelCommandError('No earlier activation to roll back to');
      target = current.previous;
    }
    const entry = catalog.find(target);
    if (!entry) throw new ModelCommandError(`${target} is not installed (amicus model list shows what is); install it with amicus model evaluate DIR`);
    const { sha256 } = await verified(entry.dir);
    const activeKey = current?.model ?? catalog.entries()[0].key;
    if (activeKey === target) {
      io.stdout.write(`${target} is already the active model\n`);
      return 0;
    }
    if (!options.rollback && !entry.shipped) {
      const path = join(entry.dir, EVALUATION_FILE);
      const evaluation = existsSync(path) ? (JSON.parse(await readFile(path, 'utf8')) as ModelEvaluation) : null;
      const problem = !evaluation
        ? `${target} has not been evaluated (amicus model evaluate ${entry.dir})`
        : evaluation.sha256 !== sha256
          ? `the evaluation of ${target} was made on other files`
          : evaluation.against !== activeKey
            ? `${target} was evaluated against ${evaluation.against}, not the active ${activeKey}`
            : !evaluation.notWorse
              ? `${target} scored ${evaluation.candidate.mean} against ${evaluation.active.mean} for ${activeKey}`
              : null;
      if (problem && !options.force) throw new ModelCommandError(`Activation refused: ${problem}. Use --force to activate it anyway.`);
    }
    const details: ActivationDetails = { model: target, sha256, previous: activeKey, rollback: options.rollback, forced: options.force };
    await new AuditService(ds, loadLedgerKey(config.audit)).record({ action: MODEL_ACTIVATED, details: { ...details }, modelSha256: sha256 });
    io.stdout.write(`${options.rollback ? 'Rolled back to' : 'Activated'} ${target} (was ${activeKey}); running API and worker processes switch at their next job\n`);
    if (config.modelDir) io.stdout.write(`Note: AMICUS_MODEL_DIR is set and pins ${config.modelDir}; unset it for activations to take effect\n`);
    return 0;
  });
}

export const MODEL_USAGE = `  model list
      The shipped and installed models; marks the active one.
  model verify DIR
      Checks a model directory against its manifest (exit code 1 naming the bad file).
  model evaluate DIR [--dev FILE] [--limit N]
      Installs the model into the models directory (AMICUS_MODELS_DIR) and scores it against the
      active model (ROUGE on a JSON Lines dev set with text and summary, or the UK validation split).
  model activate NAME@VERSION [--force]
      Makes an installed model the active one (recorded in the ledger); refused when it scored
      lower than the active model or was not evaluated, unless --force.
  model rollback
      Activates the model that was active before the last activation.`;

/** Runs one `model` subcommand; resolves to its exit code. */
export async function runModelCommand(config: AppConfig, io: ModelIo, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const flag = (name: string) => {
    const i = rest.indexOf(name);
    if (i === -1) return undefined;
    const value = rest[i + 1];
    rest.splice(i, 2);
    if (value === undefined) throw new ModelCommandError(`${name} needs a value`, 2);
    return value;
  };
  const force = rest.includes('--force');
  if (force) rest.splice(rest.indexOf('--force'), 1);
  try {
    switch (sub) {
      case 'list':
        if (rest.length) break;
        return await list(config, io);
      case 'verify': {
        if (rest.length !== 1) break;
        const { key, sha256 } = await verified(rest[0]);
        io.stdout.write(`${key}: every file matches the manifest (manifest sha256 ${sha256})\n`);
        return 0;
      }
      case 'evaluate': {
        const dev = flag('--dev');
        const limitRaw = flag('--limit');
        const limit = limitRaw === undefined ? DEFAULT_DEV_LIMIT : Number(limitRaw);
        if (rest.length !== 1 || !Number.isInteger(limit) || limit < 1) break;
        return await evaluate(config, io, rest[0], dev, limit);
      }
      case 'activate':
        if (rest.length !== 1 || !isModelKey(rest[0])) break;
        return await activate(config, io, rest[0], { force, rollback: false });
      case 'rollback':
        if (rest.length) break;
        return await activate(config, io, '', { force: true, rollback: true });
    }
  } catch (error) {
    if (error instanceof ModelCommandError) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
  io.stderr.write(`Usage:\n${MODEL_USAGE}\n`);
  return 2;
}
