import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpDuration, httpRequests, secondsSince } from './metrics.registry.js';

type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

/** Counts and times every HTTP request by method, matched route pattern (never the raw path) and status. */
export function httpMetricsMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const started = process.hrtime.bigint();
  // Apollo is mounted under /graphql, which rewrites req.url while it handles the request
  const graphql = (req.url ?? '').split('?')[0].startsWith('/graphql');
  res.once('finish', () => {
    const r = req as RoutedRequest;
    const pattern = typeof r.route?.path === 'string' ? `${r.baseUrl ?? ''}${r.route.path}` : graphql ? '/graphql' : 'unmatched';
    const labels = { method: req.method ?? 'GET', route: pattern, status: String(res.statusCode) };
    httpRequests.inc(labels);
    httpDuration.observe(labels, secondsSince(started));
  });
  next();
}
