import { useId, type ReactNode } from 'react';
import './panel.css';

export interface PanelProps {
  title: string;
  /** Controls on the right of the title, e.g. a close button. */
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
}

/** A titled section on a dark surface; the heading names the region for assistive technology. */
export function Panel({ title, actions, children, testId, className }: PanelProps) {
  const headingId = useId();
  return (
    <section
      className={['c2-panel', className].filter(Boolean).join(' ')}
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <div className="c2-panel__header">
        <h2 id={headingId} className="c2-panel__title">
          {title}
        </h2>
        {actions ? <div className="c2-panel__actions">{actions}</div> : null}
      </div>
      <div className="c2-panel__body">{children}</div>
    </section>
  );
}
