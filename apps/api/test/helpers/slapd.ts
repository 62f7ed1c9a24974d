// A throwaway OpenLDAP server (Debian's slapd) for tests: its own config, database and port,
// loaded from LDIF with slapadd, stopped and removed by `stop()`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SLAPD = '/usr/sbin/slapd';
export const SLAPADD = '/usr/sbin/slapadd';

export function slapdAvailable(): boolean {
  return existsSync(SLAPD) && existsSync(SLAPADD);
}

export interface Slapd {
  url: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts slapd for `suffix` with `rootdn`/`rootpw`, loaded with `ldif`; resolves once it answers. */
export async function startSlapd(options: { suffix: string; rootDn: string; rootPassword: string; ldif: string }): Promise<Slapd> {
  const dir = mkdtempSync(join(tmpdir(), 'amicus-slapd-'));
  mkdirSync(join(dir, 'db'));
  const conf = join(dir, 'slapd.conf');
  writeFileSync(
    conf,
    [
      ...['core', 'cosine', 'inetorgperson', 'nis'].map((s) => `include /etc/ldap/schema/${s}.schema`),
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      `pidfile ${join(dir, 'slapd.pid')}`,
      'database mdb',
      `suffix "${options.suffix}"`,
      `rootdn "${options.rootDn}"`,
      `rootpw ${options.rootPassword}`,
      `directory ${join(dir, 'db')}`,
      'maxsize 10485760',
    ].join('\n') + '\n',
  );
  writeFileSync(join(dir, 'data.ldif'), options.ldif);
  execFileSync(SLAPADD, ['-f', conf, '-l', join(dir, 'data.ldif')], { stdio: 'pipe' });
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  const started = spawnSync(SLAPD, ['-f', conf, '-h', `${url}/`], { stdio: 'pipe' });
  if (started.status !== 0) throw new Error(`slapd did not start: ${started.stderr.toString()}`);
  const pidFile = join(dir, 'slapd.pid');
  for (let i = 0; i < 100 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 50));
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return {
    url,
    stop: () => {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
