import './status-dot.css';

export type StatusTone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

export interface StatusDotProps {
  tone: StatusTone;
  /** Pulses gently, for states in progress such as reconnecting. */
  pulse?: boolean;
  /** When given the dot is announced; otherwise it is decorative and a visible label must carry the meaning. */
  label?: string;
  size?: 'sm' | 'md';
}

/** A small coloured dot for a status. Colour is never the only carrier of meaning: pair it with text or `label`. */
export function StatusDot({ tone, pulse = false, label, size = 'md' }: StatusDotProps) {
  const className = `c2-status-dot c2-status-dot--${tone} c2-status-dot--${size}${pulse ? ' c2-status-dot--pulse' : ''}`;
  if (label) return <span className={className} role="img" aria-label={label} data-tone={tone} />;
  return <span className={className} aria-hidden="true" data-tone={tone} />;
}
