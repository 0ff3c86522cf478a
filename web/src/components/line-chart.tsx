/** A small SVG line chart: one line per series, shared time axis. No chart library needed for this. */
export interface Series {
  readonly name: string;
  readonly colour: string;
  /** [time ms, value] pairs in time order. */
  readonly points: ReadonlyArray<readonly [number, number]>;
  readonly dashed?: boolean;
}

export function LineChart({ title, series, unit, height = 140 }: { title: string; series: readonly Series[]; unit: string; height?: number }) {
  const width = 420;
  const pad = 28;
  const all = series.flatMap((s) => s.points);
  const t0 = Math.min(...all.map((p) => p[0]), Date.now());
  const t1 = Math.max(...all.map((p) => p[0]), t0 + 1);
  const vMax = Math.max(...all.map((p) => p[1]), 0) || 1;
  const x = (t: number) => pad + ((t - t0) / (t1 - t0)) * (width - pad - 4);
  const y = (v: number) => height - pad + 4 - (v / vMax) * (height - pad - 8);
  const last = (s: Series) => s.points[s.points.length - 1]?.[1];
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <strong>{title}</strong>{' '}
        <span className="muted">
          {series.map((s) => `${s.name}: ${format(last(s))}${unit}`).join(' · ')}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title} over time`}>
        <line x1={pad} y1={height - pad + 4} x2={width} y2={height - pad + 4} stroke="currentColor" opacity={0.3} />
        <text x={2} y={12} fontSize={10}>
          {format(vMax)}
          {unit}
        </text>
        <text x={2} y={height - pad + 4} fontSize={10}>
          0
        </text>
        {series.map((s) => (
          <polyline
            key={s.name}
            fill="none"
            stroke={s.colour}
            strokeWidth={2}
            strokeDasharray={s.dashed ? '5 3' : undefined}
            points={s.points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
          />
        ))}
      </svg>
    </figure>
  );
}

function format(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (value >= 100) return value.toFixed(0);
  if (value >= 1) return value.toFixed(1);
  return value.toFixed(3);
}
