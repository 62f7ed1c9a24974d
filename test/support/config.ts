// Settings of the end-to-end tests; the only module here that reads the environment.
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const apiEntry = fileURLToPath(new URL('../../apps/api/dist/main.js', import.meta.url));
export const webIndex = fileURLToPath(new URL('../../apps/web/dist/index.html', import.meta.url));
export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** The shared legal-summarization data (real judgments). */
export const legalSumDir = process.env.AMICUS_LEGAL_SUM_DIR ?? fileURLToPath(new URL('../../../shared/data/legal-sum/', import.meta.url));

/** Debian's Chromium; CI installs it with `apt-get install -y chromium`. */
export const chromiumPath = process.env.AMICUS_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Show the browser window (for local debugging under a display). */
export const headed = process.env.AMICUS_E2E_HEADED === '1';
