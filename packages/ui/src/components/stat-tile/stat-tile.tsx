import type { ReactNode } from 'react';
import { StatusDot, type StatusTone } from '../status-dot/status-dot';
import './stat-tile.css';

export interface StatTileProps {
  label: string;
  value: number;
  /** Formats the value for the user's language. */
  formatValue?: (value: number) => string;
  tone?: StatusTone;
  testId?: string;
}

/** One big number with its label. `data-value` carries the raw number for tests. */
export function StatTile({ label, value, formatValue, tone, testId }: StatTileProps) {
  return (
    <div className={`c2-stat-tile${tone ? ` c2-stat-tile--${tone}` : ''}`}>
      <dt className="c2-stat-tile__label">
        {tone ? <StatusDot tone={tone} size="sm" /> : null}
        {label}
      </dt>
      <dd className="c2-stat-tile__value" data-testid={testId} data-value={value}>
        {formatValue ? formatValue(value) : value}
      </dd>
    </div>
  );
}

export interface StatGridProps {
  children: ReactNode;
  label?: string;
}

/** The `<dl>` that holds stat tiles. */
export function StatGrid({ children, label }: StatGridProps) {
  return (
    <dl className="c2-stat-grid" aria-label={label}>
      {children}
    </dl>
  );
}
