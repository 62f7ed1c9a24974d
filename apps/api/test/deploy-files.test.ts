// The deployment files court IT starts from (deploy/): the compose file parses and wires every
// service, the API and worker run the roles main.ts knows, every variable they set is one the
// configuration accepts; the Dockerfile and systemd units start the file the build produces.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../src/config/config.loader.js';
import { ROLES } from '../src/process-roles.js';
import { testDatabase } from './helpers/test-app.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const deploy = (path: string) => readFileSync(resolve(repo, 'deploy', path), 'utf8');
/** What `npm run build` writes for src/main.ts (tsconfig.build.json: src -> dist). */
const ENTRY = 'apps/api/dist/main.js';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: string[] | Record<string, { condition: string }>;
}

/** Compose's ${VAR}, ${VAR:-default} and ${VAR:?message} with sample values. */
function interpolate(value: string): string {
  return value.replace(/\$\{([A-Z0-9_]+)(:[-?][^}]*)?\}/g, (_m, name: string, rest?: string) => {
    if (rest?.startsWith(':-')) return rest.slice(2);
    return name.includes('PASSWORD') ? 'a-long-enough-sample-password' : `sample-${name.toLowerCase()}`;
  });
}

describe.skipIf(testDatabase() !== 'sqlite')('deployment files', () => {
  it('the compose file parses, wires every service and volume, and runs the API and worker roles with a valid configuration', () => {
    const compose = parse(deploy('docker-compose.yml')) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
    const services = compose.services;
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'redis', 'worker']);
    for (const [name, service] of Object.entries(services)) {
      expect(service.image ?? service.build, `${name} has an image or a build`).toBeDefined();
      if (service.build) {
        expect(existsSync(resolve(repo, 'deploy', service.build.context, service.build.dockerfile)), `${name} Dockerfile`).toBe(true);
      }
      const deps = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const dep of deps) expect(Object.keys(services), `${name} depends on ${dep}`).toContain(dep);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (!source.startsWith('/') && !source.startsWith('.')) expect(Object.keys(compose.volumes), `${name} volume ${source}`).toContain(source);
      }
    }
    for (const [name, role] of [['api', 'api'], ['worker', 'worker']] as const) {
      const command = services[name].command!;
      expect(command.slice(0, 2)).toEqual(['node', ENTRY]);
      expect(command.slice(2)).toEqual(['--role', role]);
      expect(ROLES).toContain(role);
      const env = Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));
      const config = loadConfig({ ...env, NODE_ENV: 'production' }, repo);
      expect(config.database.type).toBe('postgres');
      expect(config.jobs.backend).toBe('bullmq');
    }
  });

  it('the Dockerfile builds on Node 20 without downloading onnxruntime binaries and starts the built entry point', () => {
    const lines = deploy('Dockerfile')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    const instructions = lines.map((l) => l.trim().split(/\s+/)[0]);
    const known = ['FROM', 'WORKDIR', 'ENV', 'RUN', 'COPY', 'USER', 'EXPOSE', 'HEALTHCHECK', 'CMD', 'ARG', 'LABEL', 'VOLUME'];
    for (const i of instructions) expect(known, `Dockerfile instruction ${i}`).toContain(i);
    const froms = lines.filter((l) => l.startsWith('FROM '));
    expect(froms.length).toBe(2);
    for (const f of froms) expect(f).toMatch(/^FROM node:20-/);
    const engines = (JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toMatch(/^>=20\./);
    expect(lines.find((l) => l.startsWith('ENV ') && l.includes('ONNXRUNTIME_NODE_INSTALL=skip'))).toBeDefined();
    expect(lines.some((l) => l.startsWith('RUN npm ci'))).toBe(true);
    const cmd = JSON.parse(lines.find((l) => l.startsWith('CMD '))!.slice(4)) as string[];
    expect(cmd).toEqual(['node', ENTRY]);
    expect(existsSync(resolve(repo, 'apps/api/src/main.ts'))).toBe(true);
    expect(lines.find((l) => l.startsWith('HEALTHCHECK'))).toMatch(/\/healthz/);
  });

  it('the systemd units start the API and worker roles from the install directory', () => {
    for (const [unit, role] of [['systemd/amicus-api.service', 'api'], ['systemd/amicus-worker@.service', 'worker']] as const) {
      const text = deploy(unit);
      expect(text).toMatch(/^\[Unit\]$/m);
      expect(text).toMatch(/^\[Service\]$/m);
      expect(text).toMatch(/^\[Install\]$/m);
      expect(text).toMatch(new RegExp(`^ExecStart=/usr/bin/node ${ENTRY.replace(/\./g, '\\.')} --role ${role}$`, 'm'));
      expect(text).toMatch(/^EnvironmentFile=\/etc\/amicus\/amicus\.env$/m);
      expect(text).toMatch(/^Restart=on-failure$/m);
    }
  });

  it('the nginx example terminates TLS, admits uploads up to the default limit and upgrades GraphQL websockets', () => {
    const conf = deploy('nginx/amicus.conf');
    const defaults = loadConfig({}, repo);
    const size = /client_max_body_size (\d+)m;/.exec(conf);
    expect(Number(size?.[1]) * 1024 * 1024).toBeGreaterThanOrEqual(defaults.documents.maxUploadBytes);
    expect(conf).toMatch(/listen 443 ssl;/);
    expect(conf).toMatch(/ssl_certificate\s+\S+;/);
    const graphql = /location \/graphql \{([^}]*)\}/.exec(conf)?.[1] ?? '';
    expect(graphql).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(graphql).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(conf).toMatch(/proxy_set_header X-Request-Id \$request_id;/);
  });
});
