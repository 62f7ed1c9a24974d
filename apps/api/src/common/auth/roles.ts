/** Who a user is in the court; decides what the access policy lets them see and do. */
export enum UserRole {
  ADMIN = 'admin',
  JUDGE = 'judge',
  CLERK = 'clerk',
  SERVICE = 'service',
}

/** What a service account's API key may do. */
export enum ApiKeyAccess {
  READ = 'read',
  READ_WRITE = 'read_write',
}
