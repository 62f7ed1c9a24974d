import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from 'vue';
import { graphqlClientKey } from '../graphql/api';
import { GraphQLRequestError, type GraphQLClient, type TypedDocument } from '../graphql/client';
import { CurrentUserDocument, SignInDocument } from '../graphql/generated';
import { SESSION_STORAGE_KEY, useSessionStore } from './session';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

const alice = { id: 'u1', email: 'alice@court.example', displayName: 'Alice Admin', role: 'ADMIN' as const, court: null };
const future = new Date(Date.now() + 3_600_000).toISOString();

let session: MemoryStorage;
let local: MemoryStorage;
let requests: Array<{ operation: string; variables: unknown }>;

function withClient(answer: (operation: string, variables: unknown) => unknown) {
  const client: GraphQLClient = {
    async request<R, V>(doc: TypedDocument<R, V>, variables: V): Promise<R> {
      requests.push({ operation: doc.operationName, variables });
      return answer(doc.operationName, variables) as R;
    },
  };
  const app = createApp({});
  app.provide(graphqlClientKey, client);
  const pinia = createPinia();
  app.use(pinia);
  setActivePinia(pinia);
  return useSessionStore();
}

beforeEach(() => {
  session = new MemoryStorage();
  local = new MemoryStorage();
  requests = [];
  vi.stubGlobal('sessionStorage', session);
  vi.stubGlobal('localStorage', local);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('session store', () => {
  it('signs in, keeps the token in sessionStorage only, and sends the trimmed email', async () => {
    const store = withClient(() => ({ login: { token: 'tok-1', expiresAt: future, user: alice } }));
    await store.signIn('  alice@court.example ', 'secret');
    expect(requests).toEqual([{ operation: SignInDocument.operationName, variables: { email: 'alice@court.example', password: 'secret' } }]);
    expect(store.isSignedIn).toBe(true);
    expect(store.user).toEqual(alice);
    expect(JSON.parse(session.getItem(SESSION_STORAGE_KEY)!)).toEqual({ token: 'tok-1', expiresAt: future });
    expect(local.length).toBe(0);
  });

  it('restores the token after a reload and fetches the user once', async () => {
    session.setItem(SESSION_STORAGE_KEY, JSON.stringify({ token: 'tok-2', expiresAt: future }));
    const store = withClient(() => ({ me: alice }));
    expect(store.currentToken()).toBe('tok-2');
    await expect(store.ensureUser()).resolves.toEqual(alice);
    await store.ensureUser();
    expect(requests.map((r) => r.operation)).toEqual([CurrentUserDocument.operationName]);
  });

  it('drops an expired token instead of sending it', async () => {
    session.setItem(SESSION_STORAGE_KEY, JSON.stringify({ token: 'old', expiresAt: new Date(Date.now() - 1000).toISOString() }));
    const store = withClient(() => ({ me: alice }));
    expect(store.currentToken()).toBeNull();
    await expect(store.ensureUser()).resolves.toBeNull();
    expect(requests).toEqual([]);
    expect(session.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('forgets a token that expires while signed in', async () => {
    const store = withClient(() => ({ login: { token: 'tok-3', expiresAt: future, user: alice } }));
    await store.signIn('alice@court.example', 'secret');
    expect(store.currentToken(Date.parse(future) + 1)).toBeNull();
    expect(store.user).toBeNull();
    expect(session.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('stays signed out when sign-in fails', async () => {
    const store = withClient(() => {
      throw new GraphQLRequestError('INVALID_CREDENTIALS', 'Invalid email or password');
    });
    await expect(store.signIn('alice@court.example', 'wrong')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(store.isSignedIn).toBe(false);
    expect(session.length).toBe(0);
  });

  it('signs out on the server and clears the token, the user and the stored session', async () => {
    const store = withClient((operation) => (operation === 'SignIn' ? { login: { token: 'tok-4', expiresAt: future, user: alice } } : { logout: true }));
    await store.signIn('alice@court.example', 'secret');
    await store.signOut();
    expect(requests.map((r) => r.operation)).toEqual(['SignIn', 'SignOut']);
    expect(store.isSignedIn).toBe(false);
    expect(store.user).toBeNull();
    expect(session.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('signs out locally even when the server cannot be reached', async () => {
    const store = withClient((operation) => {
      if (operation === 'SignIn') return { login: { token: 'tok-5', expiresAt: future, user: alice } };
      throw new GraphQLRequestError('NETWORK_ERROR', 'down');
    });
    await store.signIn('alice@court.example', 'secret');
    await store.signOut();
    expect(store.isSignedIn).toBe(false);
    expect(session.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});
