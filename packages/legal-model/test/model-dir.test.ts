import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelDir } from '../src/index.js';

describe('shipped model directory', () => {
  it('is exported as an absolute path holding a manifest', () => {
    expect(isAbsolute(modelDir)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(modelDir, 'manifest.json'), 'utf8'));
    expect(manifest.name).toBe('amicus-legal-extractive');
    expect(manifest.task).toBe('extractive-summarization');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.inputs.map((i: { name: string }) => i.name)).toEqual(['tokens', 'scalars']);
    expect(manifest.outputs.map((o: { name: string }) => o.name)).toEqual(['logits']);
  });

  it('lists every file it ships with its size and sha256, and nothing else is in the directory', () => {
    const manifest = JSON.parse(readFileSync(join(modelDir, 'manifest.json'), 'utf8'));
    const listed = manifest.files.map((f: { path: string }) => f.path).sort();
    expect(readdirSync(modelDir).filter((f) => f !== 'manifest.json').sort()).toEqual(listed);
    for (const f of manifest.files as Array<{ path: string; sha256: string; bytes: number }>) {
      const bytes = readFileSync(join(modelDir, f.path));
      expect(bytes.length).toBe(f.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
    }
  });

  it('stays within the 60 MB budget for shipped model files', () => {
    const total = readdirSync(modelDir).reduce((n, f) => n + statSync(join(modelDir, f)).size, 0);
    expect(total).toBeLessThanOrEqual(60 * 1024 * 1024);
  });
});
