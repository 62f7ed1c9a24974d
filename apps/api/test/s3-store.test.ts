// Documents in an S3-compatible object store shared by hosts (s3rver, a local S3-protocol server
// started here): an API process and a worker process with separate data directories, on one
// PostgreSQL and Redis. The worker extracts and summarizes an upload it can only read from the
// bucket; the API serves the summary and the byte-identical original; neither host writes a blob
// to its own disk.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as tar from 'tar';
import { type Env, loadConfig } from '../src/config/config.loader.js';
import { UserRole } from '../src/modules/users/user.entity.js';
import { runCommand } from './helpers/commands.js';
import { modelAvailable } from './helpers/judgments.js';
import { bootTestApp, databaseAvailable, ok, TestApp, testConfig, testDatabase, TestUser } from './helpers/test-app.js';
import { createAssignedCase, summarizeCase, TENANCY_JUDGMENT, uploadAndExtract } from './helpers/workflow.js';

const BUCKET = 'amicus-documents';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

describe.skipIf(testDatabase() !== 'postgres' || !databaseAvailable() || !modelAvailable())('documents on an S3 store shared by an API host and a worker host', () => {
  let s3server: S3rver;
  let endpoint: string;
  const s3dir = mkdtempSync(join(tmpdir(), 'amicus-s3rver-'));
  const workerDataDir = mkdtempSync(join(tmpdir(), 'amicus-worker-host-'));
  let api: TestApp;
  let worker: TestApp;
  let clerk: TestUser;
  let judge: TestUser;
  let apiEnv: Env;

  beforeAll(async () => {
    s3server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3dir });
    const { port } = await s3server.run();
    endpoint = `http://127.0.0.1:${port}`;
    const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    s3.destroy();

    const shared = {
      AMICUS_BLOB_URL: `s3://${BUCKET}/court-a`,
      AMICUS_S3_ENDPOINT: endpoint,
      AMICUS_S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AMICUS_S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      REDIS_URL: inject('redisUrl'),
      AMICUS_JOB_QUEUE: `amicus-s3-${randomBytes(4).toString('hex')}`,
      AMICUS_JOB_POLL_INTERVAL: '50ms',
      AMICUS_INFERENCE_THREADS: '1',
    };
    const made = await testConfig(shared);
    apiEnv = made.env;
    expect(made.config.documents.blobStore).toMatchObject({ type: 's3', bucket: BUCKET, prefix: 'court-a/' });
    api = await bootTestApp({ ...made.config, jobs: { ...made.config.jobs, runWorker: false } }, made.cleanup);
    // the worker host: the same database, queue and bucket, its own (empty) data directory
    const workerConfig = loadConfig({ ...made.env, AMICUS_DATA_DIR: workerDataDir });
    worker = await bootTestApp({ ...workerConfig, jobs: { ...workerConfig.jobs, runWorker: true } });
    clerk = await api.createUser(UserRole.CLERK, 'CA');
    judge = await api.createUser(UserRole.JUDGE, 'CA');
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await s3server?.close();
    rmSync(s3dir, { recursive: true, force: true });
    rmSync(workerDataDir, { recursive: true, force: true });
  });

  it('the worker extracts and summarizes from the bucket, the API serves the result and the original', async () => {
    const caseId = await createAssignedCase(api, [clerk, judge]);
    const bytes = Buffer.from(TENANCY_JUDGMENT, 'utf8');
    const documentId = await uploadAndExtract(api, caseId, bytes, clerk.token);
    const jobId = await summarizeCase(api, caseId, judge.token);

    const { summaries } = ok(await api.gql<{ summaries: Array<{ jobId: string; sentences: Array<{ text: string }> }> }>('query S($c: ID!) { summaries(caseId: $c) { jobId sentences { text } } }', { c: caseId }, judge.token));
    expect(summaries[0].jobId).toBe(jobId);
    expect(summaries[0].sentences.length).toBeGreaterThan(0);
    // the API process runs no jobs: extraction and the summary ran on the worker host
    expect(api.config.jobs.runWorker).toBe(false);

    const download = await fetch(`${api.url}/api/documents/${documentId}/content`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    s3.destroy();
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(listed.Contents?.map((o) => o.Key)).toEqual([`court-a/${sha.slice(0, 2)}/${sha}`]);
    expect(existsSync(join(api.config.dataDir, 'blobs'))).toBe(false);
    expect(existsSync(join(workerDataDir, 'blobs'))).toBe(false);

    // a backup takes the originals from the bucket
    const archive = join(workerDataDir, 'backup.tar.gz');
    const backup = await runCommand(['backup', '--out', archive], apiEnv);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/1 stored documents/);
    const listedInArchive: string[] = [];
    await tar.list({ file: archive, onReadEntry: (e) => void listedInArchive.push(e.path) });
    expect(listedInArchive).toContain(`blobs/${sha.slice(0, 2)}/${sha}`);
  }, 120_000);
});
