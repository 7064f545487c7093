import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics: request counts and latencies per route, plus the process's own. */
export function installMetrics(app: FastifyInstance): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labels = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'shuzhi_http_requests_total',
    help: 'HTTP requests',
    labelNames: labels,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'shuzhi_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: labels,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL, so label cardinality stays bounded.
    const route = request.routeOptions.url ?? 'unmatched';
    const l = { method: request.method, route, status: String(reply.statusCode) };
    requests.inc(l);
    latency.observe(l, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return registry;
}
