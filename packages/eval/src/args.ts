import { DATASETS, isDatasetName, type DatasetName, type Split } from './data/datasets.js';
import { EvalError } from './errors.js';
import { isMethodName, METHODS, type MethodName } from './methods.js';

export const USAGE = `Usage: npm run eval -- [options]

Summarizes a split of the shared legal summarization data with each method, cuts every summary to the
reference summary's word count, and prints mean ROUGE F1 (rouge_score conventions, Porter stemming).

Options:
  --dataset uk|in|aus|all[,...]   datasets (default uk,in)
  --split validation|train        split (default validation; see README for the split rule)
  --limit N                       at most N pairs per dataset
  --methods lead,textrank,model,oracle
                                  methods (default all four; model is skipped when not available)
  --json FILE                     also write the results as JSON
  --data-dir DIR                  directory of *.jsonl.gz (default ../shared/data/legal-sum from the repo root)
  --model-dir DIR                 model directory for the model method (default @amicus/legal-model's)
  --threads N                     intra-op threads for the model
  --help                          this text`;

export interface CliOptions {
  datasets: DatasetName[];
  split: Split;
  limit?: number;
  methods: MethodName[];
  json?: string;
  dataDir?: string;
  modelDir?: string;
  threads?: number;
}

export function parseArgs(argv: readonly string[]): CliOptions | 'help' {
  const opts: CliOptions = { datasets: ['uk', 'in'], split: 'validation', methods: [...METHODS] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new EvalError('BAD_ARGUMENT', `${name} needs a value`);
      return v;
    };
    const positiveInt = (v: string): number => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new EvalError('BAD_ARGUMENT', `${name} must be a positive integer, got "${v}"`);
      return n;
    };
    switch (name) {
      case '--dataset':
      case '--datasets': {
        const list = value().split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
        const out: DatasetName[] = [];
        for (const d of list) {
          if (d === 'all') out.push(...DATASETS);
          else if (isDatasetName(d)) out.push(d);
          else throw new EvalError('BAD_ARGUMENT', `unknown dataset "${d}" (uk, in, aus, all)`);
        }
        opts.datasets = [...new Set(out)];
        break;
      }
      case '--split': {
        const v = value();
        if (v !== 'validation' && v !== 'train') throw new EvalError('BAD_ARGUMENT', `--split must be validation or train, got "${v}"`);
        opts.split = v;
        break;
      }
      case '--limit':
        opts.limit = positiveInt(value());
        break;
      case '--methods':
      case '--method': {
        const list = value().split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
        for (const m of list) if (!isMethodName(m)) throw new EvalError('BAD_ARGUMENT', `unknown method "${m}" (${METHODS.join(', ')})`);
        opts.methods = [...new Set(list as MethodName[])];
        break;
      }
      case '--json':
        opts.json = value();
        break;
      case '--data-dir':
        opts.dataDir = value();
        break;
      case '--model-dir':
        opts.modelDir = value();
        break;
      case '--threads':
        opts.threads = positiveInt(value());
        break;
      default:
        throw new EvalError('BAD_ARGUMENT', `unknown option "${arg}"`);
    }
  }
  return opts;
}

