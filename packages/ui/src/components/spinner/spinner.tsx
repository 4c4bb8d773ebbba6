import './spinner.css';

export interface SpinnerProps {
  /** Announced to screen readers and shown beside the spinner unless `hideLabel`. */
  label: string;
  hideLabel?: boolean;
  testId?: string;
}

/** A loading indicator with a live-region label. */
export function Spinner({ label, hideLabel = false, testId }: SpinnerProps) {
  return (
    <div className="c2-spinner" role="status" data-testid={testId}>
      <span className="c2-spinner__wheel" aria-hidden="true" />
      <span className={hideLabel ? 'c2-visually-hidden' : 'c2-spinner__label'}>{label}</span>
    </div>
  );
}
