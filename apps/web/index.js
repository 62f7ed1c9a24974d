// Where the built web app lives, for the API to serve in production.
import { fileURLToPath } from 'node:url';

export const webDistDir = fileURLToPath(new URL('./dist', import.meta.url));
