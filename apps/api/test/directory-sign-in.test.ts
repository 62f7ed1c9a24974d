// Sign-in with the court's directory against a real OpenLDAP server started here: users are
// created at their first sign-in with the role and court of their mapped group, follow the
// directory at later sign-ins, are refused with a wrong password or in no mapped group, and are
// refused (and deactivated) once disabled in the directory. Local accounts still sign in.
import { Attribute, Change, Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../src/modules/users/user.entity.js';
import { errorCode, ok, startTestApp, TEST_PASSWORD, TestApp, testDatabase } from './helpers/test-app.js';
import { slapdAvailable, Slapd, startSlapd } from './helpers/slapd.js';

const SUFFIX = 'dc=court,dc=example';
const ROOT_DN = `cn=admin,${SUFFIX}`;
const ROOT_PW = 'root-secret-for-tests';
const SEARCH_DN = `cn=amicus,ou=services,${SUFFIX}`;
const SEARCH_PW = 'service-secret-for-tests';
const JUDGES = `cn=judges-hc,ou=groups,${SUFFIX}`;
const CLERKS = `cn=clerks-hc,ou=groups,${SUFFIX}`;

const person = (uid: string, name: string, password: string) => `dn: uid=${uid},ou=people,${SUFFIX}
objectClass: inetOrgPerson
uid: ${uid}
cn: ${name}
sn: ${name.split(' ').at(-1)}
displayName: ${name}
mail: ${uid}@court.example
userPassword: ${password}
`;

const LDIF = `dn: ${SUFFIX}
objectClass: dcObject
objectClass: organization
dc: court
o: Court

dn: ou=people,${SUFFIX}
objectClass: organizationalUnit
ou: people

dn: ou=groups,${SUFFIX}
objectClass: organizationalUnit
ou: groups

dn: ou=services,${SUFFIX}
objectClass: organizationalUnit
ou: services

dn: ${SEARCH_DN}
objectClass: inetOrgPerson
cn: amicus
sn: amicus
userPassword: ${SEARCH_PW}

${person('ajudge', 'Asha Judge', 'judge-password-123')}
${person('bclerk', 'Bo Clerk', 'clerk-password-123')}
${person('cnobody', 'Cy Nobody', 'nobody-password-123')}
dn: ${JUDGES}
objectClass: groupOfNames
cn: judges-hc
member: uid=ajudge,ou=people,${SUFFIX}

dn: ${CLERKS}
objectClass: groupOfNames
cn: clerks-hc
member: uid=bclerk,ou=people,${SUFFIX}
`;

const LOGIN = 'mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { token user { email role court displayName } } }';

describe.skipIf(testDatabase() !== 'sqlite' || !slapdAvailable())('directory sign-in (LDAP)', () => {
  let slapd: Slapd;
  let t: TestApp;

  beforeAll(async () => {
    slapd = await startSlapd({ suffix: SUFFIX, rootDn: ROOT_DN, rootPassword: ROOT_PW, ldif: LDIF });
    t = await startTestApp({
      AMICUS_LDAP_URL: slapd.url,
      AMICUS_LDAP_BIND_DN: SEARCH_DN,
      AMICUS_LDAP_BIND_PASSWORD: SEARCH_PW,
      AMICUS_LDAP_USER_BASE: `ou=people,${SUFFIX}`,
      AMICUS_LDAP_USER_FILTER: '(&(objectClass=inetOrgPerson)(mail={email})(!(employeeType=disabled)))',
      AMICUS_LDAP_GROUP_BASE: `ou=groups,${SUFFIX}`,
      AMICUS_LDAP_GROUP_MAP: JSON.stringify({ [JUDGES]: { role: 'judge', court: 'HC' }, [CLERKS]: { role: 'clerk', court: 'HC' } }),
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    slapd?.stop();
  });

  async function directory(fn: (c: Client) => Promise<void>): Promise<void> {
    const c = new Client({ url: slapd.url });
    await c.bind(ROOT_DN, ROOT_PW);
    try {
      await fn(c);
    } finally {
      await c.unbind();
    }
  }

  it('creates the user at first sign-in with the role and court of the mapped group', async () => {
    const res = ok(await t.gql<{ login: { token: string; user: Record<string, unknown> } }>(LOGIN, { e: 'ajudge@court.example', p: 'judge-password-123' }));
    expect(res.login.user).toEqual({ email: 'ajudge@court.example', role: 'JUDGE', court: 'HC', displayName: 'Asha Judge' });
    const me = ok(await t.gql<{ me: { email: string } }>('query { me { email } }', {}, res.login.token));
    expect(me.me.email).toBe('ajudge@court.example');
    const clerk = ok(await t.gql<{ login: { user: { role: string } } }>(LOGIN, { e: 'BClerk@Court.example', p: 'clerk-password-123' }));
    expect(clerk.login.user.role).toBe('CLERK');
  });

  it('refuses a wrong password, an unknown address and a user in no mapped group', async () => {
    expect(errorCode(await t.gql(LOGIN, { e: 'ajudge@court.example', p: 'not-the-password' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(LOGIN, { e: 'nobody-here@court.example', p: 'whatever-password' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(LOGIN, { e: 'cnobody@court.example', p: 'nobody-password-123' }))).toBe('UNAUTHENTICATED');
  });

  it('follows a group change at the next sign-in and refuses a user disabled in the directory', async () => {
    await directory(async (c) => {
      await c.modify(JUDGES, new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [`uid=bclerk,ou=people,${SUFFIX}`] }) }));
      // a group of names keeps one member: the clerks group gets another before bclerk leaves it
      await c.modify(CLERKS, new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [`uid=cnobody,ou=people,${SUFFIX}`] }) }));
      await c.modify(CLERKS, new Change({ operation: 'delete', modification: new Attribute({ type: 'member', values: [`uid=bclerk,ou=people,${SUFFIX}`] }) }));
    });
    const promoted = ok(await t.gql<{ login: { user: { role: string } } }>(LOGIN, { e: 'bclerk@court.example', p: 'clerk-password-123' }));
    expect(promoted.login.user.role).toBe('JUDGE');

    await directory((c) => c.modify(`uid=ajudge,ou=people,${SUFFIX}`, new Change({ operation: 'add', modification: new Attribute({ type: 'employeeType', values: ['disabled'] }) })));
    expect(errorCode(await t.gql(LOGIN, { e: 'ajudge@court.example', p: 'judge-password-123' }))).toBe('UNAUTHENTICATED');
    const { users } = ok(await t.gql<{ users: { edges: Array<{ node: { email: string; active: boolean } }> } }>('query { users(first: 50) { edges { node { email active } } } }', {}, (await t.admin()).token));
    expect(users.edges.find((e) => e.node.email === 'ajudge@court.example')?.node.active).toBe(false);
  });

  it('local accounts with a password still sign in beside the directory', async () => {
    const local = await t.createUser(UserRole.CLERK, 'HC');
    expect(ok(await t.gql<{ login: { user: { email: string } } }>(LOGIN, { e: local.user.email, p: TEST_PASSWORD })).login.user.email).toBe(local.user.email);
  });
});
