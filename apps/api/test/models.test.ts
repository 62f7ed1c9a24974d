// Model management through the real commands and a running app: a tampered model directory is
// refused naming the file; a model that scores lower than the active one (the shipped model with
// its output layer inverted) is installed and evaluated, its activation refused, then forced; the
// running app summarizes with it at its next job, without a restart; rollback brings the shipped
// model back the same way. Every activation is in the ledger.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../src/modules/users/user.entity.js';
import { runCommand } from './helpers/commands.js';
import { judgmentsAvailable, modelAvailable, TEST_MODEL_DIR } from './helpers/judgments.js';
import type { Env } from '../src/config/config.loader.js';
import { bootTestApp, ok, TestApp, testConfig, testDatabase, TestUser } from './helpers/test-app.js';
import { createAssignedCase, summarizeCase, TENANCY_JUDGMENT, uploadAndExtract } from './helpers/workflow.js';

const WORSE_VERSION = '1.3.0-inverted';
/** The int8 weights of the model's last layer (128 -> 1): raw_data (field 9, 128 bytes) right after the name. */
const LAST_LAYER = Buffer.concat([Buffer.from('onnx::MatMul_107_quantized'), Buffer.from([0x4a, 0x80, 0x01])]);

/** A copy of the shipped model whose sentence scores are negated: it picks the least summary-like sentences. */
function invertedModel(dir: string): string {
  cpSync(TEST_MODEL_DIR, dir, { recursive: true });
  const onnx = readFileSync(join(dir, 'model.onnx'));
  const at = onnx.indexOf(LAST_LAYER);
  expect(at).toBeGreaterThan(0);
  expect(onnx.indexOf(LAST_LAYER, at + 1)).toBe(-1);
  const start = at + LAST_LAYER.length;
  for (let i = start; i < start + 128; i++) onnx.writeInt8(Math.max(-127, -onnx.readInt8(i)), i);
  writeFileSync(join(dir, 'model.onnx'), onnx);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string; files: Array<{ path: string; sha256: string; bytes: number }> };
  manifest.version = WORSE_VERSION;
  const file = manifest.files.find((f) => f.path === 'model.onnx')!;
  file.sha256 = createHash('sha256').update(onnx).digest('hex');
  file.bytes = onnx.length;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

describe.skipIf(testDatabase() !== 'sqlite' || !modelAvailable() || !judgmentsAvailable())('model management', () => {
  let t: TestApp;
  let env: Env;
  let judge: TestUser;
  let caseId: string;
  let shippedKey: string;
  const work = mkdtempSync(join(tmpdir(), 'amicus-models-test-'));

  async function summaryModelVersion(): Promise<string> {
    await summarizeCase(t, caseId, judge.token);
    const { summaries } = ok(await t.gql<{ summaries: Array<{ version: number; model: { version: string } }> }>('query S($c: ID!) { summaries(caseId: $c) { version model { version } } }', { c: caseId }, judge.token));
    return summaries.sort((a, b) => b.version - a.version)[0].model.version;
  }

  beforeAll(async () => {
    const made = await testConfig({ AMICUS_INFERENCE_THREADS: '1', AMICUS_JOB_POLL_INTERVAL: '50ms', AMICUS_JOB_MAX_ATTEMPTS: '1' });
    env = made.env;
    t = await bootTestApp(made.config, made.cleanup);
    const clerk = await t.createUser(UserRole.CLERK, 'CA');
    judge = await t.createUser(UserRole.JUDGE, 'CA');
    caseId = await createAssignedCase(t, [clerk, judge]);
    await uploadAndExtract(t, caseId, Buffer.from(TENANCY_JUDGMENT, 'utf8'), clerk.token);
    const m = JSON.parse(readFileSync(join(TEST_MODEL_DIR, 'manifest.json'), 'utf8')) as { name: string; version: string };
    shippedKey = `${m.name}@${m.version}`;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('verify names the file that no longer matches the manifest', async () => {
    expect(await runCommand(['model', 'verify', TEST_MODEL_DIR], env)).toMatchObject({ code: 0 });
    const tampered = join(work, 'tampered');
    cpSync(TEST_MODEL_DIR, tampered, { recursive: true });
    const onnx = readFileSync(join(tampered, 'model.onnx'));
    onnx[onnx.length - 10] ^= 0x01;
    writeFileSync(join(tampered, 'model.onnx'), onnx);
    const run = await runCommand(['model', 'verify', tampered], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/model\.onnx.*sha256 does not match the manifest/);
  });

  it('refuses to activate a model that scores lower, activates it when forced, and the running app switches without a restart', async () => {
    const before = await summaryModelVersion();
    expect(before).toBe(shippedKey.split('@')[1]);

    const worse = invertedModel(join(work, 'worse'));
    expect((await runCommand(['model', 'verify', worse], env)).code).toBe(0);
    const evaluation = await runCommand(['model', 'evaluate', worse, '--limit', '2'], env);
    expect(evaluation.stderr).toBe('');
    expect(evaluation.code).toBe(0);
    expect(evaluation.stdout).toMatch(/scores LOWER than/);
    const worseKey = `${shippedKey.split('@')[0]}@${WORSE_VERSION}`;

    const refused = await runCommand(['model', 'activate', worseKey], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Activation refused: .* scored/);
    const forced = await runCommand(['model', 'activate', worseKey, '--force'], env);
    expect(forced.code).toBe(0);
    expect((await runCommand(['model', 'list'], env)).stdout).toMatch(new RegExp(`^${worseKey.replace(/[.+]/g, '\\$&')}\\t.*active`, 'm'));

    await new Promise((r) => setTimeout(r, 2100));
    expect(await summaryModelVersion()).toBe(WORSE_VERSION);

    const rollback = await runCommand(['model', 'rollback'], env);
    expect(rollback.code).toBe(0);
    expect(rollback.stdout).toContain(`Rolled back to ${shippedKey}`);
    await new Promise((r) => setTimeout(r, 2100));
    expect(await summaryModelVersion()).toBe(shippedKey.split('@')[1]);

    const admin = await t.admin();
    const { auditLog } = ok(
      await t.gql<{ auditLog: { edges: Array<{ node: { action: string; details: string } }> } }>(
        'query L($f: AuditLogFilterInput) { auditLog(filter: $f, first: 10) { edges { node { action details } } } }',
        { f: { action: 'model_activated' } },
        admin.token,
      ),
    );
    const models = auditLog.edges.map((e) => (JSON.parse(e.node.details) as { model: string }).model);
    expect(models.sort()).toEqual([shippedKey, worseKey].sort());
  }, 120_000);
});
