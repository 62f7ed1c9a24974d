// Downloads from routes that need the bearer token (a plain link cannot send it): fetch, then save the
// answer under the file name the server gives.

export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The file name in a Content-Disposition header (`filename*` preferred), or null. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header);
  const name = plain?.[1] ?? plain?.[2];
  return name ? name.trim() : null;
}

export async function downloadWithToken(url: string, token: string | null, fallbackName: string): Promise<string> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const message =
      response.status === 404
        ? 'The file could not be found, or you do not have access to it.'
        : response.status === 409
          ? 'The file is not available yet (the draft is not approved).'
          : response.status === 401
            ? 'Your session has ended. Sign in again.'
            : `The download failed (HTTP ${response.status}).`;
    throw new DownloadError(response.status, message);
  }
  const name = fileNameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName;
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = objectUrl;
  anchor.download = name;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  return name;
}
