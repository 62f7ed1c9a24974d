/** A docket number as uniqueness compares it: trimmed and in lower case ("C1-2026-SEAL" = "c1-2026-seal"). */
export function docketKey(docketNumber: string): string {
  return docketNumber.trim().toLowerCase();
}
