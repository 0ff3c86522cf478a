// The existing service: GET /reports/:id. Version 2 also enqueues a job for the background
// worker (users see no change); version 3 reads precomputed reports from the data store when the
// reports-from-store flag is on, and computes them inline otherwise.
import { createServer } from 'node:http';
import { call, listen, send } from '../../lib/http.js';
import { computeReport } from './report.js';

const QUEUE = process.env.QUEUE_URL ?? 'http://127.0.0.1:4431';
const RESULTS = process.env.RESULTS_URL ?? 'http://127.0.0.1:4432';
const CONTROL_PLANE = process.env.STEPWISE_URL ?? 'http://127.0.0.1:4400';
const ENVIRONMENT = process.env.STEPWISE_ENV ?? 'production';

async function flagOn(name) {
  const token = process.env.STEPWISE_TOKEN;
  const answer = await call(`${CONTROL_PLANE}/v1/environments/${ENVIRONMENT}/flags/${name}/evaluate`, {
    method: 'POST',
    body: JSON.stringify({ context: {} }),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  // the control plane out of reach means the flag's default: off
  return answer?.status === 200 && answer.body?.enabled === true;
}

export function startApi({ version, enqueue = false, readFromStore = false }) {
  const server = createServer(async (req, res) => {
    if (req.url === '/healthz') return send(res, 200, { ok: true });
    const match = /^\/reports\/([\w-]+)$/.exec(req.url ?? '');
    if (req.method !== 'GET' || !match) return send(res, 404, { error: 'try GET /reports/<id>' });
    const reportId = match[1];
    if (enqueue) {
      const job = { reportId, requestedAt: new Date().toISOString() };
      // a queue that is away or refuses the job never changes the answer users get
      await call(`${QUEUE}/queues/report-jobs/messages`, { method: 'POST', body: JSON.stringify({ queue: 'report-jobs', body: JSON.stringify(job) }) });
    }
    if (readFromStore && (await flagOn('reports-from-store'))) {
      const stored = await call(`${RESULTS}/results/${reportId}`);
      if (stored?.status === 200) return send(res, 200, { reportId, content: stored.body.content, source: 'data store' });
    }
    send(res, 200, { reportId, content: computeReport(reportId), source: 'computed inline' });
  });
  listen(server);
  console.log(`api@${version} up`);
}
