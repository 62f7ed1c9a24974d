import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Pair } from './data/datasets.js';
import { evaluate, formatTable } from './evaluate.js';
import { baselineMethod, modelMethod } from './methods.js';

const PAIRS: Pair[] = [
  {
    id: 'a',
    text: 'The appellant was convicted of theft.\nThe weather was fine.\nThe High Court upheld the conviction.\nThis Court allows the appeal and sets aside the conviction.',
    summary: 'The Court allows the appeal and sets aside the conviction.',
  },
  {
    id: 'b',
    text: 'The tenant sued the landlord in 2001.\nThe rent was 500 a month.\nThe suit was dismissed.\nThe landlord must repay the deposit of 500.',
    summary: 'The landlord must repay the deposit.',
  },
];

describe('evaluate', () => {
  it('averages ROUGE, length, time and faithfulness per method over the pairs', async () => {
    const methods = (['lead', 'textrank', 'oracle'] as const).map(baselineMethod);
    const results = await evaluate('uk', PAIRS, methods);
    expect(results.map((r) => r.method)).toEqual(['lead', 'textrank', 'oracle']);
    for (const r of results) {
      expect(r.documents).toBe(2);
      expect(r.referenceWords).toBe((10 + 6) / 2);
      expect(r.words).toBeLessThanOrEqual(r.referenceWords);
      expect(r.faithfulness).toBe(1);
      expect(r.f1.rouge1).toBeGreaterThan(0);
      expect(r.msPerDocument).toBeGreaterThanOrEqual(0);
    }
    const [lead, , oracle] = results;
    expect(oracle.f1.rouge2).toBeGreaterThan(lead.f1.rouge2);
    // Only the first reference states a result (allowed); the oracle's summary states it, the lead's does not.
    expect(oracle.resultDocuments).toBe(1);
    expect(oracle.resultStated).toBe(1);
    expect(lead.resultStated).toBe(0);
    for (const r of results) expect(r.fragmentShare).toBe(0);
    const table = formatTable(results);
    expect(table.split('\n')).toHaveLength(5);
    expect(table).toContain('oracle');
  });
});

describe('model method', () => {
  it('is unavailable, with the reason, when the model directory has no manifest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amicus-eval-'));
    try {
      await expect(modelMethod({ dataDir: dir, modelDir: dir })).rejects.toMatchObject({
        code: 'MODEL_UNAVAILABLE',
        message: expect.stringContaining('manifest.json'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
