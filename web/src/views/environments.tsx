import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ErrorBox } from '../components/error-box.tsx';
import { since } from '../components/since.ts';
import { href } from '../router.ts';
import type { StatusMatrix } from '../types.ts';
import { useApi } from '../use-api.ts';

const ROW_HEIGHT = 36;

/** Services x environments with what is live where; rows are virtualised for thousands of services. */
export function EnvironmentsView({ query }: { query: URLSearchParams }) {
  const status = useApi<StatusMatrix>('/v1/status');
  const [filter, setFilter] = useState(query.get('q') ?? '');
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const services = status.data?.services ?? [];
    if (!needle) return services;
    return services.filter(
      (s) =>
        s.service.toLowerCase().includes(needle) ||
        (s.owner ?? '').toLowerCase().includes(needle) ||
        Object.values(s.live).some((list) => list.some((v) => v.version.toLowerCase().includes(needle))),
    );
  }, [status.data, filter]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const environments = status.data?.environments ?? [];
  const columns = `minmax(180px, 1.2fr) minmax(120px, 0.8fr) ${environments.map(() => 'minmax(160px, 1fr)').join(' ')}`;

  return (
    <section aria-labelledby="env-title">
      <h2 id="env-title">Environments</h2>
      <div className="toolbar">
        <label htmlFor="filter">Filter</label>
        <input id="filter" type="search" placeholder="service, owner or version" value={filter} onChange={(event) => setFilter(event.target.value)} />
        <span className="muted" aria-live="polite" data-testid="service-count">
          {rows.length} of {status.data?.services.length ?? 0} services
        </span>
        <button type="button" onClick={status.reload}>
          Refresh
        </button>
      </div>
      <ErrorBox error={status.error} />
      <div className="matrix" ref={scroller} role="table" aria-label="Live versions by service and environment" aria-rowcount={rows.length + 1}>
        <div className="row head" role="row" style={{ gridTemplateColumns: columns }}>
          <div role="columnheader">Service</div>
          <div role="columnheader">Owner</div>
          {environments.map((env) => (
            <div role="columnheader" key={env}>
              {env}
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
          {virtualizer.getVirtualItems().map((item) => {
            const service = rows[item.index]!;
            return (
              <div
                key={service.service}
                role="row"
                aria-rowindex={item.index + 2}
                className="row"
                style={{ gridTemplateColumns: columns, position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <div role="cell">
                  <a href={href('services', service.service)}>{service.service}</a>
                </div>
                <div role="cell" className="muted">
                  {service.owner ?? '—'}
                </div>
                {environments.map((env) => {
                  const live = service.live[env] ?? [];
                  return (
                    <div role="cell" key={env} title={live.map((v) => `${v.version} on ${v.target} since ${v.since}`).join('\n')}>
                      {live.length === 0 ? <span className="muted">—</span> : null}
                      {live.map((v) => (
                        <span key={`${v.target}-${v.version}`} className={`version${live.length > 1 ? ' canary' : ''}`}>
                          {v.version}
                          {v.target !== 'default' ? <span className="muted"> @{v.target}</span> : null}
                          <span className="muted"> · {since(v.since)}</span>
                        </span>
                      ))}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      {status.data && status.data.services.length === 0 ? <p className="muted">No services yet: publish one with `stepwise publish`.</p> : null}
    </section>
  );
}
