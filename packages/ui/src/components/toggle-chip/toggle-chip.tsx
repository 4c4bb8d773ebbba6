import type { ReactNode } from 'react';
import { StatusDot, type StatusTone } from '../status-dot/status-dot';
import './toggle-chip.css';

export interface ToggleChipProps {
  pressed: boolean;
  onToggle: () => void;
  label: string;
  tone?: StatusTone;
  /** A count shown at the end, e.g. cameras in this state. */
  count?: number;
  /** Formats the count for the user's language. */
  formatCount?: (count: number) => string;
  icon?: ReactNode;
  testId?: string;
}

/**
 * A pressable chip (`aria-pressed`) with an optional status dot and count: a legend entry that is also a filter.
 * `data-count` and `data-pressed` expose the numbers to tests.
 */
export function ToggleChip({
  pressed,
  onToggle,
  label,
  tone,
  count,
  formatCount,
  icon,
  testId,
}: ToggleChipProps) {
  return (
    <button
      type="button"
      className="c2-toggle-chip"
      aria-pressed={pressed}
      data-testid={testId}
      data-count={count}
      data-pressed={pressed}
      onClick={onToggle}
    >
      {tone ? <StatusDot tone={tone} /> : icon}
      <span className="c2-toggle-chip__label">{label}</span>
      {count === undefined ? null : (
        <span className="c2-toggle-chip__count">{formatCount ? formatCount(count) : count}</span>
      )}
    </button>
  );
}
