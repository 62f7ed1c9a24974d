import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, normalize, resolve } from 'node:path';
import * as ort from 'onnxruntime-node';
import { z } from 'zod';
import { FEATURE_SPEC, type FeatureSpec } from './features.js';
import { ModelIntegrityError } from './errors.js';

const ManifestFileSchema = z.object({
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
  bytes: z.number().int().nonnegative(),
});

const TensorDescriptionSchema = z.object({
  name: z.string().min(1),
  type: z.string().min(1),
  shape: z.array(z.union([z.string(), z.number()])),
  description: z.string().optional(),
});

/** manifest.json of a model directory; fields beyond these (quantization, features …) are kept as they are. */
const ModelManifestSchema = z.looseObject({
  name: z.string().min(1),
  version: z.string().min(1),
  task: z.string().min(1),
  description: z.string().optional(),
  files: z.array(ManifestFileSchema).min(1),
  inputs: z.array(TensorDescriptionSchema).min(2),
  outputs: z.array(TensorDescriptionSchema).min(1),
});

export type ManifestFile = z.infer<typeof ManifestFileSchema>;
export type TensorDescription = z.infer<typeof TensorDescriptionSchema>;
export type ModelManifest = z.infer<typeof ModelManifestSchema>;

const FeatureSpecSchema = z.object({
  version: z.number().int(),
  hashBuckets: z.number().int(),
  maxTokens: z.number().int(),
  scalars: z.array(z.string()),
});

export interface LoadModelOptions {
  /** Threads used inside one operator (onnxruntime intra-op pool). Defaults to onnxruntime's choice. */
  intraOpThreads?: number;
  /** Threads used across independent operators. Defaults to 1 (sequential execution). */
  interOpThreads?: number;
}

export interface ScorerInput {
  /** Row-major [sentences, tokenLength] token ids. */
  tokenIds: Int32Array;
  tokenLength: number;
  /** Row-major [sentences, scalars]. */
  scalars: Float32Array;
  sentences: number;
}

export interface LoadedModel {
  readonly dir: string;
  readonly manifest: ModelManifest;
  /** sha256 of manifest.json itself: identifies the exact model (every file's hash is inside it). */
  readonly sha256: string;
  readonly featureSpec: FeatureSpec;
  /** Runs the sentence scorer; returns one logit per sentence. */
  score(input: ScorerInput): Promise<Float32Array>;
  release(): Promise<void>;
}

const MANIFEST = 'manifest.json';
const FEATURES = 'features.json';

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Parses a JSON file of the model directory against its schema; every problem is listed in one error. */
function parseJson<T>(file: string, raw: Buffer, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ModelIntegrityError(file, 'is not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ModelIntegrityError(file, parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`).join('; '));
}

function checkFeatureSpec(spec: FeatureSpec): void {
  const same =
    spec.version === FEATURE_SPEC.version &&
    spec.hashBuckets === FEATURE_SPEC.hashBuckets &&
    spec.maxTokens === FEATURE_SPEC.maxTokens &&
    spec.scalars.length === FEATURE_SPEC.scalars.length &&
    spec.scalars.every((s, i) => s === FEATURE_SPEC.scalars[i]);
  if (!same) {
    throw new ModelIntegrityError(FEATURES, `model was trained on feature set v${spec.version}; this runtime computes v${FEATURE_SPEC.version}`);
  }
}

/** manifest.json against its schema, with no file path that escapes the model directory. */
function parseManifest(bytes: Buffer): ModelManifest {
  const manifest = parseJson(MANIFEST, bytes, ModelManifestSchema);
  for (const f of manifest.files) {
    if (isAbsolute(f.path) || normalize(f.path).split(/[\\/]/).includes('..')) throw new ModelIntegrityError(f.path, 'path escapes the model directory');
  }
  return manifest;
}

async function readManifestBytes(root: string): Promise<Buffer> {
  try {
    return await readFile(join(root, MANIFEST));
  } catch {
    throw new ModelIntegrityError(MANIFEST, `not found in ${root}`);
  }
}

/**
 * A model directory's manifest and its sha256 (the model's identity), without reading the model
 * files or opening a session: what a status page shows before the model is first used.
 */
export async function readModelManifest(dir: string): Promise<{ manifest: ModelManifest; sha256: string }> {
  const bytes = await readManifestBytes(resolve(dir));
  return { manifest: parseManifest(bytes), sha256: sha256Hex(bytes) };
}

interface VerifiedModel {
  root: string;
  manifest: ModelManifest;
  manifestBytes: Buffer;
  featureSpec: FeatureSpec;
  contents: Map<string, Buffer>;
}

/** Reads a model directory and checks it: manifest, every file's size and sha256, the feature spec. */
async function readVerified(dir: string): Promise<VerifiedModel> {
  const root = resolve(dir);
  const manifestBytes = await readManifestBytes(root);
  const manifest = parseManifest(manifestBytes);
  const contents = new Map<string, Buffer>();
  for (const f of manifest.files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(root, f.path));
    } catch {
      throw new ModelIntegrityError(f.path, 'is missing');
    }
    if (bytes.length !== f.bytes) throw new ModelIntegrityError(f.path, `has ${bytes.length} bytes, manifest says ${f.bytes}`);
    if (sha256Hex(bytes) !== f.sha256) throw new ModelIntegrityError(f.path, 'sha256 does not match the manifest');
    contents.set(f.path, bytes);
  }
  const featureBytes = contents.get(FEATURES);
  if (!featureBytes) throw new ModelIntegrityError(FEATURES, 'is not listed in the manifest');
  const featureSpec: FeatureSpec = parseJson(FEATURES, featureBytes, FeatureSpecSchema);
  checkFeatureSpec(featureSpec);
  return { root, manifest, manifestBytes, featureSpec, contents };
}

/**
 * Checks a model directory without loading it: the manifest, presence, size and sha256 of every
 * file it lists, and the feature spec. Throws ModelIntegrityError naming the bad file.
 */
export async function verifyModel(dir: string): Promise<{ dir: string; manifest: ModelManifest; sha256: string }> {
  const { root, manifest, manifestBytes } = await readVerified(dir);
  return { dir: root, manifest, sha256: sha256Hex(manifestBytes) };
}

/**
 * Loads a model directory: verifies every file listed in manifest.json (presence, size, sha256),
 * checks the model's feature spec against this runtime's featurizer, and opens the ONNX session.
 */
export async function loadModel(dir: string, options: LoadModelOptions = {}): Promise<LoadedModel> {
  const { root, manifest, manifestBytes, featureSpec, contents } = await readVerified(dir);
  const onnxPath = manifest.files.map((f) => f.path).find((p) => p.endsWith('.onnx'));
  if (!onnxPath) throw new ModelIntegrityError(MANIFEST, 'lists no .onnx file');
  const onnxBytes = contents.get(onnxPath) as Buffer;
  contents.clear();

  const sessionOptions: ort.InferenceSession.SessionOptions = {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    executionMode: (options.interOpThreads ?? 1) > 1 ? 'parallel' : 'sequential',
    interOpNumThreads: options.interOpThreads ?? 1,
  };
  if (options.intraOpThreads !== undefined) sessionOptions.intraOpNumThreads = options.intraOpThreads;
  const session = await ort.InferenceSession.create(onnxBytes, sessionOptions);
  const [tokensName, scalarsName] = manifest.inputs.map((i) => i.name);
  const outputName = manifest.outputs[0].name;

  return {
    dir: root,
    manifest,
    sha256: sha256Hex(manifestBytes),
    featureSpec,
    async score(input: ScorerInput): Promise<Float32Array> {
      const { sentences, tokenLength } = input;
      const ids = new BigInt64Array(sentences * tokenLength);
      for (let i = 0; i < ids.length; i++) ids[i] = BigInt(input.tokenIds[i]);
      const feeds = {
        [tokensName]: new ort.Tensor('int64', ids, [sentences, tokenLength]),
        [scalarsName]: new ort.Tensor('float32', input.scalars, [sentences, featureSpec.scalars.length]),
      };
      const out = await session.run(feeds);
      return Float32Array.from(out[outputName].data as Float32Array);
    },
    async release(): Promise<void> {
      await session.release();
    },
  };
}
