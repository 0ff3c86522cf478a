// The background worker: dequeues report jobs, computes each report ahead of time, and stores
// it once the data store exists (until then it only counts the jobs: nothing is lost for users,
// who still get reports computed inline). GET /stats shows what it did.
import { createServer } from 'node:http';
import { call, listen, send } from '../../lib/http.js';
import { computeReport } from '../lib/report.js';

const QUEUE = process.env.QUEUE_URL ?? 'http://127.0.0.1:4431';
const RESULTS = process.env.RESULTS_URL ?? 'http://127.0.0.1:4432';
const stats = { processed: 0, stored: 0, storeAbsent: 0 };

async function drain() {
  for (;;) {
    const taken = await call(`${QUEUE}/queues/report-jobs/take`, { method: 'POST' });
    if (taken?.status !== 200) return;
    const job = JSON.parse(taken.body.body);
    stats.processed++;
    const stored = await call(`${RESULTS}/results/${job.reportId}`, {
      method: 'PUT',
      body: JSON.stringify({ reportId: job.reportId, content: `${computeReport(job.reportId)} (precomputed by the worker)` }),
    });
    if (stored?.status === 204) stats.stored++;
    else stats.storeAbsent++;
  }
}

const timer = setInterval(() => void drain(), 200);
const server = createServer((req, res) => {
  if (req.url === '/healthz') return send(res, 200, { ok: true });
  send(res, 200, stats);
});
listen(server);
process.on('SIGTERM', () => clearInterval(timer));
