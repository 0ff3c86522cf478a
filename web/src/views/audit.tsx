import { useState } from 'react';
import { ErrorBox } from '../components/error-box.tsx';
import type { AuditEvent } from '../types.ts';
import { useApi } from '../use-api.ts';

/** The event log as a timeline, filterable by subject, action and actor. */
export default function AuditView({ query }: { query: URLSearchParams }) {
  const [filters, setFilters] = useState({ subject: query.get('subject') ?? '', action: query.get('action') ?? '', actor: query.get('actor') ?? '' });
  const [applied, setApplied] = useState(filters);
  const params = new URLSearchParams({ limit: '200' });
  for (const [key, value] of Object.entries(applied)) if (value) params.set(key, value);
  const events = useApi<{ events: AuditEvent[] }>(`/v1/audit?${params.toString()}`);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit</h2>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(filters);
        }}
      >
        {(['subject', 'action', 'actor'] as const).map((key) => (
          <label key={key}>
            {key}{' '}
            <input value={filters[key]} onChange={(event) => setFilters({ ...filters, [key]: event.target.value })} placeholder={key === 'subject' ? 'e.g. service:writer' : ''} />
          </label>
        ))}
        <button type="submit" className="primary">
          Filter
        </button>
      </form>
      <ErrorBox error={events.error} />
      <ol className="timeline" aria-label="Audit events, newest first">
        {(events.data?.events ?? []).map((event) => (
          <li key={event.id}>
            <time dateTime={event.at}>{new Date(event.at).toLocaleString()}</time> · <strong>{event.action}</strong> <code>{event.subject}</code>{' '}
            <span className="muted">by {event.actor}</span>
            {event.data !== undefined && event.data !== null ? (
              <details>
                <summary>details</summary>
                <pre>{JSON.stringify({ data: event.data, previous: event.previous }, null, 2)}</pre>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {events.data?.events.length === 0 ? <p className="muted">No events match.</p> : null}
    </section>
  );
}
