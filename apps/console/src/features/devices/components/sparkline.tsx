import type { MetricKey, MetricPoint } from '@c2/api-client/schemas/device';

export interface SparklineProps {
  points: readonly MetricPoint[];
  metric: MetricKey;
  label: string;
  /** Formats a value for the label (unit, language). */
  format: (value: number | null) => string;
  width?: number;
  height?: number;
}

/**
 * A small line of one reading over time. A gap in the readings (device offline) breaks the line rather than
 * drawing a slope across it. The newest value is printed beside the line; min and max in its title.
 */
export function Sparkline({ points, metric, label, format, width = 220, height = 40 }: SparklineProps) {
  const values = points.map((p) => p[metric]);
  const present = values.filter((v): v is number => v !== null);
  const min = present.length ? Math.min(...present) : 0;
  const max = present.length ? Math.max(...present) : 1;
  const span = max - min || 1;
  const t0 = points.length ? Date.parse(points[0]!.ts) : 0;
  const t1 = points.length ? Date.parse(points[points.length - 1]!.ts) : 1;
  const x = (ts: string) => ((Date.parse(ts) - t0) / (t1 - t0 || 1)) * (width - 4) + 2;
  const y = (v: number) => height - 3 - ((v - min) / span) * (height - 6);
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    const v = values[i];
    if (v === null || v === undefined) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(p.ts).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const last = values.length ? (values[values.length - 1] ?? null) : null;
  return (
    <figure className="c2-sparkline" title={`${label}: ${format(min)} – ${format(max)}`}>
      <figcaption className="c2-sparkline__label">{label}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        className="c2-sparkline__chart"
        role="img"
        aria-label={`${label}: ${format(last)}`}
      >
        <rect width={width} height={height} className="c2-sparkline__bg" rx="3" />
        {segments.map((s, i) =>
          s.includes(' ') ? (
            <polyline key={i} points={s} className="c2-sparkline__line" vectorEffect="non-scaling-stroke" />
          ) : (
            <circle key={i} cx={s.split(',')[0]} cy={s.split(',')[1]} r="1.5" className="c2-sparkline__dot" />
          ),
        )}
      </svg>
      <span className="c2-sparkline__value">{format(last)}</span>
    </figure>
  );
}
