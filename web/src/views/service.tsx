import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { VerdictBadge } from '../components/verdict-badge.tsx';
import { href } from '../router.ts';
import type { Graph, InterfaceEntry, ServiceDetails, Verdict, VersionDetails, VersionDiff } from '../types.ts';
import { useApi } from '../use-api.ts';
import { FindingsByRule } from './findings-by-rule.tsx';

/** One service: versions, contracts, diffs, neighbours, and can-i-deploy for any version anywhere. */
export default function ServiceView({ name, query }: { name: string; query: URLSearchParams }) {
  const details = useApi<ServiceDetails>(`/v1/services/${encodeURIComponent(name)}`);
  const environments = useApi<{ environments: Array<{ name: string }> }>('/v1/environments');
  const versions = details.data?.versions ?? [];
  const [selected, setSelected] = useState<string | undefined>(query.get('version') ?? undefined);
  const current = selected ?? versions[0]?.version;
  const version = useApi<VersionDetails>(current ? `/v1/services/${encodeURIComponent(name)}/versions/${encodeURIComponent(current)}` : undefined);

  return (
    <section aria-labelledby="service-title">
      <h2 id="service-title">
        {name} {details.data?.service.owner ? <span className="muted">· {details.data.service.owner}</span> : null}
      </h2>
      <ErrorBox error={details.error} />
      <div className="grid2">
        <div className="card">
          <h3>Versions</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Published</th>
                <th scope="col">Commit</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version} aria-selected={v.version === current}>
                  <td>
                    <button type="button" className={v.version === current ? 'primary' : ''} onClick={() => setSelected(v.version)} aria-pressed={v.version === current}>
                      {v.version}
                    </button>
                    {v.hasContracts ? null : <span className="muted"> (no contracts)</span>}
                  </td>
                  <td>{new Date(v.publishedAt).toLocaleString()}</td>
                  <td>
                    <code>{v.commit?.slice(0, 10) ?? '—'}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="card">
          <h3>Contracts of {current ?? '—'}</h3>
          <ErrorBox error={version.error} />
          {version.data ? (
            <>
              <Interfaces title="Provides" entries={version.data.provides} />
              <Interfaces title="Consumes" entries={version.data.consumes} />
            </>
          ) : null}
        </div>
      </div>
      <CanIDeploy service={name} versions={versions.map((v) => v.version)} environments={environments.data?.environments.map((e) => e.name) ?? []} initial={current} />
      <Diff service={name} versions={versions.map((v) => v.version)} />
      <Neighbours service={name} environments={environments.data?.environments.map((e) => e.name) ?? []} />
    </section>
  );
}

function Interfaces({ title, entries }: { title: string; entries: InterfaceEntry[] }) {
  return (
    <>
      <h4>{title}</h4>
      {entries.length === 0 ? <p className="muted">nothing</p> : null}
      <ul>
        {entries.map((entry) => (
          <li key={entry.interface}>
            <code>{entry.interface}</code> <span className="muted">({entry.kind})</span>
            {entry.formats ? <span> · {Object.keys(entry.formats).join(', ')}</span> : null}
            {entry.operations ? <span> · uses {entry.operations.join(', ')}</span> : null}
            {entry.role === 'consumes' && !entry.required ? <span className="muted"> · optional</span> : null}
            {entry.flag ? <span className="muted"> · behind flag {entry.flag}</span> : null}
            {entry.retention ? <span className="muted"> · kept {entry.retention}</span> : null}
            {entry.contract ? (
              <>
                {' '}
                · <a href={`/v1/contracts/${encodeURIComponent(entry.contract)}`}>contract</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function CanIDeploy({ service, versions, environments, initial }: { service: string; versions: string[]; environments: string[]; initial: string | undefined }) {
  const [version, setVersion] = useState(initial ?? '');
  const [environment, setEnvironment] = useState('');
  const [result, setResult] = useState<Verdict | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => setVersion((v) => v || initial || ''), [initial]);
  useEffect(() => setEnvironment((e) => e || environments[environments.length - 1] || ''), [environments]);
  return (
    <div className="card">
      <h3>Can I deploy?</h3>
      <form
        className="toolbar"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(undefined);
          try {
            setResult(await api<Verdict>('/v1/can-i-deploy', { method: 'POST', body: { service, version, environment } }));
          } catch (failure) {
            setError(failure as Error);
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>
          Version{' '}
          <select value={version} onChange={(event) => setVersion(event.target.value)} aria-label="Version to check">
            {versions.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label>
          into{' '}
          <select value={environment} onChange={(event) => setEnvironment(event.target.value)} aria-label="Environment">
            {environments.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
        </label>
        <button className="primary" type="submit" disabled={busy || !version || !environment}>
          Check
        </button>
      </form>
      <ErrorBox error={error} />
      {result ? (
        <div data-testid="verdict">
          <p>
            <VerdictBadge verdict={result.verdict} /> {result.service}@{result.version} into {result.environment}
          </p>
          <ul>
            {result.reasons.map((reason, i) => (
              <li key={i}>
                <strong>{reason.code}</strong>
                {reason.interface ? (
                  <>
                    {' '}
                    on <code>{reason.interface}</code>
                  </>
                ) : null}
                {reason.counterpart ? <> with {reason.counterpart}</> : null}
                {reason.rule ? <span className="muted"> ({reason.rule})</span> : null}: {reason.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function Diff({ service, versions }: { service: string; versions: string[] }) {
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('');
  useEffect(() => {
    if (versions.length >= 2 && !from && !to) {
      setFrom(versions[1]!);
      setTo(versions[0]!);
    }
  }, [versions, from, to]);
  const diff = useApi<VersionDiff>(from && to && from !== to ? `/v1/services/${encodeURIComponent(service)}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` : undefined);
  if (versions.length < 2) return null;
  return (
    <div className="card">
      <h3>Diff</h3>
      <div className="toolbar">
        <label>
          from{' '}
          <select value={from} onChange={(event) => setFrom(event.target.value)} aria-label="Diff from version">
            {versions.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label>
          to{' '}
          <select value={to} onChange={(event) => setTo(event.target.value)} aria-label="Diff to version">
            {versions.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        {diff.data ? <span className={`badge ${diff.data.breaking ? 'no' : 'yes'}`}>{diff.data.breaking ? '✕ breaking' : '✓ compatible'}</span> : null}
      </div>
      <ErrorBox error={diff.error} />
      {diff.data?.interfaces
        .filter((entry) => entry.change !== 'unchanged')
        .map((entry) => (
          <div key={`${entry.role}-${entry.interface}`}>
            <h4>
              {entry.role} <code>{entry.interface}</code>: {entry.change}
            </h4>
            {entry.error ? <p className="error">{entry.error}</p> : null}
            <FindingsByRule findings={entry.findings} />
          </div>
        ))}
      {diff.data && diff.data.interfaces.every((entry) => entry.change === 'unchanged') ? <p className="muted">No contract changed.</p> : null}
    </div>
  );
}

function Neighbours({ service, environments }: { service: string; environments: string[] }) {
  const [environment, setEnvironment] = useState('');
  useEffect(() => setEnvironment((e) => e || environments[environments.length - 1] || ''), [environments]);
  const graph = useApi<Graph>(environment ? `/v1/environments/${encodeURIComponent(environment)}/graph` : undefined);
  const providers = graph.data?.links.filter((l) => l.consumer === service) ?? [];
  const consumers = graph.data?.links.filter((l) => l.provider === service) ?? [];
  return (
    <div className="card">
      <h3>
        Providers and consumers in{' '}
        <select value={environment} onChange={(event) => setEnvironment(event.target.value)} aria-label="Environment for neighbours">
          {environments.map((e) => (
            <option key={e}>{e}</option>
          ))}
        </select>
      </h3>
      <ErrorBox error={graph.error} />
      <div className="grid2">
        <LinkList title="It relies on" links={providers} other={(l) => l.provider} />
        <LinkList title="Relies on it" links={consumers} other={(l) => l.consumer} />
      </div>
    </div>
  );
}

function LinkList({ title, links, other }: { title: string; links: Graph['links']; other: (link: Graph['links'][number]) => string }) {
  return (
    <div>
      <h4>{title}</h4>
      {links.length === 0 ? <p className="muted">none live</p> : null}
      <ul>
        {links.map((link) => (
          <li key={`${link.consumer}-${link.provider}-${link.interface}`}>
            <a href={href('services', other(link))}>{other(link)}</a> over <code>{link.interface}</code>{' '}
            <span className={`badge ${link.status === 'compatible' ? 'yes' : link.status === 'breaking' ? 'no' : 'unknown'}`}>{link.status}</span>
            {link.problems.length > 0 ? (
              <ul>
                {link.problems.map((p) => (
                  <li key={p} className="muted">
                    {p}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
