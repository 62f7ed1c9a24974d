// The roles `node dist/main.js --role ROLE` starts (systemd units and compose name them).

/**
 * Process roles. `all` runs everything this build has in one process (the embedded default);
 * `api` serves HTTP without running jobs; `worker` runs jobs without serving HTTP.
 */
export const ROLES = ['api', 'worker', 'all'] as const;
export type ProcessRole = (typeof ROLES)[number];

export function parseRole(argv: string[]): ProcessRole {
  const i = argv.indexOf('--role');
  if (i === -1) return 'all';
  const role = argv[i + 1];
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new Error(`--role must be one of: ${ROLES.join(', ')} (got "${role ?? ''}")`);
  }
  return role as ProcessRole;
}
