// The signed-in session: the bearer token (kept in sessionStorage only, because court workstations
// are shared) and the current user.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useGraphQLClient } from '../graphql/api';
import { CurrentUserDocument, SetLocaleDocument, SignInDocument, SignOutDocument, type CurrentUserQuery } from '../graphql/generated';
import { applyLocale, isAppLocale, type AppLocale } from '../i18n';
import { i18n } from '../i18n/instance';

export type SessionUser = CurrentUserQuery['me'];

export const SESSION_STORAGE_KEY = 'amicus.session';

interface StoredSession {
  token: string;
  expiresAt: string;
}

function readStored(): StoredSession | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof value.token !== 'string' || typeof value.expiresAt !== 'string') return null;
    return { token: value.token, expiresAt: value.expiresAt };
  } catch {
    return null;
  }
}

function isExpired(expiresAt: string, now: number): boolean {
  const at = Date.parse(expiresAt);
  return Number.isFinite(at) && at <= now;
}

export const useSessionStore = defineStore('session', () => {
  const client = useGraphQLClient();

  const stored = readStored();
  const token = ref<string | null>(stored && !isExpired(stored.expiresAt, Date.now()) ? stored.token : null);
  const expiresAt = ref<string | null>(token.value ? stored!.expiresAt : null);
  const user = ref<SessionUser | null>(null);
  if (stored && !token.value) globalThis.sessionStorage?.removeItem(SESSION_STORAGE_KEY);

  const isSignedIn = computed(() => token.value !== null);

  /** The token to send, or null once it has expired. */
  function currentToken(now = Date.now()): string | null {
    if (token.value && expiresAt.value && isExpired(expiresAt.value, now)) clear();
    return token.value;
  }

  function clear(): void {
    token.value = null;
    expiresAt.value = null;
    user.value = null;
    globalThis.sessionStorage?.removeItem(SESSION_STORAGE_KEY);
  }

  async function signIn(email: string, password: string): Promise<SessionUser> {
    const { login } = await client.request(SignInDocument, { email: email.trim(), password });
    token.value = login.token;
    expiresAt.value = login.expiresAt;
    user.value = login.user;
    followUserLocale(login.user);
    globalThis.sessionStorage?.setItem(SESSION_STORAGE_KEY, JSON.stringify({ token: login.token, expiresAt: login.expiresAt } satisfies StoredSession));
    return login.user;
  }

  /** Loads the current user once per session (after a page reload only the token is kept). */
  async function ensureUser(): Promise<SessionUser | null> {
    if (!currentToken()) return null;
    if (user.value) return user.value;
    const { me } = await client.request(CurrentUserDocument, {});
    user.value = me;
    followUserLocale(me);
    return me;
  }

  /** The language stored with the user wins over this browser's. */
  function followUserLocale(u: SessionUser): void {
    if (isAppLocale(u.locale)) applyLocale(i18n, u.locale);
  }

  /** Switches the interface language and stores it with the user, so it follows them to another browser. */
  async function chooseLocale(locale: AppLocale): Promise<void> {
    applyLocale(i18n, locale);
    if (!currentToken() || !user.value) return;
    const { setLocale } = await client.request(SetLocaleDocument, { locale });
    user.value = { ...user.value, locale: setLocale.locale };
  }

  /** Records that the user chose their own password (the server cleared the flag). */
  function passwordChanged(): void {
    if (user.value) user.value = { ...user.value, passwordChangeRequired: false };
  }

  /** Ends the session on the server (best effort) and forgets it here in any case. */
  async function signOut(): Promise<void> {
    if (currentToken()) {
      try {
        await client.request(SignOutDocument, {});
      } catch {
        // The token is dropped below either way; an unreachable server cannot keep this browser signed in.
      }
    }
    clear();
  }

  return { token, expiresAt, user, isSignedIn, currentToken, signIn, ensureUser, signOut, clear, chooseLocale, passwordChanged };
});
