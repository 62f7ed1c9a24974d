import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Security headers on every response (helmet): a Content-Security-Policy the built web app runs
 * under (its own scripts, styles and GraphQL endpoint only; no framing by any origin), nosniff,
 * a strict referrer policy and X-Frame-Options DENY. No upgrade-insecure-requests: courts often
 * serve the app over plain HTTP inside their network. In development the GraphiQL page, which
 * loads its scripts from a CDN, is left without a CSP.
 */
export function securityHeaders(development: boolean): Middleware {
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Vue sets style attributes for dynamic styles
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // a browser would remember HTTPS-only for the host; that is the court's choice, at its proxy
    strictTransportSecurity: false,
  });
  const withoutCsp = helmet({ contentSecurityPolicy: false, frameguard: { action: 'deny' }, referrerPolicy: { policy: 'no-referrer' }, strictTransportSecurity: false });
  return (req, res, next) => {
    const graphiql = development && req.method === 'GET' && (req.url ?? '').startsWith('/graphql') && (req.headers.accept ?? '').includes('text/html');
    (graphiql ? withoutCsp : strict)(req, res, next);
  };
}
