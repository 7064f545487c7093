/**
 * The load generator of HTTP benchmarks, in a worker thread so that it runs on the other core than the
 * server: keep-alive connections, a fixed number of requests in flight, one latency per request.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ paths: string[], host: string, port: number, headers: Record<string, string>, requests: number, concurrency: number }} */
const job = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });

/** @param {string} path @returns {Promise<{ status: number, body: string }>} */
function get(path) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: job.host, port: job.port, path, agent, headers: job.headers }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** @type {number[]} */
const latencies = [];
/** @type {{ status: number, body: string }[]} */
const failures = [];
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: job.concurrency }, async () => {
    while (next < job.requests) {
      const path = job.paths[next++ % job.paths.length];
      const t0 = performance.now();
      const r = await get(path);
      latencies.push(performance.now() - t0);
      if (r.status !== 200 && failures.length < 5) failures.push(r);
    }
  }),
);
agent.destroy();
parentPort?.postMessage({ latencies, seconds: (performance.now() - started) / 1000, failures });
