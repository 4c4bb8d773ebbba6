import type { ReactNode } from 'react';
import './empty-state.css';

export interface EmptyStateProps {
  title: string;
  description?: string;
  /** e.g. a retry button. */
  action?: ReactNode;
  tone?: 'neutral' | 'danger';
  testId?: string;
}

/** What a panel shows when it has nothing to show, or could not load. */
export function EmptyState({ title, description, action, tone = 'neutral', testId }: EmptyStateProps) {
  return (
    <div
      className={`c2-empty-state c2-empty-state--${tone}`}
      data-testid={testId}
      role={tone === 'danger' ? 'alert' : undefined}
    >
      <p className="c2-empty-state__title">{title}</p>
      {description ? <p className="c2-empty-state__description">{description}</p> : null}
      {action ? <div className="c2-empty-state__action">{action}</div> : null}
    </div>
  );
}
