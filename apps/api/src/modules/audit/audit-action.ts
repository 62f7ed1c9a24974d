/** Actions recorded in the ledger. Other values matching `AUDIT_ACTION_PATTERN` are accepted too. */
export enum AuditAction {
  SignIn = 'sign_in',
  SignInFailed = 'sign_in_failed',
  /** A sign-in refused by the attempt limiter (recorded once per window and limit). */
  SignInRefused = 'sign_in_refused',
  SignOut = 'sign_out',
  Upload = 'upload',
  JobQueued = 'job_queued',
  JobSucceeded = 'job_succeeded',
  JobFailed = 'job_failed',
  JobCancelled = 'job_cancelled',
  JobRetried = 'job_retried',
  Generation = 'generation',
  Edit = 'edit',
  Approval = 'approval',
  Export = 'export',
  PermissionChange = 'permission_change',
  CaseCreated = 'case_created',
  CaseUpdated = 'case_updated',
  CaseClosed = 'case_closed',
  UserCreated = 'user_created',
  UserUpdated = 'user_updated',
  /** A user changed their own password (their other sessions ended). */
  PasswordChanged = 'password_changed',
  /** A wrong current password given to changePassword. */
  PasswordChangeFailed = 'password_change_failed',
  /** changePassword refused by the attempt limiter (once per window). */
  PasswordChangeRefused = 'password_change_refused',
  /** An admin set a user's password (the user's sessions ended). */
  PasswordReset = 'password_reset',
  ApiKeyCreated = 'api_key_created',
  ApiKeyRevoked = 'api_key_revoked',
  AuditExported = 'audit_exported',
}

export const AUDIT_ACTION_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;
