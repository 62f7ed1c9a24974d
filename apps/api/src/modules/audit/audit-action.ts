/** Actions recorded in the ledger. Other values matching `AUDIT_ACTION_PATTERN` are accepted too. */
export enum AuditAction {
  SignIn = 'sign_in',
  SignInFailed = 'sign_in_failed',
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
  ApiKeyCreated = 'api_key_created',
  ApiKeyRevoked = 'api_key_revoked',
  AuditExported = 'audit_exported',
}

export const AUDIT_ACTION_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;
