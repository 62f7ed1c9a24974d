/** Every action recorded in the ledger: the ledger accepts these and no other. */
export enum AuditAction {
  SignIn = 'sign_in',
  SignInFailed = 'sign_in_failed',
  /** A sign-in refused by the attempt limiter (recorded once per window and limit). */
  SignInRefused = 'sign_in_refused',
  SignOut = 'sign_out',
  Upload = 'upload',
  Download = 'download',
  JobQueued = 'job_queued',
  JobSucceeded = 'job_succeeded',
  JobFailed = 'job_failed',
  JobCancelled = 'job_cancelled',
  /** Cancellation of a running job requested (it stops at its next checkpoint). */
  JobCancelRequested = 'job_cancel_requested',
  JobRetried = 'job_retried',
  Generation = 'generation',
  Edit = 'edit',
  Approval = 'approval',
  Export = 'export',
  PermissionChange = 'permission_change',
  CaseCreated = 'case_created',
  CaseUpdated = 'case_updated',
  CaseClosed = 'case_closed',
  CaseReopened = 'case_reopened',
  CaseSealed = 'case_sealed',
  CaseUnsealed = 'case_unsealed',
  /** A docket number that collides with an existing case in the court (recorded, answered neutrally). */
  DocketCollision = 'docket_collision',
  PartyAdded = 'party_added',
  PartyUpdated = 'party_updated',
  PartyRemoved = 'party_removed',
  /** Look-ups of sealed objects by callers who may not see them, counted per caller and window. */
  SealedLookupDenied = 'sealed_lookup_denied',
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
  /** `amicus model activate` / `model rollback`: the model summaries use from now on. */
  ModelActivated = 'model_activated',
}

export const AUDIT_ACTION_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

const ACTIONS = new Set<string>(Object.values(AuditAction));

/** Whether `value` is one of the ledger's actions. */
export function isAuditAction(value: string): value is AuditAction {
  return ACTIONS.has(value);
}
