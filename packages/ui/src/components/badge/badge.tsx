import type { HTMLAttributes } from 'react';
import type { StatusTone } from '../status-dot/status-dot';
import './badge.css';

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: StatusTone;
  /** Filled badges shout (a priority, a breach); outlined ones inform (a state). */
  variant?: 'filled' | 'outline';
}

/** A short label with a tone: states, priorities, flags. The text carries the meaning; colour only supports it. */
export function Badge({ tone = 'neutral', variant = 'outline', className, children, ...rest }: BadgeProps) {
  return (
    <span
      {...rest}
      className={['c2-badge', `c2-badge--${tone}`, `c2-badge--${variant}`, className]
        .filter(Boolean)
        .join(' ')}
      data-tone={tone}
    >
      {children}
    </span>
  );
}
