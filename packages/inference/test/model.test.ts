import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FEATURE_SPEC, loadModel, ModelIntegrityError, readModelManifest } from '../src/index.js';
import { shippedModelDir } from './helpers.js';

const temps: string[] = [];
function copyOfModel(): string {
  const dir = mkdtempSync(join(tmpdir(), 'amicus-model-'));
  temps.push(dir);
  cpSync(shippedModelDir, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function integrityError(dir: string): Promise<ModelIntegrityError> {
  const err = await loadModel(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ModelIntegrityError);
  return err as ModelIntegrityError;
}

describe('readModelManifest', () => {
  it('reads the name, version and sha256 of a model without opening it, and refuses a directory without a manifest', async () => {
    const { manifest, sha256 } = await readModelManifest(shippedModelDir);
    expect(manifest.name).toBe('amicus-legal-extractive');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(sha256).toBe(createHash('sha256').update(readFileSync(join(shippedModelDir, 'manifest.json'))).digest('hex'));
    const empty = mkdtempSync(join(tmpdir(), 'amicus-model-'));
    temps.push(empty);
    await expect(readModelManifest(empty)).rejects.toBeInstanceOf(ModelIntegrityError);
  });
});

describe('loadModel', () => {
  it('loads the shipped model and identifies it by the sha256 of its manifest', async () => {
    const model = await loadModel(shippedModelDir, { intraOpThreads: 1 });
    try {
      const manifestBytes = readFileSync(join(shippedModelDir, 'manifest.json'));
      expect(model.sha256).toBe(createHash('sha256').update(manifestBytes).digest('hex'));
      expect(model.manifest.name).toBe('amicus-legal-extractive');
      expect(model.manifest.task).toBe('extractive-summarization');
      expect(model.manifest.files.map((f) => f.path).sort()).toEqual(['features.json', 'model.onnx']);
      expect(model.featureSpec.scalars).toEqual([...FEATURE_SPEC.scalars]);
    } finally {
      await model.release();
    }
  });

  it('scores a batch of sentences with one finite logit per sentence', async () => {
    const model = await loadModel(shippedModelDir, { intraOpThreads: 1 });
    try {
      const n = 3;
      const T = 4;
      const tokenIds = Int32Array.from({ length: n * T }, (_, i) => (i % T === 3 ? 0 : 1 + i));
      const scalars = new Float32Array(n * FEATURE_SPEC.scalars.length).fill(0.5);
      const logits = await model.score({ tokenIds, tokenLength: T, scalars, sentences: n });
      expect(logits).toHaveLength(n);
      for (const x of logits) expect(Number.isFinite(x)).toBe(true);
    } finally {
      await model.release();
    }
  });

  it('refuses a model file whose bytes were altered, naming the file', async () => {
    const dir = copyOfModel();
    const path = join(dir, 'model.onnx');
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(path, bytes);
    const err = await integrityError(dir);
    expect(err.code).toBe('MODEL_INTEGRITY');
    expect(err.file).toBe('model.onnx');
    expect(err.message).toContain('model.onnx');
  });

  it('refuses a model directory with a listed file missing, naming the file', async () => {
    const dir = copyOfModel();
    unlinkSync(join(dir, 'features.json'));
    const err = await integrityError(dir);
    expect(err.file).toBe('features.json');
    expect(err.message).toMatch(/features\.json: is missing/);
  });

  it('refuses a directory without a manifest', async () => {
    const dir = copyOfModel();
    unlinkSync(join(dir, 'manifest.json'));
    const err = await integrityError(dir);
    expect(err.file).toBe('manifest.json');
  });

  it('lists every problem of a malformed manifest in one error', async () => {
    const dir = copyOfModel();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    delete manifest.name;
    manifest.files[0].sha256 = 'not-a-hash';
    manifest.outputs = [];
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const err = await integrityError(dir);
    expect(err.file).toBe('manifest.json');
    expect(err.message).toMatch(/name: .*; files\.0\.sha256: must be 64 lower-case hex digits; outputs: /);
  });

  it('refuses a manifest whose paths leave the model directory', async () => {
    const dir = copyOfModel();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    manifest.files.push({ path: '../outside.bin', sha256: '0'.repeat(64), bytes: 1 });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const err = await integrityError(dir);
    expect(err.file).toBe('../outside.bin');
  });

  it('refuses a model trained on a different feature set', async () => {
    const dir = copyOfModel();
    const features = { ...FEATURE_SPEC, version: FEATURE_SPEC.version + 1 };
    const bytes = Buffer.from(JSON.stringify(features));
    writeFileSync(join(dir, 'features.json'), bytes);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    for (const f of manifest.files) {
      if (f.path === 'features.json') {
        f.sha256 = createHash('sha256').update(bytes).digest('hex');
        f.bytes = bytes.length;
      }
    }
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const err = await integrityError(dir);
    expect(err.file).toBe('features.json');
    expect(err.message).toMatch(/feature set/);
  });
});
