import type { CountBy, SeriesPoint } from '@c2/api-client/schemas/dashboard';
import { testIds } from '@c2/ui/test-ids';

/** Formatting in the user's language (Vietnamese: 1.234,5 and dd/mm/yyyy), times in the province's zone. */
export function formatters(language: string) {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  return {
    number: (n: number) => number.format(n),
    day: (iso: string) =>
      new Date(iso).toLocaleDateString(language, {
        timeZone: 'Asia/Ho_Chi_Minh',
        day: '2-digit',
        month: '2-digit',
      }),
    hour: (iso: string) =>
      new Date(iso).toLocaleString(language, {
        timeZone: 'Asia/Ho_Chi_Minh',
        hour: '2-digit',
        minute: '2-digit',
        day: '2-digit',
        month: '2-digit',
      }),
    date: (day: string) =>
      new Date(`${day}T00:00:00+07:00`).toLocaleDateString(language, {
        timeZone: 'Asia/Ho_Chi_Minh',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      }),
  };
}

/**
 * Horizontal bars, largest first. With `onPick`, each bar is a button that drills down to the records behind it.
 */
export function BarList({
  name,
  title,
  items,
  format,
  onPick,
  pickLabel,
  wide = false,
  emptyLabel,
}: {
  /** Shown when there is nothing to draw. */
  emptyLabel: string;
  name: string;
  title: string;
  /** Spans the whole row (long names, the chart a report centres on). */
  wide?: boolean;
  items: readonly CountBy[];
  format: (n: number) => string;
  onPick?: (item: CountBy) => void;
  pickLabel?: (item: CountBy) => string;
}) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <figure
      className={`c2-dash__chart${wide ? ' c2-dash__chart--wide' : ''}`}
      data-testid={testIds.dashboards.chart(name)}
    >
      <figcaption className="c2-dash__chart-title">{title}</figcaption>
      {items.length === 0 && <p className="c2-dash__muted">{emptyLabel}</p>}
      <ol className="c2-dash__bars">
        {items.map((item) => {
          const body = (
            <>
              <span className="c2-dash__bar-label" title={item.name}>
                {item.name}
              </span>
              <span className="c2-dash__bar-track" aria-hidden="true">
                <span className="c2-dash__bar-fill" style={{ width: `${(item.count / max) * 100}%` }} />
              </span>
              <span className="c2-dash__bar-value">{format(item.count)}</span>
            </>
          );
          return (
            <li key={item.key}>
              {onPick ? (
                <button
                  type="button"
                  className="c2-dash__bar"
                  data-testid={testIds.dashboards.bar(name, item.key)}
                  data-key={item.key}
                  data-count={item.count}
                  aria-label={pickLabel?.(item)}
                  onClick={() => onPick(item)}
                >
                  {body}
                </button>
              ) : (
                <div className="c2-dash__bar" data-key={item.key} data-count={item.count}>
                  {body}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

/**
 * Violations per bucket as columns (SVG), the previous period as a line over them. Columns are buttons when the
 * buckets are days (drill down to that day's records).
 */
export function ColumnChart({
  name,
  title,
  series,
  previous,
  label,
  format,
  onPick,
}: {
  name: string;
  title: string;
  series: readonly SeriesPoint[];
  previous: readonly SeriesPoint[] | null;
  label: (iso: string) => string;
  format: (n: number) => string;
  onPick?: (point: SeriesPoint) => void;
}) {
  const W = 720;
  const H = 180;
  const max = Math.max(1, ...series.map((p) => p.violations), ...(previous ?? []).map((p) => p.violations));
  const w = W / Math.max(1, series.length);
  const y = (v: number) => H - (v / max) * (H - 10);
  const every = Math.max(1, Math.ceil(series.length / 8));
  const line =
    previous && previous.length > 0
      ? previous
          .slice(0, series.length)
          .map((p, i) => `${i * w + w / 2},${y(p.violations)}`)
          .join(' ')
      : null;
  return (
    <figure className="c2-dash__chart c2-dash__chart--wide" data-testid={testIds.dashboards.chart(name)}>
      <figcaption className="c2-dash__chart-title">{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 20}`} className="c2-dash__svg" role="img" aria-label={title}>
        {series.map((p, i) => {
          const h = H - y(p.violations);
          return (
            <g key={p.bucket}>
              <rect
                x={i * w + 1}
                y={y(p.violations)}
                width={Math.max(1, w - 2)}
                height={h}
                className={`c2-dash__col${onPick ? ' c2-dash__col--pick' : ''}`}
                data-testid={testIds.dashboards.bar(name, p.bucket)}
                data-count={p.violations}
                onClick={onPick ? () => onPick(p) : undefined}
              >
                <title>{`${label(p.bucket)}: ${format(p.violations)}`}</title>
              </rect>
              {i % every === 0 && (
                <text x={i * w + w / 2} y={H + 15} className="c2-dash__axis" textAnchor="middle">
                  {label(p.bucket)}
                </text>
              )}
            </g>
          );
        })}
        {line && <polyline points={line} className="c2-dash__prev" />}
      </svg>
    </figure>
  );
}

/** Violations by weekday × hour as a grid of shades; the number is in each cell's title. */
export function HeatGrid({
  title,
  grid,
  days,
  format,
}: {
  title: string;
  grid: readonly (readonly number[])[];
  days: readonly string[];
  format: (n: number) => string;
}) {
  const max = Math.max(1, ...grid.flat());
  return (
    <figure className="c2-dash__chart c2-dash__chart--wide" data-testid={testIds.dashboards.chart('heat')}>
      <figcaption className="c2-dash__chart-title">{title}</figcaption>
      <div className="c2-dash__heat" role="table" aria-label={title}>
        <div className="c2-dash__heat-row" role="row">
          <span role="columnheader" />
          {Array.from({ length: 24 }, (_, h) => (
            <span key={h} role="columnheader" className="c2-dash__heat-hour">
              {h % 3 === 0 ? h : ''}
            </span>
          ))}
        </div>
        {grid.map((row, d) => (
          <div key={d} className="c2-dash__heat-row" role="row">
            <span role="rowheader" className="c2-dash__heat-day">
              {days[d]}
            </span>
            {row.map((n, h) => (
              <span
                key={h}
                role="cell"
                className="c2-dash__heat-cell"
                title={`${days[d]} ${h}h: ${format(n)}`}
                data-count={n}
                style={{ opacity: n === 0 ? 0.08 : 0.2 + (0.8 * n) / max }}
              />
            ))}
          </div>
        ))}
      </div>
    </figure>
  );
}

/** A small line of counts over time (events per minute). */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const W = 300;
  const H = 60;
  const max = Math.max(1, ...values);
  const step = W / Math.max(1, values.length - 1);
  const points = values.map((v, i) => `${i * step},${H - (v / max) * (H - 4) - 2}`).join(' ');
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      className="c2-dash__spark"
      role="img"
      aria-label={label}
    >
      <polyline points={points} className="c2-dash__spark-line" />
    </svg>
  );
}
