import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, EqualityFilter, InvalidCredentialsError } from 'ldapts';
import { APP_CONFIG, AppConfig, LdapConfig } from '../../config/app-config.js';
import { UserRole } from '../users/user.entity.js';

/** Who the directory says a user is, after a successful bind. */
export interface DirectoryProfile {
  email: string;
  displayName: string;
  role: UserRole;
  court: string | null;
}

/** `profile`: signed in; `refused`: wrong password, unknown, disabled or in no mapped group (with the reason, for the ledger). */
export type DirectoryResult = { kind: 'profile'; profile: DirectoryProfile } | { kind: 'refused'; reason: 'credentials' | 'not_found' | 'no_group' };

const ROLE_RANK: Record<string, number> = { admin: 3, judge: 2, clerk: 1 };

/** RFC 4515 escaping of a value inside a filter. */
function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function first(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
  if (value === undefined || value === null) return undefined;
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

function all(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)));
}

/**
 * Sign-in against LDAP / Active Directory (ldapts): find the user with the service account (the
 * user filter admits only enabled accounts), bind as the user with the password, read the groups
 * (`memberOf`, and groups under the group base naming the user as `member`) and map the most
 * privileged mapped group to a role and court.
 */
@Injectable()
export class DirectoryService {
  private readonly logger = new Logger('Directory');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.ldap !== undefined;
  }

  async authenticate(email: string, password: string): Promise<DirectoryResult> {
    const ldap = this.config.ldap as LdapConfig;
    if (password === '') return { kind: 'refused', reason: 'credentials' };
    const client = new Client({ url: ldap.url, timeout: 10_000, connectTimeout: 5_000 });
    try {
      if (ldap.bindDn) await client.bind(ldap.bindDn, ldap.bindPassword);
      const filter = ldap.userFilter.replaceAll('{email}', escapeFilterValue(email));
      const { searchEntries } = await client.search(ldap.userBase, { scope: 'sub', filter, attributes: ['dn', 'mail', 'cn', 'displayName', 'memberOf'], sizeLimit: 2 });
      if (searchEntries.length !== 1) return { kind: 'refused', reason: 'not_found' };
      const entry = searchEntries[0];
      const groups = new Set(all(entry.memberOf).map((g) => g.toLowerCase()));
      if (ldap.groupBase) {
        const found = await client.search(ldap.groupBase, { scope: 'sub', filter: new EqualityFilter({ attribute: 'member', value: entry.dn }), attributes: ['dn'] });
        for (const g of found.searchEntries) groups.add(g.dn.toLowerCase());
      }
      await client.unbind();
      // the user's own bind proves the password
      const own = new Client({ url: ldap.url, timeout: 10_000, connectTimeout: 5_000 });
      try {
        await own.bind(entry.dn, password);
      } catch (error) {
        if (error instanceof InvalidCredentialsError) return { kind: 'refused', reason: 'credentials' };
        throw error;
      } finally {
        await own.unbind().catch(() => undefined);
      }
      const mapped = [...groups].map((g) => ldap.groupMap[g]).filter((m) => m !== undefined);
      if (mapped.length === 0) return { kind: 'refused', reason: 'no_group' };
      const best = mapped.sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role])[0];
      return {
        kind: 'profile',
        profile: {
          email: email.toLowerCase(),
          displayName: first(entry.displayName) ?? first(entry.cn) ?? email,
          role: best.role as UserRole,
          court: best.role === 'admin' ? null : (best.court ?? null),
        },
      };
    } catch (error) {
      this.logger.error(`Directory unavailable: ${(error as Error)?.message ?? String(error)}`);
      throw error;
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }
}
