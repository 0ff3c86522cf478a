import { ErrorBox } from '../components/error-box.tsx';
import { href } from '../router.ts';
import type { Insights } from '../types.ts';
import { useApi } from '../use-api.ts';
import { formatDuration } from '../../../src/insights/format-duration.ts';

/** Delivery metrics per service over the last 30 days, and the services that deploy together. */
export function DeliveryPanel({ environment }: { environment: string }) {
  const insights = useApi<Insights>(`/v1/environments/${encodeURIComponent(environment)}/insights`);
  const data = insights.data;
  return (
    <section aria-labelledby="insights-title" className="card">
      <h3 id="insights-title">Insights: delivery in {environment}, last 30 days</h3>
      <ErrorBox error={insights.error} />
      {data && data.services.length === 0 ? <p className="muted">Nothing was deployed in {environment} yet.</p> : null}
      {data && data.services.length > 0 ? (
        <table aria-label={`Delivery metrics in ${environment}`}>
          <thead>
            <tr>
              <th>Service</th>
              <th>Deployments</th>
              <th>Per week</th>
              <th title="From publishing a version to its first deployment here">Lead time (median / p90)</th>
              <th title="Deployments rolled back, or reverted to an older version">Change failure rate</th>
              <th title="From a failed deployment until the service was healthy again">Time to restore (median)</th>
              <th title={`Deployments within ${data.reworkWindowMinutes} minutes of the one before`}>Rework rate</th>
            </tr>
          </thead>
          <tbody>
            {data.services.map((s) => (
              <tr key={s.service}>
                <td>
                  <a href={href('services', s.service)}>{s.service}</a>
                </td>
                <td>{s.deployments}</td>
                <td>{round(s.perWeek)}</td>
                <td>{s.leadTime.measured === 0 ? '—' : `${duration(s.leadTime.median)} / ${duration(s.leadTime.p90)}`}</td>
                <td>{s.changeFailureRate === null ? '—' : `${percent(s.changeFailureRate)} (${s.failures})`}</td>
                <td>{s.timeToRestore.median === null ? (s.timeToRestore.unrestored > 0 ? 'not yet' : '—') : duration(s.timeToRestore.median)}</td>
                <td>{s.reworkRate === null ? '—' : `${percent(s.reworkRate)} (${s.reworks})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data ? (
        <>
          <h4>Deploy together (within {data.coDeployWindowMinutes} minutes)</h4>
          {data.coDeployments.length === 0 ? <p className="muted">none</p> : null}
          <ul aria-label="Services that deploy together">
            {data.coDeployments.map((pair) => (
              <li key={pair.services.join('+')}>
                {pair.services.join(' + ')}: {pair.together} times, {percent(pair.ratio)} of their deployments
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function percent(ratio: number): string {
  return `${round(ratio * 100)}%`;
}

function duration(ms: number | null): string {
  return ms === null ? '—' : formatDuration(ms);
}
