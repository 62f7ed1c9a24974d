// Display formatting shared by the pages.

const roleLabels: Record<string, string> = { ADMIN: 'Administrator', JUDGE: 'Judge', CLERK: 'Clerk', SERVICE: 'Service account' };

export function roleLabel(role: string): string {
  return roleLabels[role] ?? titleCase(role);
}

export function statusLabel(status: string): string {
  return titleCase(status);
}

/** `CASE_TYPE` or `case type` → `Case type`. */
export function titleCase(value: string): string {
  const words = value.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A calendar date such as `3 Mar 2025`; dates are calendar days, so they are shown in UTC. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isFinite(time) ? dateFormat.format(time) : value;
}

/** The machine-readable date for a `<time datetime>` attribute. */
export function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : undefined;
}
