// Display formatting shared by the pages, in the interface language.
import { i18n, t } from '../i18n/instance';

const ROLES = ['ADMIN', 'JUDGE', 'CLERK', 'SERVICE'] as const;
const STATUSES = ['OPEN', 'CLOSED', 'STAYED'] as const;
const PARTY_ROLES = ['APPELLANT', 'APPLICANT', 'CLAIMANT', 'DEFENDANT', 'INTERVENER', 'OTHER', 'PETITIONER', 'PLAINTIFF', 'RESPONDENT', 'THIRD_PARTY'] as const;

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function roleLabel(role: string): string {
  return oneOf(ROLES, role) ? t(`roles.${role}`) : titleCase(role);
}

export function statusLabel(status: string): string {
  return oneOf(STATUSES, status) ? t(`caseStatus.${status}`) : titleCase(status);
}

export function partyRoleLabel(role: string): string {
  return oneOf(PARTY_ROLES, role) ? t(`partyRoles.${role}`) : titleCase(role);
}

/** `CASE_TYPE` or `case type` → `Case type`. */
export function titleCase(value: string): string {
  const words = value.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Intl locale per interface language: English dates are written day-month-year, as courts do. */
function intlLocale(): string {
  return i18n.global.locale.value === 'zh-CN' ? 'zh-CN' : 'en-GB';
}

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
const DATE_TIME: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false };

function parse(value: string): number {
  return Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
}

/** A calendar date such as `3 Mar 2025` / `2025年3月3日`; dates are calendar days, so they are shown in UTC. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const time = parse(value);
  return Number.isFinite(time) ? new Intl.DateTimeFormat(intlLocale(), DATE).format(time) : value;
}

/** A moment in the viewer's time zone, to the minute. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Intl.DateTimeFormat(intlLocale(), DATE_TIME).format(time) : value;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 0 }).format(value);
}

export function formatPercent(value: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** The machine-readable date for a `<time datetime>` attribute. */
export function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : undefined;
}
