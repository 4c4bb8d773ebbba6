import { StatusDot, type StatusTone } from '../status-dot/status-dot';
import './connection-indicator.css';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

const TONE: Record<ConnectionState, StatusTone> = {
  connecting: 'warn',
  live: 'ok',
  reconnecting: 'warn',
  offline: 'danger',
};

export interface ConnectionIndicatorProps {
  state: ConnectionState;
  /** The state in words, e.g. "Trực tuyến". */
  label: string;
  /** Longer explanation shown on hover, e.g. the last sequence number. */
  detail?: string;
  testId: string;
}

/**
 * The live-connection badge of the header: green when live, amber while (re)connecting, red when offline.
 * `data-state` carries the machine-readable state for tests and styling; the change is announced politely.
 */
export function ConnectionIndicator({ state, label, detail, testId }: ConnectionIndicatorProps) {
  return (
    <div
      className={`c2-connection-indicator c2-connection-indicator--${state}`}
      role="status"
      data-testid={testId}
      data-state={state}
      title={detail}
    >
      <StatusDot tone={TONE[state]} pulse={state === 'connecting' || state === 'reconnecting'} />
      <span className="c2-connection-indicator__label">{label}</span>
    </div>
  );
}
