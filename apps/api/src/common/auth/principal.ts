import type { ApiKeyAccess, UserRole } from './roles.js';

/** The scope of a service account's API key. */
export interface ApiKeyScope {
  apiKeyId: string;
  courts: string[];
  access: ApiKeyAccess;
}

/** Who is calling: an active user signed in with a session token, or a service account's API key. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  role: UserRole;
  /** Court of a judge or clerk; null for admins and service accounts. */
  court: string | null;
  /** Present when the caller authenticated with an API key. */
  apiKey?: ApiKeyScope;
  /** Id of the sign-in session, when the caller used a session token. */
  sessionId?: string;
}
