import type { Finding, Location } from '../types.ts';

/** Findings grouped by rule, each with where it points in the old and new documents. */
export function FindingsByRule({ findings }: { findings: Finding[] }) {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) groups.set(finding.rule, [...(groups.get(finding.rule) ?? []), finding]);
  if (findings.length === 0) return <p className="muted">No findings.</p>;
  return (
    <ul>
      {[...groups].map(([rule, list]) => (
        <li key={rule}>
          <strong>{rule}</strong> <span className={`badge ${list[0]!.severity === 'breaking' ? 'no' : 'unknown'}`}>{list[0]!.severity}</span> ×{list.length}
          <ul>
            {list.map((finding, i) => (
              <li key={i}>
                {finding.message}
                <span className="muted">
                  {' '}
                  — {where(finding.before, 'was')} {where(finding.after, 'now')}
                </span>
                {finding.example !== undefined ? (
                  <details>
                    <summary>example that no longer fits</summary>
                    <pre>{JSON.stringify(finding.example, null, 2)}</pre>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function where(location: Location | undefined, label: string): string {
  if (!location) return '';
  const file = location.file ? `${location.file}${location.line ? `:${location.line}` : ''} ` : '';
  return `${label} ${file}${location.pointer}`;
}
