import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segment } from '@amicus/legal-nlp';
import { featurize, FEATURE_SPEC, fnv1a, tokenId } from '../src/index.js';
import { judgment, shippedModelDir } from './helpers.js';

describe('featurize', () => {
  it('builds one row of token ids and scalars per sentence of the segmentation', () => {
    const f = featurize(judgment);
    const n = segment(judgment).sentences.length;
    expect(f.sentences).toHaveLength(n);
    expect(f.tokenIds).toHaveLength(n * f.tokenLength);
    expect(f.scalars).toHaveLength(n * FEATURE_SPEC.scalars.length);
    expect(f.tokenLength).toBeLessThanOrEqual(FEATURE_SPEC.maxTokens);
    for (const id of f.tokenIds) expect(id >= 0 && id < FEATURE_SPEC.hashBuckets).toBe(true);
    for (const x of f.scalars) expect(Number.isFinite(x)).toBe(true);
  });

  it('hashes lowercase tokens with 32-bit FNV-1a into buckets 1..hashBuckets-1', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(tokenId('appeal')).toBe(1 + (fnv1a('appeal') % (FEATURE_SPEC.hashBuckets - 1)));
    const f = featurize('The Appeal is dismissed.');
    expect(Array.from(f.tokenIds.slice(0, 4))).toEqual(['the', 'appeal', 'is', 'dismissed'].map((t) => tokenId(t)));
  });

  it('marks relative position from 0 at the first sentence to 1 at the last', () => {
    const f = featurize(judgment);
    const S = FEATURE_SPEC.scalars.length;
    const col = FEATURE_SPEC.scalars.indexOf('rel_position');
    expect(f.scalars[col]).toBe(0);
    expect(f.scalars[(f.sentences.length - 1) * S + col]).toBe(1);
  });

  it('caps the number of sentences featurized', () => {
    const f = featurize(judgment, { maxSentences: 5 });
    expect(f.sentences).toHaveLength(5);
    expect(f.scalars).toHaveLength(5 * FEATURE_SPEC.scalars.length);
  });

  it('matches the feature spec the shipped model was trained with', () => {
    const shipped = JSON.parse(readFileSync(join(shippedModelDir, 'features.json'), 'utf8'));
    expect(shipped).toEqual({ ...FEATURE_SPEC, scalars: [...FEATURE_SPEC.scalars] });
  });
});
