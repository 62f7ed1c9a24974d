// Outputs of finished background jobs, read from the job's `result` (JSON text).

/** The draft a succeeded `draft` job made (`{"draftId": …}`); null for any other result. */
export function draftIdOfResult(result: string | null | undefined): string | null {
  if (!result) return null;
  try {
    const parsed = JSON.parse(result) as { draftId?: unknown } | null;
    return parsed && typeof parsed === 'object' && typeof parsed.draftId === 'string' && parsed.draftId !== '' ? parsed.draftId : null;
  } catch {
    return null;
  }
}
