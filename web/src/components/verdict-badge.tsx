/** Verdicts read in words and shapes, not colour alone. */
const SYMBOL = { yes: '✓', no: '✕', unknown: '?' } as const;

export function VerdictBadge({ verdict }: { verdict: 'yes' | 'no' | 'unknown' }) {
  return (
    <span className={`badge ${verdict}`} role="status">
      <span aria-hidden="true">{SYMBOL[verdict]}</span> {verdict}
    </span>
  );
}
