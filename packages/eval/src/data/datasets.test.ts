import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { EvalError } from '../errors.js';
import { datasetPath, isValidation, loadSplit, readPairs, splitOf } from './datasets.js';

describe('isValidation', () => {
  it('follows the shared rule parseInt(sha256(id)[0:8], 16) % 10 === 0', () => {
    // Values computed independently with Python's hashlib.
    for (const id of ['uksc-2009-0031', 'uksc-2009-0108', '11', '46', '70', '06_3']) expect(isValidation(id)).toBe(true);
    for (const id of ['uksc-2009-0018', '1', '2', '06_1']) expect(isValidation(id)).toBe(false);
    expect(splitOf('11')).toBe('validation');
    expect(splitOf('1')).toBe('train');
  });
});

const dataDir = loadConfig().dataDir;

describe.skipIf(!existsSync(datasetPath('uk', dataDir)))('dataset loaders on the shared data', () => {
  it('resolves the shared data directory from the repository root', () => {
    expect(dataDir.endsWith('shared/data/legal-sum')).toBe(true);
  });

  it('splits UK-Abs into 69 validation and 612 training pairs', async () => {
    let validation = 0;
    let train = 0;
    let firstValidation: string | undefined;
    for await (const p of readPairs('uk')) {
      expect(p.text.length).toBeGreaterThan(0);
      expect(p.summary.length).toBeGreaterThan(0);
      if (isValidation(p.id)) {
        validation++;
        firstValidation ??= p.id;
      } else train++;
    }
    expect([validation, train]).toEqual([69, 612]);
    expect(firstValidation).toBe('uksc-2009-0031');
  }, 60_000);

  it('streams with a limit without reading the whole file', async () => {
    const pairs = await loadSplit('in', 'validation', { limit: 3 });
    expect(pairs.map((p) => p.id)).toEqual(['11', '46', '70']);
  }, 60_000);

  it('raises a typed error for a missing data directory', async () => {
    await expect(loadSplit('uk', 'validation', { dataDir: '/nonexistent' })).rejects.toMatchObject({ code: 'DATASET_NOT_FOUND' });
    await expect(loadSplit('uk', 'validation', { dataDir: '/nonexistent' })).rejects.toBeInstanceOf(EvalError);
  });
});
