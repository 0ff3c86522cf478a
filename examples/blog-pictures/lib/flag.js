// Reads one feature flag from the Stepwise control plane; off when the control plane is away.
import { call } from '../../lib/http.js';

export async function flagOn(name) {
  const url = process.env.STEPWISE_URL ?? 'http://127.0.0.1:4400';
  const token = process.env.STEPWISE_TOKEN;
  const answer = await call(`${url}/v1/environments/${process.env.STEPWISE_ENV ?? 'production'}/flags/${name}/evaluate`, {
    method: 'POST',
    body: JSON.stringify({ context: {} }),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return answer?.status === 200 && answer.body?.enabled === true;
}
