import { describe, expect, it } from 'vitest';
import { parseArgs } from './args.js';

describe('eval CLI arguments', () => {
  it('defaults to UK and IN validation with every method', () => {
    expect(parseArgs([])).toEqual({ datasets: ['uk', 'in'], split: 'validation', methods: ['lead', 'textrank', 'model', 'oracle'] });
  });

  it('parses datasets, split, limit, methods and json', () => {
    expect(parseArgs(['--dataset', 'all', '--split=train', '--limit', '5', '--methods', 'lead,oracle', '--json', 'out.json'])).toEqual({
      datasets: ['uk', 'in', 'aus'],
      split: 'train',
      limit: 5,
      methods: ['lead', 'oracle'],
      json: 'out.json',
    });
    expect(parseArgs(['--help'])).toBe('help');
  });

  it('rejects bad input with BAD_ARGUMENT', () => {
    for (const argv of [['--dataset', 'fr'], ['--split', 'test'], ['--limit', '0'], ['--limit', 'x'], ['--methods', 'bart'], ['--json'], ['--frobnicate']]) {
      expect(() => parseArgs(argv)).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
    }
  });
});
